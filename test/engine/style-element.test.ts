import { describe, expect, it } from "vitest";
import type { Scope } from "../../src/engine/plan.js";
import { type HeldStyle, planStyle, styleSheetText } from "../../src/engine/style-element.js";
import { stripTracking } from "../../src/index.js";
import type { StripOptions } from "../../src/types.js";
import { readStartTag, scopeFor, viewOf } from "../support/engine-pieces.js";

/** Plans `<style ...>css</style>` as the engine holds it. */
function plan(startTag: string, css: string, options?: StripOptions, overrides?: Partial<Scope>) {
  const html = `${startTag}${css}</style>`;
  const { tag, end, input } = readStartTag(html);
  const scope = scopeFor(input, options, overrides);
  const style: HeldStyle = { tag, foreign: false, contentStart: end, view: viewOf(tag, scope) };
  const contentEnd = end + css.length;
  return { html, result: planStyle(style, css, contentEnd, html.length, scope) };
}

describe("planStyle", () => {
  it("keeps plain CSS untouched", () => {
    const { result } = plan("<style>", "td{color:red}");
    expect(result.replace).toBeUndefined();
    expect(result.report?.decisions ?? []).toHaveLength(0);
  });

  it("removes only the declaration that fetches a blocked URL", () => {
    const css = ".a{color:red; background:url(https://t.example/o.gif)}";
    const { result } = plan("<style>", css, { block: [{ url: "t.example" }] });
    expect(result.replace?.from).toBe(0);
    expect(result.replace?.text).toBe("<style>.a{color:red; }");
    expect(result.report?.tag).toBe("style");
  });

  // Chromium's preload scanner requests these @imports, which the CSS parser ignores (test/support/fetches.test.ts).
  // The keyword's `i` goes, and nothing else: a wider cut changed how the text around it reads (in a block, a string,
  // a comment).
  it.each([
    '/x@import "https://t.example/p.gif";',
    '//@import "https://t.example/p.gif";',
    '@1@import "https://t.example/p.gif";',
    '@x{}"y";@import "https://t.example/p.gif"; td{color:red}',
    "@import https://t.example/p.gif;",
    "@import https://t.example/p.gif",
    "@-@import https://t.example/p.gif;",
    'td{x:@import "https://t.example/p.gif";color:red}',
    'p:after{content:"@import https://t.example/p.gif"}td{color:red}',
    "/*@import https://t.example/p.gif*/ .a{color:red}",
    '/* *@import "https://t.example/p.gif"/ p{display:none} */',
  ])("removes an @import only a preload scanner reads: %s", (css) => {
    const { result } = plan("<style>", css, { block: [{ url: "t.example" }] });
    expect(result.replace?.text).toBe(`<style>${css.replace("@import", "@mport")}`);
    expect(result.report?.decisions.map(({ finding }) => finding.resource?.vector)).toEqual(["css-import"]);
  });

  it("judges an @import the CSS parser reads once, not again as text", () => {
    const { result } = plan("<style>", '@import "https://t.example/p.css"; td{color:red}', { block: [{ url: "t.example" }] });
    expect(result.replace?.text).toBe("<style> td{color:red}");
    expect(result.report?.decisions).toHaveLength(1);
  });

  // A wider cut joined `<` and `/style>` into an end tag, and `<` and `img` into a tag (adversarial review).
  it("a cut never joins the text around it into markup", () => {
    const css = '<@import "https://t.example/a.css"/style><@import "https://t.example/b.css"img src=https://t.example/p.gif>';
    const { result } = plan("<style>", css, { block: [{ url: "t.example" }] });
    expect(result.replace?.text).toBe(`<style>${css.replaceAll("@import", "@mport")}`);
  });

  it("keeps an edited sheet whose text fetches nothing more", () => {
    const css = '@import "https://t.example/a.css"; @import "https://fonts.example/f.css"; td{color:red}';
    const { result } = plan("<style>", css, { block: [{ url: "t.example" }] });
    expect(result.replace?.text).toBe('<style> @import "https://fonts.example/f.css"; td{color:red}');
    expect(result.warnings ?? []).toEqual([]);
  });

  it("removes the whole element when its text is tag-shaped and would fetch", () => {
    const { html, result } = plan("<style>", "<img src=https://t.example/o.gif>", undefined, { probe: () => true });
    expect(result.replace).toEqual({ from: 0, to: html.length, text: "" });
    expect(result.warnings?.[0]?.verdict.code).toBe("ambiguous-markup");
  });

  it("removes a <style> inside <select>", () => {
    const { html, result } = plan("<style>", "td{color:red}", undefined, { rawTextContext: () => "select" });
    expect(result.replace).toEqual({ from: 0, to: html.length, text: "" });
  });
});

describe("styleSheetText", () => {
  it("decodes an svg <style>'s text and passes an HTML one through", () => {
    const { tag } = readStartTag("<style>");
    const base = { tag, contentStart: 7, view: undefined as never };
    expect(styleSheetText({ ...base, foreign: false }, "a{b:c}&amp;")).toBe("a{b:c}&amp;");
    expect(styleSheetText({ ...base, foreign: true }, "a{b:c}&amp;")).toBe("a{b:c}&");
  });
});

describe("sheetApplies: a <style>'s rules size and hide only where browsers apply them", () => {
  const pixel = '<img class="px" src="https://img.example/o.gif">';
  it.each([
    ["<style>", true],
    ['<style media="screen">', true],
    ['<style media=" only screen ">', true],
    ['<style type="TEXT/CSS">', true],
    ['<style type="">', true],
    ['<style media="print">', false],
    ['<style media="(min-width:600px)">', false],
    ['<style type="text/plain">', false],
    ['<style type=" text/css">', false],
    ["<template><style>", false],
    ["<math><style>", false],
    ["<svg><style>", true],
  ])("%s", (open, applies) => {
    const end = open.startsWith("<template>") ? "</style></template>" : open.startsWith("<math>") ? "</style></math>" : open.startsWith("<svg>") ? "</style></svg>" : "</style>";
    const sheet = `${open}.px{width:1px;height:1px}${end}`;
    expect(stripTracking(`${sheet}${pixel}`)).toBe(applies ? sheet : `${sheet}${pixel}`);
  });
});

describe("sheetApplies: a media that no screen matches applies nowhere, so it reveals nothing (adversary19 F3)", () => {
  const pixel = '<img class="p" src="https://news.example-shop.com/o/8f14e45fceea167a5a36dedd4bea2543.gif" width="1" height="1" alt="">';
  it.each(["print", "speech", "not all", "(max-width:0px)"])("<style media=%s> with a reveal", (media) => {
    const sheet = `<style media="${media}">.p{width:600px!important;height:300px!important}</style>`;
    expect(stripTracking(`${sheet}${pixel}`)).toBe(sheet);
  });
  it("<style media=(max-width:600px)> with a reveal: content on phones", () => {
    const html = `<style media="(max-width:600px)">.p{width:600px!important;height:300px!important}</style>${pixel}`;
    expect(stripTracking(html)).toBe(html);
  });
});
