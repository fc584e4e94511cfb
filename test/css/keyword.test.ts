import { describe, expect, it } from "vitest";
import { cssKeyword, mayHoldImportant } from "../../src/css/keyword.js";

describe("cssKeyword", () => {
  it.each<[string, string | undefined]>([
    ["none", "none"],
    [" NONE ", "none"],
    ["none !important", "none"],
    ["n\\one", "none"],
    ["\\6e one", "none"],
    ["no/**/ne", undefined],
    ["/* x */ none", "none"],
    ["none none", undefined],
    ["1px", undefined],
    ["", undefined],
    // An escape at the end of the input is U+FFFD, an ident (CSS Syntax 3 §4.3.7).
    ["\\", "\uFFFD"],
  ])("%j → %s", (value, expected) => {
    expect(cssKeyword(value)).toBe(expected);
  });
});

describe("mayHoldImportant", () => {
  it.each([["width:1px !IMPORTANT", true], ["width:1px ! imp\\ortant", true], ["width:1px", false], [undefined, false]])("%j -> %j", (style, expected) => {
    expect(mayHoldImportant(style)).toBe(expected);
  });
});
