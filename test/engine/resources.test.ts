// What the engine extracts as resources (src/engine/resources.ts), seen through a detector as users see it, and
// end to end: the hostile inputs of test/support/adversarial-resource-cases.ts (issue 6, items 5, 7, 8) no longer
// fetch the blocked host once stripped, checked with the parse5 oracle in an https and in an http document.

import { describe, expect, it } from "vitest";
import { createStripper, type Detector, type Resource, type StripOptions, stripTracking, stripTrackingWithReport } from "../../src/index.js";
import { adversarialResourceSections } from "../support/adversarial-resource-cases.js";
import { blockedFetchesInEveryDocument, T } from "../support/fetches.js";

interface Seen {
  readonly tag: string;
  readonly vector: Resource["vector"];
  readonly url: string;
  readonly absoluteUrl: string | undefined;
  readonly attribute: string | undefined;
}

/** Every resource of every element of `html`, as a detector sees it. */
function resourcesOf(html: string): Seen[] {
  const seen: Seen[] = [];
  const spy: Detector = {
    name: "spy",
    detect(element) {
      for (const { vector, url, absoluteUrl, attribute } of element.resources) {
        seen.push({ tag: element.name, vector, url, absoluteUrl, attribute });
      }
      return undefined;
    },
  };
  stripTracking(html, { detectors: [spy] });
  return seen;
}

/** [tag, vector, url, attribute] of the resources whose URL is on t.example. */
function onT(html: string): [string, string, string, string | undefined][] {
  return resourcesOf(html)
    .filter((resource) => resource.absoluteUrl !== undefined && new URL(resource.absoluteUrl).hostname === "t.example")
    .map(({ tag, vector, url, attribute }) => [tag, vector, url, attribute]);
}

const base64 = (text: string): string => Buffer.from(text).toString("base64");
const sheet = `@import url(${T});`;

