import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { cssLength, describeSize, dimensionAttribute, hasNoArea, htmlDimension, isOneSided, isSmall, isTiny, sizeOf } from "../../src/detectors/element-size.js";
import { stripTracking, stripTrackingWithReport } from "../../src/index.js";
import { inlineStyle } from "../../src/engine/visibility.js";
import type { Element } from "../../src/types.js";

/** The parts of an element `sizeOf` reads. */
function elementWith(
  attributes: Record<string, string>,
  sheetStyle: { name: string; value: string; important?: boolean }[],
  style: readonly { name: string; value: string }[] = [],
): Element {
  return { attributes, attribute: (name: string) => attributes[name], sheetStyle, style } as unknown as Element;
}

describe("htmlDimension (HTML's rules for parsing dimension values)", () => {
  it.each([
    ["1", 1], ["1x", 1], ["1.", 1], ["1;", 1], [" 1px", 1], ["0", 0], ["1.5", 1.5], [".5", 0.5], ["\n2 ", 2],
    ["50%", undefined], ["auto", undefined], ["", undefined], ["-1", undefined], [undefined, undefined],
  ])("%j -> %j", (value, expected) => {
    expect(htmlDimension(value)).toBe(expected);
  });
});

describe("dimensionAttribute (a percentage is the layout's size: adversary25 F1)", () => {
  it.each([
    ["1", 1], ["100%", Number.POSITIVE_INFINITY], [" 1%", Number.POSITIVE_INFINITY], ["0%", 0], ["auto", undefined], [undefined, undefined],
  ])("%j -> %j", (value, expected) => {
    expect(dimensionAttribute(value)).toBe(expected);
  });
});

describe("isOneSided (one dimension given, above 0)", () => {
  it.each([
    [{ width: undefined, height: 1 }, true], [{ width: 1, height: undefined }, true], [{ width: 1, height: 1 }, false],
    [{ width: undefined, height: 0 }, false], [{ width: undefined, height: undefined }, false],
  ])("%j -> %j", (size, expected) => {
    expect(isOneSided(size)).toBe(expected);
  });
});

describe("cssLength (CSS lengths)", () => {
  it.each([
    ["1px", 1], [".5px", 0.5], ["0", 0], ["0.01em", 0.16], ["calc(1px)", 1], ["1PX", 1],
    // Declarations come without their `!important`: one left in the value (`1px !important !important`) is invalid.
    ["1px !important", undefined],
    ["0.75pt", 1], ["1e0px", 1], ["100%", undefined], ["auto", undefined], ["1", undefined], ["1vw", undefined],
    ["calc(100% - 2px)", undefined],
  ])("%j -> %j", (value, expected) => {
    const length = cssLength(value);
    if (expected === undefined) expect(length).toBeUndefined();
    else expect(length).toBeCloseTo(expected, 6);
  });
});

