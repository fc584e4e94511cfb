import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { canHide, type Hiding, hidingOf, inlineStyle, readingOf } from "../../src/engine/visibility.js";
import { stripTracking } from "../../src/index.js";
import { rawAttributes } from "../support/raw-attributes.js";

const reason = (attributes: Record<string, string>, sheet?: Parameters<typeof hidingOf>[2], inherited?: Hiding) =>
  hidingOf("div", rawAttributes(attributes), sheet, inherited)?.reason;

describe("hidingOf", () => {
  it.each([
    [{ style: "display:none" }, "display:none on <div>"],
    [{ style: "visibility:hidden" }, "visibility:hidden on <div>"],
    [{ style: "opacity:0" }, "opacity:0 on <div>"],
    [{ style: "max-height:0px;overflow:hidden" }, "max-height:0 on <div>"],
    // Outlook's own: a browser shows what it holds (only in a conditional comment does it hide, below).
    [{ style: "mso-hide:all" }, undefined],
    [{ hidden: "" }, "hidden attribute on <div>"],
    [{ style: "height:0;overflow:auto hidden" }, "height:0 on <div>"],
    [{ style: "height:0;overflow:hidden auto" }, "height:0 on <div>"],
    [{ style: "overflow:visible hidden;max-height:0" }, "max-height:0 on <div>"],
    [{ style: "overflow-y:visible;overflow:hidden;max-height:0" }, "max-height:0 on <div>"],
    // An axis' `visible` is `auto` when the other axis scrolls or hides (Chromium: the image is clipped).
    [{ style: "height:0;overflow:hidden visible" }, "height:0 on <div>"],
    [{ style: "overflow:visible hidden;max-width:0" }, "max-width:0 on <div>"],
    [{ style: "overflow:hidden;overflow-y:visible;max-height:0" }, "max-height:0 on <div>"],
    [{ style: "height:0;overflow-x:hidden" }, "height:0 on <div>"],
    [{ style: "width:0;overflow-y:auto" }, "width:0 on <div>"],
    // ... but `clip` with `visible` stays as it is, and a value that is no keyword is no declaration.
    [{ style: "height:0;overflow:clip visible" }, undefined],
    [{ style: "height:0;overflow-x:clip" }, undefined],
    [{ style: "height:0;overflow:foo" }, undefined],
    [{ style: "height:0;overflow:hidden foo" }, undefined],
    [{ style: "height:0;overflow:hidden;overflow-y:foo" }, "height:0 on <div>"],
    // What a zero size holds shows past it unless it is clipped.
    [{ style: "max-height:0" }, undefined],
    [{ style: "max-width:0;height:0" }, undefined],
    // `hidden` is the browser's `display: none`, which the page's own display overrides.
    [{ hidden: "", style: "display:block" }, undefined],
    [{ hidden: "", style: "color:red" }, "hidden attribute on <div>"],
    [{ style: "display:none;all:unset" }, undefined],
    [{ style: "display:none;all:bogus" }, "display:none on <div>"],
    [{ style: "display:block" }, undefined],
    [{}, undefined],
  ])("%j -> %j", (attributes, expected) => {
    expect(reason(attributes)).toBe(expected);
  });

  it("reads hiding from matching <style> rules", () => {
    const sheet = { declarations: [{ name: "display", value: "none", important: false }], onSomeScreens: [], mayApply: [], openersLeft: false };
    expect(reason({}, sheet)).toBe("display:none on <div> (by a <style> rule)");
    expect(reason({ style: "opacity:0" }, sheet)).toBe("display:none on <div> (by a <style> rule)");
    expect(reason({ style: "display:inline;opacity:0" }, sheet)).toBe("opacity:0 on <div>");
  });

  it("the last declaration of a property wins, and a rule's !important wins over an inline one without it", () => {
    const none = { name: "display", value: "none", important: false };
    const sheet = (declarations: { name: string; value: string; important: boolean }[]) => ({ declarations, onSomeScreens: [], mayApply: [], openersLeft: false });
    expect(reason({ style: "display:none;display:block" })).toBeUndefined();
    expect(reason({ style: "display:block" }, sheet([none]))).toBeUndefined();
    expect(reason({ style: "display:block" }, sheet([{ ...none, important: true }]))).toBe("display:none on <div> (by a <style> rule)");
    expect(reason({ style: "display:block !important" }, sheet([{ ...none, important: true }]))).toBeUndefined();
    expect(reason({}, sheet([none, { name: "display", value: "block", important: false }]))).toBeUndefined();
    expect(reason({ style: "color:red" }, sheet([none]))).toBe("display:none on <div> (by a <style> rule)");
  });

  it("inherits its parent's hiding; under `visibility` alone, `visibility: visible` shows the element again", () => {
    const byVisibility: Hiding = { reason: "visibility:hidden on <div>", byVisibility: true };
    const byDisplay: Hiding = { reason: "display:none on <div>", byVisibility: false };
    expect(reason({}, undefined, byVisibility)).toBe(byVisibility.reason);
    expect(reason({ style: "visibility:visible" }, undefined, byVisibility)).toBeUndefined();
    expect(reason({ style: "visibility:visible" }, undefined, byDisplay)).toBe(byDisplay.reason);
    expect(reason({ style: "color:red" }, undefined, byVisibility)).toBe(byVisibility.reason);
    const visible = { declarations: [{ name: "visibility", value: "visible", important: false }], onSomeScreens: [], mayApply: [], openersLeft: false };
    expect(reason({}, visible, byVisibility)).toBeUndefined();
    expect(reason({ style: "visibility:hidden" }, visible, byVisibility)).toBe("visibility:hidden on <div>");
    expect(hidingOf("div", rawAttributes({ style: "visibility:collapse" }), undefined, undefined)).toEqual({ reason: "visibility:collapse on <div>", byVisibility: true });
    expect(hidingOf("div", rawAttributes({ style: "visibility:hidden;opacity:0" }), undefined, undefined)?.byVisibility).toBe(false);
  });

  it("a rule that may apply (a phone's) and opens a zero-size box makes it visible; one that does not, not", () => {
    const sheet = (mayApply: { name: string; value: string; important: boolean }[]) => ({ declarations: [], onSomeScreens: [], mayApply, openersLeft: false });
    const style = { style: "height:0;overflow:hidden" };
    expect(reason(style, sheet([{ name: "height", value: "auto", important: true }]))).toBeUndefined();
    expect(reason(style, sheet([{ name: "overflow", value: "visible", important: true }]))).toBeUndefined();
    expect(reason(style, sheet([{ name: "color", value: "red", important: true }]))).toBe("height:0 on <div>");
    // Inline wins over a rule without !important.
    expect(reason(style, sheet([{ name: "height", value: "auto", important: false }]))).toBe("height:0 on <div>");
  });

  it("what a zero-size box clips: not a descendant whose containing block is outside it, which keeps the hiding outside", () => {
    const clipped = hidingOf("div", rawAttributes({ style: "height:0;overflow:hidden" }), undefined, undefined);
    expect(clipped).toEqual({ reason: "height:0 on <div>", byVisibility: false, clip: { absolute: false, fixed: false, outside: undefined } });
    expect(hidingOf("img", rawAttributes({ style: "position:absolute" }), undefined, clipped)).toBeUndefined();
    expect(hidingOf("img", rawAttributes({ style: "position:static" }), undefined, clipped)).toBe(clipped);
    const relative = hidingOf("div", rawAttributes({ style: "position:relative" }), undefined, clipped);
    expect(relative?.clip).toEqual({ absolute: true, fixed: false, outside: undefined });
    expect(hidingOf("img", rawAttributes({ style: "position:absolute" }), undefined, relative)).toEqual(relative);
    // A fixed element's containing block is the viewport, unless a transform makes one.
    expect(hidingOf("img", rawAttributes({ style: "position:fixed" }), undefined, relative)).toBeUndefined();
    const transformed = hidingOf("div", rawAttributes({ style: "transform:translateZ(0)" }), undefined, clipped);
    expect(hidingOf("img", rawAttributes({ style: "position:fixed" }), undefined, transformed)?.reason).toBe("height:0 on <div>");
    // Escaping an inner box lands in the hiding outside it: a display:none parent's, or an outer box's clip.
    const none = hidingOf("td", rawAttributes({ style: "display:none" }), undefined, undefined);
    const inner = hidingOf("div", rawAttributes({ style: "max-height:0;overflow:hidden" }), undefined, none);
    expect(hidingOf("img", rawAttributes({ style: "position:absolute" }), undefined, inner)).toBe(none);
    const outer = hidingOf("div", rawAttributes({ style: "position:relative;max-height:0;overflow:hidden" }), undefined, undefined);
    const nested = hidingOf("div", rawAttributes({ style: "max-height:0;overflow:hidden" }), undefined, outer);
    expect(hidingOf("img", rawAttributes({ style: "position:absolute" }), undefined, nested)?.reason).toBe("max-height:0 on <div>");
  });

  it("an element an @media rule reveals is not hidden where the rule applies, unless something else still hides it there", () => {
    const revealed = { declarations: [], onSomeScreens: [], mayApply: [{ name: "display", value: "block", important: true }], openersLeft: false };
    expect(reason({ style: "display:none;max-height:0" }, revealed)).toBeUndefined();
    expect(reason({ hidden: "" }, revealed)).toBeUndefined();
    expect(reason({ style: "display:none;max-height:0;overflow:hidden" }, revealed)).toBe("display:none on <div>");
  });
});