describe("item 5: the URLs of a data: style sheet are resources of its holder", () => {
  it.each<[string, string, [string, string, string, string | undefined][]]>([
    ["link, raw", `<link rel=stylesheet href="data:text/css,${sheet}">`, [["link", "css-import", T, "href"]]],
    ["link, percent", `<link rel=stylesheet href="data:text/css,${encodeURIComponent(sheet)}">`, [["link", "css-import", T, "href"]]],
    ["link, base64", `<link rel=stylesheet href="data:text/css;base64,${base64(sheet)}">`, [["link", "css-import", T, "href"]]],
    ["link, no type", `<link rel=stylesheet href="data:;base64,${base64(sheet)}">`, [["link", "css-import", T, "href"]]],
    ["link, DATA:TEXT/CSS", `<link rel=stylesheet href="DATA:TEXT/CSS,${sheet}">`, [["link", "css-import", T, "href"]]],
    ["link, charset", `<link rel=stylesheet href="data:text/css;charset=utf-8,${sheet}">`, [["link", "css-import", T, "href"]]],
    ["link, REL=STYLESHEET among others", `<link REL="alternate STYLESHEET" href="data:text/css,${sheet}">`, [["link", "css-import", T, "href"]]],
    ["link, background", `<link rel=stylesheet href="data:text/css,a{background:url(${T})}">`, [["link", "css-url", T, "href"]]],
    ["link, font", `<link rel=stylesheet href="data:text/css,@font-face{src:url(${T})}">`, [["link", "css-font-face", T, "href"]]],
    ["<style> @import url(data:)", `<style>@import url("data:text/css,a{background:url(${T})}");</style>`, [["style", "css-url", T, undefined]]],
    ["<style> @import string", `<style>@import "data:text/css,${encodeURIComponent(sheet)}";</style>`, [["style", "css-import", T, undefined]]],
    [
      "nested twice",
      `<style>@import url("data:text/css,${encodeURIComponent(`@import url("data:text/css,${encodeURIComponent(sheet)}");`)}");</style>`,
      [["style", "css-import", T, undefined]],
    ],
    ["relative URLs resolve against the document's base", `<base href=https://t.example/><style>@import "data:text/css,a{background:url(p.gif)}";</style>`,
      [["base", "base", "https://t.example/", "href"], ["style", "css-url", "p.gif", undefined]]],
    ["rel=icon is not a style sheet", `<link rel=icon href="data:text/css,${sheet}">`, []],
    ["an img's data: is an image", `<img src="data:text/css,${sheet}">`, []],
    ["an svg image in an <img> stays local", `<img src="data:image/svg+xml,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg'><image href='${T}'/></svg>`)}">`, []],
    ["a background data: is an image", `<div style="background:url('data:text/css,${sheet}')">x</div>`, []],
  ])("%s", (_title, html, expected) => {
    expect(onT(html)).toEqual(expected);
  });

  it("the data: URL itself stays a (local) resource", () => {
    const all = resourcesOf(`<link rel=stylesheet href="data:text/css,${sheet}">`);
    expect(all.map(({ vector, url }) => [vector, url])).toEqual([["link", `data:text/css,${sheet}`], ["css-import", T]]);
  });

  it("a data: stylesheet nested past the limit fails closed, even without any rule", () => {
    let url = T;
    for (let i = 0; i < 5; i++) url = `data:text/css,${encodeURIComponent(`@import url("${url}");`)}`;
    const html = `<link rel=stylesheet href="${url}">`;
    const { html: out, report } = stripTrackingWithReport(html);
    expect(out).toBe("<link rel=stylesheet>");
    expect(report.findings).toMatchObject([{ detector: "ambiguous-markup", action: "removed-attribute", vector: "css-import" }]);
    expect(report.findings[0]?.reason).toMatch(/nested more than 4 deep/);
  });

  it("four levels are read", () => {
    let url = T;
    for (let i = 0; i < 4; i++) url = `data:text/css,${encodeURIComponent(`@import url("${url}");`)}`;
    expect(onT(`<link rel=stylesheet href="${url}">`)).toEqual([["link", "css-import", T, "href"]]);
    expect(stripTrackingWithReport(`<link rel=stylesheet href="${url}">`).report.findings).toEqual([]);
  });

  it("the strict preset judges a data: sheet's remote import like any other", () => {
    const { html, report } = stripTrackingWithReport(`<link rel=stylesheet href="data:text/css,${sheet}"><p>x</p>`, { preset: "strict" });
    expect(html).toBe("<link rel=stylesheet><p>x</p>");
    expect(report.findings).toMatchObject([{ detector: "remote-resource", vector: "css-import", url: T }]);
  });

  it("a data: iframe, object or embed is removed by the fetching-element detector", () => {
    const doc = `data:text/html,${encodeURIComponent(`<img src="${T}">`)}`;
    expect(stripTracking(`<iframe src="${doc}"></iframe><object data="${doc}"></object><embed src="${doc}"><p>x</p>`)).toBe("<p>x</p>");
  });
});

describe("attributionsrc on <img> is a list of open-time fetches (adversary19 F1)", () => {
  it.each<[string, string, [string, string, string, string | undefined][]]>([
    ["one URL", `<img src="cid:x" attributionsrc="${T}">`, [["img", "attributionsrc", T, "attributionsrc"]]],
    ["a space-separated list", `<img attributionsrc=" ${T}?a\n${T}?b ">`, [["img", "attributionsrc", `${T}?a`, "attributionsrc"], ["img", "attributionsrc", `${T}?b`, "attributionsrc"]]],
    ["empty: no URL", `<img src="cid:x" attributionsrc>`, []],
    ["on a link: nothing fetched on open", `<a href="https://x.example/" attributionsrc="${T}">x</a>`, []],
    ["on svg <image>: nothing fetched on open", `<svg><image attributionsrc="${T}"/></svg>`, []],
  ])("%s", (_title, html, expected) => {
    expect(onT(html)).toEqual(expected);
  });
});