describe("cheap paths give what the full paths give", () => {
  // cssLength as first written (regexes only): its `600px` shortcut must agree with it on every text.
  const pixelsPer: Record<string, number> = {
    px: 1, em: 16, rem: 16, ex: 8, ch: 8, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6,
  };
  const byRegex = (value: string): number | undefined => {
    let text = value.trim().toLowerCase();
    const calc = /^(?:-webkit-|-moz-)?calc\(\s*(.*?)\s*\)$/.exec(text);
    if (calc) text = calc[1] ?? "";
    const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)([a-z]*)$/.exec(text);
    if (!match) return undefined;
    const number = Number(match[1]);
    const unit = match[2] ?? "";
    if (unit === "") return number === 0 ? 0 : undefined;
    const factor = pixelsPer[unit];
    return factor === undefined ? undefined : number * factor;
  };
  const numberPiece = fc.constantFrom("0", "1", "9", "00", ".", "e", "-", "+", " ", "/");
  const unitPiece = fc.constantFrom("px", "PX", "p", "x", "em", "%", "", "px ", "px!important", ")");
  const lengthText = fc.oneof(
    fc.tuple(fc.array(numberPiece, { maxLength: 4 }), unitPiece).map(([number, unit]) => number.join("") + unit),
    fc.string(),
    fc.nat().map((n) => `${n}px`),
  );
  fcIt.prop([lengthText], { seed: 20_261_202, numRuns: 3000 })("cssLength equals the regex reading", (value) => {
    expect(cssLength(value)).toBe(byRegex(value));
  });

  // An element whose style attribute is absent always reads `style`: the reference for the skip of styles that
  // cannot name a size.
  const namePiece = fc.constantFrom(
    "width", "WIDTH", "height", "Height", "max-width", "max-height", "wid", "th", "\\77 idth", "w\\idth", "\\68 eight",
    "\u212a", "color", " ", "/**/", "wi/**/dth",
  );
  const valuePiece = fc.constantFrom("1px", "0", "100%", "auto", "", "1px !important", "calc(1px)", "'x'", "none");
  const declaration = fc.tuple(namePiece, valuePiece).map(([name, value]) => `${name}:${value}`);
  const styleText = fc.oneof(fc.array(declaration, { maxLength: 4 }).map((list) => list.join(";")), fc.string());
  fcIt.prop([styleText, fc.constantFrom("1", "600", undefined)], { seed: 20_261_203, numRuns: 3000 })(
    "sizeOf skips only styles that cannot set a size",
    (style, width) => {
      const attributes: Record<string, string> = width === undefined ? {} : { width, height: width };
      const parsed = inlineStyle(style);
      const withAttribute = elementWith({ ...attributes, style }, [], parsed);
      const alwaysRead = elementWith(attributes, [], parsed);
      expect(sizeOf(withAttribute)).toEqual(sizeOf(alwaysRead));
    },
  );
});

describe("tiny and small", () => {
  it("tiny is at most 1 px, small at most 6 px, one dimension enough for both", () => {
    expect(isTiny({ width: 1, height: undefined })).toBe(true);
    expect(isTiny({ width: undefined, height: undefined })).toBe(false);
    expect(isTiny({ width: 1, height: 40 })).toBe(false);
    expect(isSmall({ width: 2, height: 6 })).toBe(true);
    expect(isSmall({ width: 6, height: undefined })).toBe(true);
    expect(isSmall({ width: undefined, height: undefined })).toBe(false);
    expect(isSmall({ width: 7, height: 1 })).toBe(false);
  });
});

