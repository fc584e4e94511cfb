import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Span } from "../../src/css/css-urls.js";
import { findDeclarationUrls } from "../../src/css/css-urls.js";
import { removeSpans } from "../../src/css/remove-spans.js";

describe("removeSpans", () => {
  it.each<[string, string, Span[], string]>([
    ["no spans", "a:1; b:2", [], "a:1; b:2"],
    ["one span", "a:1;b:url(x);c:2", [{ start: 4, end: 13 }], "a:1;c:2"],
    ["whitespace left as it was", "a:1; b:url(x); c:2", [{ start: 5, end: 14 }], "a:1;  c:2"],
    ["unordered", "0123456789", [{ start: 7, end: 8 }, { start: 1, end: 2 }], "02345689"],
    ["duplicates", "0123456789", [{ start: 2, end: 4 }, { start: 2, end: 4 }], "01456789"],
    ["overlapping", "0123456789", [{ start: 2, end: 5 }, { start: 4, end: 7 }], "01789"],
    ["nested", "0123456789", [{ start: 1, end: 8 }, { start: 3, end: 4 }], "089"],
    ["touching", "0123456789", [{ start: 2, end: 4 }, { start: 4, end: 6 }], "016789"],
    ["everything", "0123", [{ start: 0, end: 4 }], ""],
    ["empty and inverted spans", "0123", [{ start: 2, end: 2 }, { start: 3, end: 1 }], "0123"],
    ["clamped to the text", "0123", [{ start: -5, end: 1 }, { start: 3, end: 99 }], "12"],
    ["surrogate pairs and CRLF kept", "😀;\r\na:url(x);\r\n😀", [{ start: 5, end: 14 }], "😀;\r\n\r\n😀"],
  ])("%s", (_title, text, spans, expected) => {
    expect(removeSpans(text, spans)).toBe(expected);
  });

  it("removes the declarations found in a style attribute and keeps every other byte", () => {
    const style = "COLOR: Red;  background:url('https://t.example/p.gif') no-repeat ;\r\n  width : 1px";
    const spans = findDeclarationUrls(style).map(({ declaration }) => declaration);
    expect(removeSpans(style, spans)).toBe("COLOR: Red;  \r\n  width : 1px");
  });

  fcIt.prop([fc.string()], { seed: 20_240_601, numRuns: 300 })("is the identity with no spans", (text) => {
    expect(removeSpans(text, [])).toBe(text);
  });
});