describe("item 7: svg animation values and url() presentation attributes are resources", () => {
  const svg = (body: string): string => `<svg>${body}</svg>`;
  it.each<[string, string, [string, string, string, string | undefined][]]>([
    ["set to", svg(`<image><set attributeName=href to=${T} /></image>`), [["set", "svg-image", T, "to"]]],
    ["set xlink:href", svg(`<image><set attributeName="xlink:href" to="${T}"/></image>`), [["set", "svg-image", T, "to"]]],
    ["animate values (; separated)", svg(`<image><animate attributeName=href values="a.png; ${T} ;#x"/></image>`), [["animate", "svg-image", T, "values"]]],
    ["animate from and by", svg(`<animate attributeName=HREF from=${T} by=${T} />`), [["animate", "svg-image", T, "from"], ["animate", "svg-image", T, "by"]]],
    ["animateTransform", svg(`<animateTransform attributeName=href to=${T} />`), [["animatetransform", "svg-image", T, "to"]]],
    ["set fill to url()", svg(`<set attributeName=fill to="url('${T}')"/>`), [["set", "css-url", T, "to"]]],
    ["animate style values", svg(`<animate attributeName=style values="fill:red;background:url(${T})"/>`), [["animate", "css-url", T, "values"]]],
    ["set to a fragment is local", svg(`<set attributeName=href to="#x"/>`), []],
    ...["fill", "stroke", "mask", "clip-path", "filter", "marker-start", "marker-mid", "marker-end", "cursor"].map(
      (name): [string, string, [string, string, string, string | undefined][]] => [
        `${name}="url(T)"`,
        svg(`<rect ${name}="url('${T}')"/>`),
        [["rect", "css-url", T, name]],
      ],
    ),
    ["escaped url(", svg(`<rect fill="\\75 rl(${T}) red"/>`), [["rect", "css-url", T, "fill"]]],
    ["url(#local) is no resource", svg(`<rect fill="url(#p)" stroke="url('#q')"/>`), []],
    ["style= on an svg element", svg(`<rect style="fill:url(${T})"/>`), [["rect", "css-url", T, "style"]]],
    ["image href", svg(`<image href=${T} />`), [["image", "svg-image", T, "href"]]],
    ["use xlink:href", svg(`<use xlink:href="${T}#a"/>`), [["use", "svg-image", `${T}#a`, "xlink:href"]]],
    ["feImage href", svg(`<filter><feImage href=${T} /></filter>`), [["feimage", "svg-image", T, "href"]]],
    ["an html element's fill is nothing", `<div fill="url(${T})">x</div>`, []],
    ["an html set element is nothing", `<set attributename=href to=${T}></set>`, []],
  ])("%s", (_title, html, expected) => {
    expect(onT(html)).toEqual(expected);
  });
});