describe("sizes CSS sets to something other than pixels", () => {
  const element = elementWith;

  it("a style-sheet `width:100%; height:auto` overrides width=0 height=0: not tiny (a responsive content image)", () => {
    const size = sizeOf(element({ width: "0", height: "0" }, [{ name: "width", value: "100%" }, { name: "height", value: "auto" }]));
    expect(isTiny(size)).toBe(false);
    expect(isSmall(size)).toBe(false);
    expect(describeSize(size)).toBe("autox?");
  });

  it("`auto` follows the other dimension: `img{height:auto}` leaves a width=1 height=1 pixel tiny", () => {
    expect(isTiny(sizeOf(element({ width: "1", height: "1" }, [{ name: "height", value: "auto", important: true }])))).toBe(true);
    expect(isTiny(sizeOf(element({ width: "1", height: "1" }, [], [{ name: "width", value: "100%" }])))).toBe(false);
  });

  it("pixel lengths still win in order: attribute, then sheet, then inline", () => {
    expect(isTiny(sizeOf(element({ width: "600" }, [{ name: "width", value: "1px" }])))).toBe(true);
    expect(isTiny(sizeOf(element({ width: "1" }, [{ name: "width", value: "1px" }], [{ name: "width", value: "50%" }])))).toBe(false);
  });

  it("zoom, scale and transform enlarge what they draw: a 1x1 image at zoom 300 is 300x300", () => {
    const pixel = { width: "1", height: "1" };
    const sized = (declarations: { name: string; value: string }[]) => describeSize(sizeOf(element(pixel, declarations)));
    expect(sized([{ name: "zoom", value: "300" }])).toBe("300x300");
    expect(sized([{ name: "zoom", value: "250%" }])).toBe("2.5x2.5");
    expect(sized([{ name: "zoom", value: "300" }, { name: "zoom", value: "normal" }])).toBe("1x1");
    expect(sized([{ name: "zoom", value: "0" }])).toBe("1x1");
    expect(sized([{ name: "zoom", value: "0.5" }])).toBe("0.5x0.5");
    expect(sized([{ name: "scale", value: "2 3" }])).toBe("3x3");
    expect(sized([{ name: "transform", value: "translate(5px) rotate(45deg)" }])).toBe("1x1");
    expect(sized([{ name: "transform", value: "scaleX(40)" }])).toBe("40x40");
    expect(sized([{ name: "transform", value: "matrix(9,0,0,9,0,0)" }])).toBe("autoxauto");
    expect(sized([{ name: "zoom", value: "2" }, { name: "scale", value: "2" }])).toBe("4x4");
    expect(isTiny(sizeOf(element({ width: "0", height: "0" }, [{ name: "zoom", value: "300" }])))).toBe(true);
  });

  it("scale and transform shrink what they draw as zoom does: scale(0) and scale: 0 draw nothing, whatever the size", () => {
    const sized = (attributes: Record<string, string>, declarations: { name: string; value: string }[]) =>
      describeSize(sizeOf(element(attributes, declarations)));
    const large = { width: "600", height: "200" };
    expect(sized({}, [{ name: "transform", value: "scale(0)" }])).toBe("0x0");
    expect(sized({}, [{ name: "scale", value: "0" }])).toBe("0x0");
    expect(sized(large, [{ name: "scale", value: "0%" }])).toBe("0x0");
    expect(sized(large, [{ name: "transform", value: "scale(0.01)" }])).toBe("6x2");
    expect(sized(large, [{ name: "scale", value: "0.01" }])).toBe("6x2");
    expect(sized(large, [{ name: "transform", value: "scale(0.1) scale(0.1)" }])).toBe("6x2");
    expect(sized(large, [{ name: "transform", value: "translate(5px) scale(0.01) rotate(45deg)" }])).toBe("6x2");
    expect(sized(large, [{ name: "transform", value: "scale(0) matrix(9,0,0,9,0,0)" }])).toBe("0x0");
    expect(sized(large, [{ name: "scale", value: "0" }, { name: "transform", value: "skew(10deg)" }])).toBe("0x0");
    expect(isTiny(sizeOf(element(large, [{ name: "transform", value: "scale(0.001)" }])))).toBe(true);
  });

  it("a shrink counts only when it shrinks both axes, and matrix(), skew() stay unknown", () => {
    const large = { width: "600", height: "200" };
    const sized = (declarations: { name: string; value: string }[]) => describeSize(sizeOf(element(large, declarations)));
    expect(sized([{ name: "transform", value: "scaleX(0)" }])).toBe("600x200");
    expect(sized([{ name: "transform", value: "scale(0, 1)" }])).toBe("600x200");
    expect(sized([{ name: "scale", value: "0 2" }])).toBe("1200x400");
    expect(sized([{ name: "transform", value: "scale(0.01) matrix(1,0,0,1,0,0)" }])).toBe("autoxauto");
    expect(sized([{ name: "transform", value: "skewX(10deg) scale(0.01)" }])).toBe("autoxauto");
    expect(sized([{ name: "transform", value: "rotate(90deg)" }])).toBe("600x200");
    // An image of its own size, shrunk but not to 0, may still be any size.
    expect(describeSize(sizeOf(element({}, [{ name: "scale", value: "0.01" }])))).toBe("?x?");
  });

  it("all resets every size set before it, the attributes' too; an invalid value is dropped", () => {
    const pixel = { width: "1", height: "1" };
    const sized = (declarations: { name: string; value: string }[]) => describeSize(sizeOf(element(pixel, declarations)));
    expect(sized([{ name: "zoom", value: "3" }, { name: "all", value: "unset" }])).toBe("?x?");
    expect(sized([{ name: "all", value: "revert" }, { name: "width", value: "1px" }])).toBe("1x?");
    expect(sized([{ name: "all", value: "inherit" }])).toBe("autoxauto");
    expect(sized([{ name: "all", value: "bogus" }])).toBe("1x1");
  });

  it("keeps the India Times shape: a 0x0 image sized by a class is content", () => {
    const html = `<style>.webonly{width: 100%; height: auto;}</style><img width="0" height="0" class="webonly" src="https://news.example/photo/64478222.cms">`;
    expect(stripTracking(html)).toBe(html);
  });
});