describe("hidingOf's shortcut", () => {
  // A style the gate lets pass is judged by its parent's state alone: the same answer as reading it. A rule that
  // changes nothing (`opacity: 1`) makes every style read.
  const piece = fc.constantFrom(
    "display:none", "display:block", "overflow:hidden", "overflow: clip", "overflow-y:hidden", "height:0", "max-height:0",
    "width:0px", "max-width:.0", "visibility:hidden", "visibility:visible", "VISIBILITY:visible", "opacity:0", "opacity:.5",
    "all:unset", "ALL:initial", "OVERFLOW:CLIP", "HEIGHT:0", "w\\idth:0", "/**/", "mso-hide:all", "color:red", "line-height:0", " ", "!important",
  );
  const style = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(";"));
  const noEffect = { declarations: [{ name: "opacity", value: "1", important: false }], onSomeScreens: [], mayApply: [], openersLeft: false };
  const parents: (Hiding | undefined)[] = [undefined, { reason: "v", byVisibility: true }, { reason: "d", byVisibility: false }];
  fcIt.prop([style, fc.constantFrom(...parents), fc.boolean()], { seed: 20_261_203, numRuns: 3000 })(
    "gives what reading every style gives",
    (css, parent, hidden) => {
      const attributes = hidden ? { style: css, hidden: "" } : { style: css };
      expect(reason(attributes, undefined, parent)).toBe(reason(attributes, noEffect, parent)?.replace(" (by a <style> rule)", ""));
    },
  );
});