describe("item 8: URLs are judged in the reading that reaches a remote host", () => {
  it.each<[string, string, [string, string | undefined][]]>([
    ["https:host", `<img src="https:t.example/p.gif">`, [["img", T]]],
    ["http:host", `<img src="http:t.example/p.gif">`, [["img", "http://t.example/p.gif"]]],
    ["https:/host and backslashes", `<img src="https:\\t.example\\p.gif">`, [["img", T]]],
    ["base https:host", `<base href="https:t.example/u/"><img src="p.gif">`, [["base", "https://t.example/u/"], ["img", "https://t.example/u/p.gif"]]],
    ["base //host then https:host", `<base href="//ok.example/"><img src="https:t.example/p.gif">`, [["base", "https://ok.example/"], ["img", T]]],
    ["the first base counts even when it is relative", `<base href="/u/"><base href="https://t.example/"><img src="p.gif">`,
      [["base", undefined], ["base", "https://t.example/"], ["img", undefined]]],
    ["a no-break space keeps cid: relative: fetched from the base's host", `<base href="https://t.example/"><img src="&nbsp;cid:x">`,
      [["base", "https://t.example/"], ["img", "https://t.example/%C2%A0cid:x"]]],
    ["a leading C0 control is stripped", `<img src="\u0001https:t.example/p.gif">`, [["img", T]]],
  ])("%s", (_title, html, expected) => {
    expect(resourcesOf(html).map(({ tag, absoluteUrl }) => [tag, absoluteUrl])).toEqual(expected);
  });

  it("Element.baseHref is the base read with a host", () => {
    let baseHref: string | undefined = "unset";
    const spy: Detector = { name: "spy", tags: ["img"], detect: (element) => void (baseHref = element.baseHref) };
    stripTracking(`<base href="https:t.example/u/"><img src=p.gif>`, { detectors: [spy] });
    expect(baseHref).toBe("https://t.example/u/");
  });

  it("a pixel behind a no-break space before cid: is judged (not taken for an attachment)", () => {
    expect(stripTracking(`<base href="https://t.example/"><img src="&nbsp;cid:x" width=1 height=1>`)).toBe(`<base href="https://t.example/">`);
  });
});

// ---- end to end ----------------------------------------------------------------------------------------------------

const options: StripOptions = { block: [{ url: "t.example" }] };

function streamOneCharAtATime(html: string): string {
  let out = "";
  const stripper = createStripper({ ...options, onData: (chunk) => (out += chunk) });
  for (const ch of html) stripper.write(ch);
  stripper.end();
  return out;
}

const describeFetches = (html: string): string[] =>
  blockedFetchesInEveryDocument(html).map((fetch) => `${fetch.mode}: <${fetch.tag} ${fetch.attribute}=${fetch.url}> -> ${fetch.absolute}`);

describe("end to end: stripped with a block rule, the output fetches nothing from t.example (parse5, https and http documents)", () => {
  for (const [section, cases] of adversarialResourceSections) {
    describe(section, () => {
      it.each(cases.map((kase) => [kase.title, kase] as const))("%s", (title, kase) => {
        // Controls (a local reference that stays) fetch nothing to begin with.
        const isControl = / stays$/.test(title);
        expect(describeFetches(kase.html).length > 0, "the oracle sees the input's fetch").toBe(!isControl);
        const { html: out, report } = stripTrackingWithReport(kase.html, options);
        expect(describeFetches(out), `output: ${JSON.stringify(out)}`).toEqual([]);
        expect(report.findings.length > 0).toBe(!isControl);
        if (kase.expected !== undefined) expect(out).toBe(kase.expected);
        expect(stripTracking(out, options), "idempotent").toBe(out);
        expect(streamOneCharAtATime(kase.html), "1-char chunks").toBe(out);
      });
    });
  }
});

describe("duplicate attributes: browsers use the first", () => {
  it.each([
    ["a few attributes", 2],
    ["more attributes than the scan back handles (a set then)", 40],
  ])("%s", (_title, others) => {
    const filler = Array.from({ length: others }, (_, i) => ` data-a${i}="x"`).join("");
    const html = `<img${filler} src="https://cdn.example/a.png" alt="" src="https://cdn.example/b.png"${filler}>`;
    expect(resourcesOf(html).map(({ tag, url }) => [tag, url])).toEqual([["img", "https://cdn.example/a.png"]]);
  });

  it("an input is an image by any of its types: the tree reads the first, Blink's preload scanner the last (adversary26 F2)", () => {
    const html = '<input type="image" type="text" src="https://cdn.example/a.png"><input type="text" type="IMAGE" src="https://cdn.example/b.png">';
    expect(resourcesOf(html).map(({ vector, url }) => [vector, url])).toEqual([
      ["input-image", "https://cdn.example/a.png"],
      ["input-image", "https://cdn.example/b.png"],
    ]);
  });

  it("an input without an image type fetches nothing", () => {
    expect(resourcesOf('<input type="text" src="https://cdn.example/a.png"><input src="https://cdn.example/b.png">')).toEqual([]);
  });

  it("a link's data: sheet is read when any rel names a style sheet (adversary26 F2)", () => {
    const html = `<link rel=icon rel=stylesheet href="data:text/css,@import url(${T})">`;
    expect(onT(html)).toEqual([["link", "css-import", T, "href"]]);
    expect(stripTracking(html, { block: [{ url: "t.example" }] })).not.toContain("t.example");
  });
});