describe("sizeOf: a <style> rule's !important", () => {
  const important = [{ name: "width", value: "1px", important: true }, { name: "height", value: "1px", important: true }];
  it("wins over an inline style without it", () => {
    expect(sizeOf(elementWith({ style: "width:600px;height:300px" }, important, inlineStyle("width:600px;height:300px")))).toEqual({ width: 1, height: 1 });
  });

  it("loses to an inline style that may hold it (!important, or an escape that could spell it)", () => {
    for (const style of ["width:600px !important;height:300px", "width:600px ! imp\\ortant;height:300px"]) {
      expect(sizeOf(elementWith({ style }, important, inlineStyle(style)))).toEqual({ width: 600, height: 300 });
    }
  });

  it("end to end: a pixel sized by !important rules goes, a real image sized inline !important stays", () => {
    const sheet = "<style>.px{width:1px!important;height:1px!important}</style>";
    expect(stripTracking(`${sheet}<img class="px" style="width:600px;height:300px" src="https://img.example/o.gif">`)).toBe(sheet);
    const kept = `${sheet}<img class="px" style="width:600px!important;height:300px!important" src="https://img.example/o.gif">`;
    expect(stripTracking(kept)).toBe(kept);
  });
});

describe("sizeOf: an element an @media rule sizes", () => {
  const withMedia = (attributes: Record<string, string>, sheet: { name: string; value: string; important: boolean }[], media: { name: string; value: string; important: boolean }[]) =>
    ({ ...elementWith(attributes, sheet, inlineStyle(attributes.style ?? "")), sheetStyleOnSomeScreens: media }) as unknown as Element;
  const important = (name: string, value: string) => ({ name, value, important: true });

  it("is tiny only if it is tiny where the @media rule applies too", () => {
    // A phone's `.m{width:100%!important}` shows what `.m{width:0;max-height:0}` hides on a desktop.
    expect(isTiny(sizeOf(withMedia({}, [{ name: "width", value: "0", important: false }, { name: "max-height", value: "0", important: false }], [important("width", "100%")])))).toBe(false);
    expect(isTiny(sizeOf(withMedia({ style: "display:none;width:0;max-height:0" }, [], [important("width", "100%"), important("max-height", "none")])))).toBe(false);
    expect(isTiny(sizeOf(withMedia({ class: "m" }, [{ name: "max-width", value: "0", important: false }, { name: "max-height", value: "0", important: false }], [important("max-width", "none"), important("max-height", "none")])))).toBe(false);
  });

  it("a pixel by its attributes stays tiny where a rule gives it its own size (auto x auto), a shrunk image does not", () => {
    const auto = [important("width", "auto"), important("height", "auto")];
    expect(isTiny(sizeOf(withMedia({ width: "1", height: "1" }, [], auto)))).toBe(true);
    expect(isTiny(sizeOf(withMedia({}, [{ name: "width", value: "1px", important: false }, { name: "height", value: "1px", important: false }], auto)))).toBe(false);
  });

  it("stays tiny under the responsive image rule every template has: img{max-width:100%;height:auto}", () => {
    expect(isTiny(sizeOf(withMedia({ width: "1", height: "1" }, [], [important("max-width", "100%"), important("height", "auto")])))).toBe(true);
  });

  it("a lifted limit reads the size as if the limit were never set: a 1x1 pixel stays tiny", () => {
    const limits = [{ name: "max-width", value: "0", important: false }];
    expect(isTiny(sizeOf(withMedia({ width: "1", height: "1" }, limits, [important("max-width", "none")])))).toBe(true);
  });
});

