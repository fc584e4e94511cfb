import { describe, expect, it } from "vitest";
import type { Scope } from "../../src/engine/plan.js";
import { type HeldStyle, planStyle, styleSheetText } from "../../src/engine/style-element.js";
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