describe("svg/math elements Blink's preload scanner fetches by tag name (adversary26 F1)", () => {
  const block = { block: [{ url: "t.example" }] };
  it.each([
    ["svg link href", `<svg><link rel=stylesheet href=${T}></svg>`, [["link", "link", T, "href"]]],
    ["math link href", `<math><link rel=stylesheet href=${T}></math>`, [["link", "link", T, "href"]]],
    ["svg link imagesrcset", `<svg><link rel=preload as=image imagesrcset="${T} 1x"></svg>`, [["link", "srcset", T, "imagesrcset"]]],
    ["svg video poster", `<svg><video poster=${T}></video></svg>`, [["video", "poster", T, "poster"]]],
    ["math input type=image", `<math><input type=image src=${T}></math>`, [["input", "input-image", T, "src"]]],
    ["svg picture source srcset", `<svg><picture><source srcset=${T}><img></picture></svg>`, [["source", "srcset", T, "srcset"]]],
    ["svg script src", `<svg><script src=${T}></script></svg>`, [["script", "script", T, "src"]]],
    ["svg in foreignObject", `<svg><foreignObject><svg><link rel=stylesheet href=${T}></svg></foreignObject></svg>`, [["link", "link", T, "href"]]],
  ])("%s is a resource", (_title, html, expected) => {
    expect(onT(html)).toEqual(expected);
  });

  it.each([
    `<svg><link rel=stylesheet href=${T}></svg>`,
    `<math><link rel=stylesheet href=${T}></math>`,
    `<svg><link rel=preload as=image href=${T}></svg>`,
    `<svg><link rel=preload as=image imagesrcset="${T} 1x"></svg>`,
    `<svg><link rel=modulepreload href=${T}></svg>`,
    `<svg><video poster=${T}></video></svg>`,
    `<math><video poster=${T}></video></math>`,
    `<svg><input type=image src=${T}></svg>`,
    `<math><input type=image src=${T}></math>`,
    `<svg><foreignObject><svg><link rel=stylesheet href=${T}></svg></foreignObject></svg>`,
    `<svg><picture><source srcset=${T}><img></picture></svg>`,
    `<input type=text type=image src=${T}>`,
    `<input type=hidden type=image src=${T}>`,
    `<input type=text type=IMAGE src=${T}>`,
  ])("%s: no blocked URL left", (html) => {
    expect(stripTracking(html, block)).not.toContain("t.example");
  });

  it.each([
    ["svg iframe src", `<svg><iframe src=${T}></iframe></svg>`],
    ["svg audio src", `<svg><audio src=${T}></audio></svg>`],
    ["svg source src", `<svg><source src=${T}></svg>`],
    ["svg td background", `<svg><td background=${T}></td></svg>`],
    ["svg input without an image type", `<svg><input type=text src=${T}></svg>`],
  ])("%s: the scanner fetches nothing, no resource", (_title, html) => {
    expect(onT(html)).toEqual([]);
  });

  it("plain inline svg that fetches nothing stays byte-identical", () => {
    const svg = `<svg width="10" height="10" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect fill="url(#g)" width="5" height="5"/><use href="#g"/><a href="https://ok.example/">x</a><title>logo</title></svg>`;
    expect(stripTracking(svg)).toBe(svg);
    expect(stripTracking(svg, block)).toBe(svg);
  });
});