describe("sizeOf: min-width and min-height", () => {
  it.each<[Record<string, string>, string, { width: number | undefined; height: number | undefined }]>([
    [{}, "width:1px;height:1px;min-width:600px;min-height:300px", { width: 600, height: 300 }],
    [{ width: "1", height: "1" }, "min-width:0;min-height:auto", { width: 1, height: 1 }],
    [{}, "min-width:2px", { width: 2, height: undefined }],
    [{ width: "1", height: "1" }, "min-width:50%", { width: Number.POSITIVE_INFINITY, height: 1 }],
  ])("%j %s", (attributes, style, expected) => {
    expect(sizeOf(elementWith({ ...attributes, style }, [], inlineStyle(style)))).toEqual(expected);
  });
});

describe("sizeOf: logical sizes (horizontal writing)", () => {
  it.each<[string, { width: number | undefined; height: number | undefined }]>([
    ["width:1px;height:1px;inline-size:600px;block-size:300px", { width: 600, height: 300 }],
    ["inline-size:1px;block-size:1px", { width: 1, height: 1 }],
    ["width:1px;height:1px;min-inline-size:600px;min-block-size:300px", { width: 600, height: 300 }],
    ["width:600px;max-inline-size:0", { width: 0, height: undefined }],
  ])("%s", (style, expected) => {
    expect(sizeOf(elementWith({ style }, [], inlineStyle(style)))).toEqual(expected);
  });

  it("a rule's logical sizes count too: a pixel sized back to 600x300 stays", () => {
    const html = '<style>.px{width:1px;height:1px;min-inline-size:600px;min-block-size:300px}</style><img class="px" src="https://img.example/o.gif">';
    expect(stripTracking(html)).toBe(html);
  });
});

describe("a tokenized image a <style> rule or inline style shrinks to nothing is a pixel", () => {
  const src = "https://t.example/o/7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b";
  it.each([
    `<style>.px{transform:scale(0)}</style><img class="px" src="${src}">`,
    `<style>.px{scale:0}</style><img class="px" src="${src}">`,
    `<img style="transform:scale(0)" src="${src}">`,
    `<style>.px{transform:scale(0.001)}</style><img class="px" width="600" height="200" src="${src}">`,
  ])("%s", (html) => {
    const { html: out, report } = stripTrackingWithReport(html);
    expect(report.findings.map((finding) => [finding.detector, finding.action])).toEqual([["pixel", "removed-element"]]);
    expect(out).not.toContain("<img");
  });

  it("keeps one shrunk on one axis only, or by matrix()", () => {
    for (const transform of ["scaleX(0)", "matrix(0,0,0,0,0,0)"]) {
      expect(stripTrackingWithReport(`<img style="transform:${transform}" width="600" height="200" src="${src}">`).report.findings).toEqual([]);
    }
  });
});

describe("hasNoArea: one dimension 0 (adversary19 F13)", () => {
  it.each<[number | undefined, number | undefined, boolean]>([
    [600, 0, true], [0, 300, true], [0, undefined, true], [600, 300, false], [600, undefined, false], [undefined, undefined, false], [600, 1, false],
  ])("%s x %s", (width, height, none) => {
    expect(hasNoArea({ width, height })).toBe(none);
  });

  const TOK = "https://news.example-shop.com/o/8f14e45fceea167a5a36dedd4bea2543.gif";
  it("an image with a token and one dimension 0 is a pixel", () => {
    expect(stripTracking(`<img src="${TOK}" width="100" height="0" alt="">`)).toBe("");
    expect(stripTracking(`<img src="${TOK}" width="600" style="height:0" alt="">`)).toBe("");
  });
  it("an evidence:pixel endpoint (ActiveCampaign /lt.php?) at 600x0", () => {
    expect(stripTracking(`<img src="https://shop.example.com/lt.php?nl=1&c=2&m=3&s=8f14e45fceea167a5a36dedd4bea2543" width="600" height="0" alt="">`)).toBe("");
  });
  it.each([
    ["revealed on phones by @media (max-height:none)", `<style>@media (max-width:600px){.m{max-height:none!important;display:block!important}}</style><img class="m" src="${TOK}" width="600" style="max-height:0;overflow:hidden;display:none" alt="">`],
    ["revealed on phones by @media (height:auto)", `<style>@media (max-width:600px){.m{height:auto!important}}</style><img class="m" src="${TOK}" width="600" style="height:0" alt="">`],
    ["a clean image at 600x0 (no evidence: a responsive image some client may open)", `<img src="https://cdn.example-shop.com/mobile-hero.png" width="600" style="max-height:0;overflow:hidden" alt="">`],
  ])("keeps an image with one dimension 0 %s", (_title, input) => {
    expect(stripTracking(input)).toBe(input);
  });
  it("a 600x1 rule line stays (it is seen)", () => {
    const input = `<img src="https://cdn.example-shop.com/img/line.png" width="600" height="1" alt="">`;
    expect(stripTracking(input)).toBe(input);
  });
  it("a table cell's background= with height=0 stays (a cell grows with its content)", () => {
    const input = `<table><tr><td width="600" height="0" background="${TOK}">Sale</td></tr></table>`;
    expect(stripTracking(input)).toBe(input);
  });
});

