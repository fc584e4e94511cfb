import { describe, expect, it } from "vitest";
import { planCdata, planComment } from "../../src/engine/comments.js";
import { Output } from "../../src/engine/output.js";
import type { Scope } from "../../src/engine/plan.js";
import type { StripOptions } from "../../src/types.js";
import { scopeFor } from "../support/engine-pieces.js";

/** Plans the comment `<!--data-->` (the data starts at offset 4). */
function comment(data: string, options?: StripOptions, overrides?: Partial<Scope>) {
  const input = new Output(() => {});
  input.append(`<!--${data}-->`);
  return planComment(4, 4 + data.length, scopeFor(input, options, overrides));
}

/** Plans the CDATA section `<![CDATA[data]]>` (the data starts at offset 9). */
function cdata(data: string, overrides?: Partial<Scope>) {
  const input = new Output(() => {});
  input.append(`<![CDATA[${data}]]>`);
  return planCdata(9, 9 + data.length, scopeFor(input, undefined, overrides));
}

describe("planComment", () => {
  it("reads the body of a conditional comment as markup, in place", () => {
    const body = '<table width="600"><tr><td>';
    const plan = comment(`[if mso | IE]>${body}<![endif]`);
    expect(plan).toEqual({ kind: "read-nested", from: 4 + "[if mso | IE]>".length, to: 4 + "[if mso | IE]>".length + body.length, what: "conditional-comment" });
  });

  it("keeps an empty conditional comment and a plain comment", () => {
    expect(comment("[if mso]><![endif]")).toBeUndefined();
    expect(comment(" a note with https://t.example/x ")).toBeUndefined();
  });

  it("drops a plain comment naming a blocked URL", () => {
    expect(comment(" see https://t.example/x ", { block: [{ url: "t.example" }] })).toEqual({ kind: "blocked-url", url: "https://t.example/x" });
    expect(comment(" see https://ok.example/x ", { block: [{ url: "t.example" }] })).toBeUndefined();
  });

  it("drops tag-shaped comment text when judging it as live HTML would change a fetch", () => {
    const data = '<img src="https://t.example/o.gif" width=1 height=1>';
    expect(comment(data, undefined, { probe: () => true })).toMatchObject({ kind: "drop", verdict: { code: "ambiguous-markup" } });
    expect(comment(data, undefined, { probe: () => false })).toBeUndefined();
  });

  it("drops a comment holding </noscript inside <noscript>", () => {
    expect(comment("</noscript><img src=x>", undefined, { noscriptOpen: true, rawTextEnds: ["noscript"] })).toMatchObject({ kind: "drop" });
    expect(comment("</noscript>", undefined, { noscriptOpen: false })).toBeUndefined();
  });

  it("reads an unterminated <![CDATA[ as CDATA", () => {
    expect(comment("[CDATA[><img src=x>", undefined, { inHtmlElement: () => false })).toEqual({ kind: "read-nested", from: 4 + 8, to: 4 + 19, what: "cdata" });
  });
});

describe("planCdata", () => {
  it("drops CDATA in HTML content with markup after its first `>`", () => {
    expect(cdata("><svg><img src=x>", { inHtmlElement: () => true })).toMatchObject({ kind: "drop", verdict: { code: "ambiguous-markup" } });
  });

  it("reads what follows the first `>` as markup in svg or math", () => {
    expect(cdata("x><img src=x>", { inHtmlElement: () => false })).toEqual({ kind: "read-nested", from: 11, to: 9 + 13, what: "cdata" });
  });

  it("keeps CDATA with no markup after a `>`", () => {
    expect(cdata("just text")).toBeUndefined();
    expect(cdata("a > b")).toBeUndefined();
  });
});
