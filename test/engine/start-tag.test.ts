import { describe, expect, it } from "vitest";
import { nothing, type Scope } from "../../src/engine/plan.js";
import { planStartTag } from "../../src/engine/start-tag.js";
import type { StripOptions } from "../../src/types.js";
import { readStartTag, scopeFor, viewOf } from "../support/engine-pieces.js";

function plan(html: string, options?: StripOptions, overrides?: Partial<Scope>, brokeOut = false) {
  const { tag, end, input } = readStartTag(html);
  const scope = scopeFor(input, options, overrides);
  return planStartTag(tag, end, viewOf(tag, scope), brokeOut, scope);
}

describe("planStartTag", () => {
  it("plans nothing (the shared empty plan) for a tag nobody finds anything in", () => {
    expect(plan('<td class="x" style="color:red" align=left>')).toBe(nothing);
  });

  it("removes a pixel, tag and content, with its report", () => {
    const html = '<img src="https://t.example/o.gif" width="1" height="1">';
    const result = plan(html);
    expect(result.removesElement).toBe(true);
    expect(result.replace).toEqual({ from: 0, to: html.length, text: "" });
    expect(result.report?.tag).toBe("img");
    expect(result.report?.decisions[0]?.edit.kind).toBe("remove-element");
  });

  it("keeps a removed tag that broke out of svg/math, bare", () => {
    const html = '<IMG src="https://t.example/o.gif" width="1" height="1">';
    expect(plan(html, undefined, undefined, true).replace).toEqual({ from: 0, to: html.length, text: "<IMG>" });
  });

  it("rewrites a tracked link in place, every other byte kept", () => {
    const html = `<a class=b href="https://shop.example/p?utm_source=news&amp;id=7" target=_blank>`;
    const result = plan(html);
    expect(result.removesElement).toBe(false);
    expect(result.replace).toEqual({ from: 0, to: html.length, text: `<a class=b href="https://shop.example/p?id=7" target=_blank>` });
    expect(result.report?.outcomes?.get("href")).toBe("changed");
  });

  it("a tracked link removed by a block selector: one line for the removal, none naming a URL it was never rewritten to", () => {
    const result = plan('<a href="https://x.example/?utm_source=a">', { block: ["a"] });
    expect(result.removesElement).toBe(true);
    expect(result.report?.decisions.map((decision) => [decision.finding.detector, decision.edit.kind])).toEqual([["block-rule", "remove-element"]]);
  });

  it("a removed element keeps its other detectors' lines (a known tracker that is also 1x1)", () => {
    const result = plan('<img src="https://t.example/o.gif?u=8f3a9c4d5e6f7a8b9c0d" width="1" height="1">', { block: ["img"] });
    expect(result.report?.decisions.length).toBeGreaterThan(1);
  });

  it("changes nothing in audit but still reports", () => {
    const result = plan(`<a href="https://shop.example/p?utm_source=news">`, { preset: "audit" });
    // The plan says what would change; the engine applies it only when edits apply.
    expect(result.report?.decisions).toHaveLength(1);
  });

  it("fails closed on <base> inside CDATA and on a raw-text element in an ambiguous context", () => {
    const base = plan('<base href="https://t.example/">', undefined, { inCdata: true });
    expect(base.removesElement).toBe(true);
    expect(base.warnings?.map((w) => w.verdict.code)).toEqual(["ambiguous-markup"]);
    const title = plan("<title>", undefined, { rawTextContext: () => "select" });
    expect(title.removesElement).toBe(true);
    expect(title.warnings?.[0]?.verdict.message).toBe("removed <title> inside <select>");
  });

  it("removes attributes holding </noscript inside <noscript>, keeping the tag", () => {
    const html = `<p id=a title="</noscript><img src=x>">`;
    const result = plan(html, undefined, { noscriptOpen: true, rawTextEnds: ["noscript"] });
    expect(result.replace?.text).toBe("<p id=a>");
    expect(result.warnings?.map((w) => w.verdict.message)).toEqual(['removed a "title" attribute holding </noscript']);
    expect(plan(html).replace).toBeUndefined();
  });
});