describe("sizes sets the width of a w-descriptor srcset image (adversary19 F16)", () => {
  const TOK = "https://news.example-shop.com/o/8f14e45fceea167a5a36dedd4bea2543.gif";
  it.each([`sizes="1px"`, `sizes="(max-width:600px) 1px, 0.5px"`, `sizes=" 1px "`])("%s with a token is a pixel (its candidate goes)", (sizes) => {
    expect(stripTracking(`<img srcset="${TOK} 1000w" ${sizes} alt="">`)).toBe(`<img ${sizes} alt="">`);
  });
  it.each([
    ["a responsive width", `<img srcset="${TOK} 1000w" sizes="(max-width:600px) 100vw, 600px" alt="">`],
    ["a phone entry that is wide", `<img srcset="${TOK} 1000w" sizes="(max-width:600px) 300px, 1px" alt="">`],
    ["x descriptors (sizes does nothing)", `<img srcset="${TOK} 2x" sizes="1px" alt="">`],
    ["a CSS width", `<img srcset="${TOK} 1000w" sizes="1px" style="width:600px" alt="">`],
  ])("keeps %s", (_title, input) => {
    expect(stripTracking(input)).toBe(input);
  });
});

describe("em, ex and ch are read at 16 px (adversary19 F15, adversary23 F1)", () => {
  // The font size that decides an em can come from a <style> class, a `font` shorthand or an !important rule on
  // the parent, none of which the size model reads: a font-size:0 wrapper once made visible 32x32 icons 0x0.
  const ICON = "https://cdn.example.com/assets/8f3a9c2e1b7d4f60a2b1c3d4e5f60718/hero.jpg";
  const page = (css: string, body: string): string => `<!doctype html><html><head><style>${css}</style></head><body>${body}</body></html>`;
  it("cssLength reads em as 16 px, ex and ch as 8", () => {
    expect(cssLength("2em")).toBe(32);
    expect(cssLength("2ex")).toBe(16);
    expect(cssLength("2rem")).toBe(32);
  });
  it.each([
    ["a <style> class sets its font size", page(".ic{font-size:16px}", `<table><tr><td style="font-size:0"><img class="ic" src="${ICON}" style="width:2em;height:2em" alt="icon"></td></tr></table>`)],
    ["its own `font` shorthand", page("", `<table><tr><td style="font-size:0"><img src="${ICON}" style="font:16px Arial;width:2em;height:2em" alt="icon"></td></tr></table>`)],
    ["the parent's later `font` shorthand", page("", `<table><tr><td style="font-size:0;font:16px Arial"><img src="${ICON}" style="width:10em;height:5em"></td></tr></table>`)],
    ["a sheet !important rule on the parent", page("td.x{font-size:16px !important}", `<table><tr><td class="x" style="font-size:0"><img src="${ICON}" style="width:10em;height:5em"></td></tr></table>`)],
    ["a global img font-size rule", page("img{font-size:16px !important}", `<div style="font-size:0"><img src="${ICON}" style="width:10em;height:5em"></div>`)],
  ])("keeps an em-sized image under a font-size:0 parent when %s", (_title, html) => {
    expect(stripTracking(html)).toBe(html);
  });
});