describe("inlineStyle", () => {
  it.each<[string, { name: string; value: string }[]]>([
    ["display: none ; WIDTH:1px!important;;x", [{ name: "display", value: "none" }, { name: "width", value: "1px" }]],
    ["\u00a0Height\u00a0:\u2028 2px \ufeff", [{ name: "height", value: "2px" }]],
    [":a;b:;c:d:e", [{ name: "b", value: "" }, { name: "c", value: "d:e" }]],
    ["  \t", []],
    ["font-family:'A B', Arial;width:+1.0px", [{ name: "font-family", value: "'A B', Arial" }, { name: "width", value: "1px" }]],
  ])("%j", (style, expected) => {
    expect(inlineStyle(style)).toEqual(expected);
  });

  // The plain path as it was written first (split, trim, toLowerCase, a regex per value): the index scan must
  // give exactly this on every style the tokenizer is not needed for.
  const importantSuffix = /\s*!\s*important\s*$/i;
  const bySplitting = (style: string) => {
    if (style.trim() === "") return [];
    const declarations: { name: string; value: string }[] = [];
    for (const part of style.split(";")) {
      const colon = part.indexOf(":");
      if (colon < 0) continue;
      const name = part.slice(0, colon).trim().toLowerCase();
      if (name !== "") declarations.push({ name, value: part.slice(colon + 1).replace(importantSuffix, "").trim() });
    }
    return declarations;
  };
  const piece = fc.constantFrom(
    ";", ":", " ", "\t", "\n", "\u00a0", "\u2028", "\ufeff", "\u0085", "\u212a", "\u0130", "!", "important", "IMPORTANT",
    "! important", "display", "DISPLAY", "none", "width", "1px", "a", "-", "0", "x;", ":;",
  );
  const plainStyle = fc.oneof(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join("")), fc.string());
  fcIt.prop([plainStyle], { seed: 20_261_202, numRuns: 3000 })("the index scan equals splitting", (style) => {
    if (/[\\/"'(]/.test(style)) return; // the tokenizer path
    expect(inlineStyle(style)).toEqual(bySplitting(style));
  });
});

describe("mso-hide", () => {
  it("hides only what Outlook alone reads (in a conditional comment)", () => {
    const attributes = rawAttributes({ style: "mso-hide:all" });
    expect(hidingOf("div", attributes, undefined, undefined, undefined, readingOf(true, false))?.reason).toBe("mso-hide:all on <div>");
    expect(hidingOf("div", attributes, undefined, undefined, undefined, readingOf(false, false))).toBeUndefined();
  });
});

describe("document mode", () => {
  it("takes a padding or size without a unit as pixels in quirks mode only", () => {
    const padded = rawAttributes({ style: "height:0;overflow:hidden;padding-bottom:60" });
    expect(hidingOf("div", padded, undefined, undefined, undefined, readingOf(false, true))).toBeUndefined();
    expect(hidingOf("div", padded, undefined, undefined, undefined, readingOf(false, false))?.reason).toBe("height:0 on <div>");
    const reopened = rawAttributes({ style: "max-height:0;overflow:hidden;max-height:60" });
    expect(hidingOf("div", reopened, undefined, undefined, undefined, readingOf(false, true))).toBeUndefined();
    expect(hidingOf("div", reopened, undefined, undefined, undefined, readingOf(false, false))?.reason).toBe("max-height:0 on <div>");
  });
});

describe("canHide", () => {
  it.each<[string, string, boolean]>([
    ["display", "none", true],
    ["display", "block", false],
    ["visibility", "hidden", true],
    ["visibility", "visible", false],
    ["opacity", "0", true],
    ["opacity", "1", false],
    ["max-height", "0", true],
    ["max-height", "none", false],
    ["height", "auto", false],
    ["overflow", "hidden", true],
    ["overflow", "visible", false],
    ["padding-bottom", "0", true],
    ["padding-bottom", "56%", false],
    ["mso-hide", "all", false],
    ["position", "relative", true],
    ["width", "100%", false],
  ])("%s: %s -> %j", (name, value, expected) => {
    expect(canHide({ name, value })).toBe(expected);
  });
});

describe("hidingOf: spellings that compute to opacity:0 or display:none (adversary19 F19)", () => {
  it.each(["opacity:-1", "opacity:-0.5", "opacity:-5%", "opacity:calc(0)", "opacity:calc(0.5 - 0.5)", "-webkit-opacity:0", "opacity:1;-webkit-opacity:0"])("%s hides", (style) => {
    expect(hidingOf("img", rawAttributes({ style }), undefined, undefined)?.reason).toBe("opacity:0 on <img>");
  });

  it.each(["opacity:calc(1)", "opacity:0.5", "opacity:-webkit-calc(0)x", "-webkit-opacity:0;opacity:1", "opacity:var(--o)"])("%s does not", (style) => {
    expect(hidingOf("img", rawAttributes({ style }), undefined, undefined)).toBeUndefined();
  });

  it("display:contents is display:none on a replaced element, and nothing on a box", () => {
    expect(hidingOf("img", rawAttributes({ style: "display:contents" }), undefined, undefined)?.reason).toBe("display:contents on <img>");
    expect(hidingOf("video", rawAttributes({ style: "display:contents" }), undefined, undefined)?.reason).toBe("display:contents on <video>");
    expect(hidingOf("div", rawAttributes({ style: "display:contents" }), undefined, undefined)).toBeUndefined();
  });

  it("end to end: a tokenized image hidden so is a pixel", () => {
    const TOK = "https://news.example-shop.com/o/8f14e45fceea167a5a36dedd4bea2543.gif";
    for (const style of ["opacity:-1", "opacity:-0.5", "opacity:calc(0)", "opacity:calc(0.5 - 0.5)", "-webkit-opacity:0", "display:contents"]) {
      expect(stripTracking(`<img src="${TOK}" style="${style}" alt="">`), style).toBe("");
    }
  });
});

describe("SVG presentation attributes and UA-hidden containers (adversary19 F17, F18, partly)", () => {
  const TOK = "https://news.example-shop.com/o/8f14e45fceea167a5a36dedd4bea2543.gif";
  const image = (attrs: string): string => `<image href="${TOK}" width="600" height="600"${attrs}/>`;
  const svg = (body: string): string => `<svg width="600" height="300">${body}</svg>`;

  it("reads display, visibility and opacity attributes of an SVG element as the author style they are", () => {
    const inSvg = { namespace: "svg", rawAttributes: [], displaysFlexBySheet: false };
    expect(hidingOf("image", rawAttributes({ display: "none" }), undefined, undefined, inSvg)?.reason).toBe("display:none on <image>");
    expect(hidingOf("g", rawAttributes({ visibility: "hidden" }), undefined, undefined, inSvg)?.reason).toBe("visibility:hidden on <g>");
    expect(hidingOf("image", rawAttributes({ opacity: "0" }), undefined, undefined, inSvg)?.reason).toBe("opacity:0 on <image>");
    // Below every rule and the inline style: `style="display:inline"` shows it.
    expect(hidingOf("image", rawAttributes({ display: "none", style: "display:inline" }), undefined, undefined, inSvg)).toBeUndefined();
    // Not on an HTML element, where such attributes mean nothing.
    expect(hidingOf("div", rawAttributes({ display: "none" }), undefined, undefined)).toBeUndefined();
  });

  it.each([
    ["<image display=none>", svg(image(' display="none"')), svg("")],
    ["<g display=none> around it", svg(`<g display="none">${image("")}</g>`), svg(`<g display="none"></g>`)],
    ["<image visibility=hidden>", svg(image(' visibility="hidden"')), svg("")],
    ["<image opacity=0>", svg(image(' opacity="0"')), svg("")],
    ["an unshown popover", `<div popover><img src="${TOK}" alt=""></div>`, "<div popover></div>"],
    ["<rp>", `<ruby>x<rp><img src="${TOK}" alt=""></rp><rt>y</rt></ruby>`, "<ruby>x<rp></rp><rt>y</rt></ruby>"],
  ])("end to end: a tokenized image hidden by %s goes", (_title, input, output) => {
    expect(stripTracking(input)).toBe(output);
  });

  it.each([
    // Mail clients that strip <video> (Gmail, Outlook) show its fallback: it is content there.
    ["a <video>'s fallback image", `<video src="cid:v" poster="cid:p"><img src="${TOK}" alt=""></video>`],
    ["a visible SVG image", svg(image(' display="inline" opacity="1"'))],
    ["a clean image in a popover (hidden alone is no evidence)", `<div popover><img src="https://cdn.example-shop.com/a.png" alt=""></div>`],
  ])("keeps %s", (_title, input) => {
    expect(stripTracking(input)).toBe(input);
  });
});

/** A content image whose URL carries a hash: a commenter's Gravatar (the MD5 of their address, not the reader's). */
const avatar = `<img src="https://www.gravatar.com/avatar/5d41402abc4b2a76b9719d911017c592?s=96&amp;d=identicon" width="48" height="48" alt="Ann">`;
const classedAvatar = avatar.replace("<img ", '<img class="x" ');
const trackerIn = (html: string) => `<p>a</p>${html}`;
const tracker = `<img src="https://t.example/o/3f2a9c8e7d6b5a4f3e2d1c0b" width="48" height="48">`;

describe("visibility:visible from a rule that may apply, under a visibility:hidden parent (adversary25 F2)", () => {
  it.each([
    ["a phone's @media on a descendant", `<style>@media (max-width:480px){.av{visibility:visible!important}}</style><div style="visibility:hidden"><span class="av">${avatar}</span></div>`],
    ["a phone's @media on the image", `<style>@media (max-width:480px){.x{visibility:visible!important}}</style><div style="visibility:hidden">${classedAvatar}</div>`],
    ["a selector read as inexact (.x:first-child)", `<style>.x:first-child{visibility:visible}</style><div style="visibility:hidden">${classedAvatar}</div>`],
    ["a child combinator (.m > img)", `<style>.m{visibility:hidden} .m > img{visibility:visible}</style><div class="m">${avatar}</div>`],
  ])("keeps %s", (_title, input) => {
    expect(stripTracking(input)).toBe(input);
  });
  it.each([
    ["under display:none (visibility shows nothing there)", `<style>@media (max-width:480px){.x{visibility:visible!important}}</style><div style="display:none">${tracker.replace("<img ", '<img class="x" ')}</div>`, `<style>@media (max-width:480px){.x{visibility:visible!important}}</style><div style="display:none"></div>`],
    ["when the @media rule reveals something else", `<style>@media (max-width:480px){.x{color:red}}</style><div style="visibility:hidden">${tracker.replace("<img ", '<img class="x" ')}</div>`, `<style>@media (max-width:480px){.x{color:red}}</style><div style="visibility:hidden"></div>`],
  ])("still removes a tokenized image %s", (_title, input, output) => {
    expect(stripTracking(trackerIn(input))).toBe(trackerIn(output));
  });
});

describe("all: initial under a visibility:hidden parent makes visibility visible (adversary25 F8)", () => {
  it("keeps the avatar in <div style=all:initial>", () => {
    const input = `<div style="visibility:hidden"><div style="all:initial">${avatar}</div></div>`;
    expect(stripTracking(input)).toBe(input);
  });
  it.each(["unset", "inherit", "revert"])("still removes a tokenized image under all:%s (visibility is inherited)", (keyword) => {
    expect(stripTracking(`<div style="visibility:hidden"><div style="all:${keyword}">${tracker}</div></div>`)).toBe(`<div style="visibility:hidden"><div style="all:${keyword}"></div></div>`);
  });
  it("still removes it when a later visibility:hidden follows all:initial", () => {
    expect(stripTracking(`<div style="visibility:hidden"><div style="all:initial;visibility:hidden">${tracker}</div></div>`)).toBe(`<div style="visibility:hidden"><div style="all:initial;visibility:hidden"></div></div>`);
  });
});
