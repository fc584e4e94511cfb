import { describe, expect, it } from "vitest";
import { afterCssWhitespace, isCssNewline, isCssWhitespace, isHexDigit, isNameCodePoint } from "../../src/css/code-points.js";

const classes = (text: string, test: (c: number) => boolean) => [...text].filter((ch) => test(ch.charCodeAt(0))).join("");

describe("CSS code points", () => {
  it("names take letters, digits, - and _, NUL and every non-ASCII code point (as browsers read them)", () => {
    expect(classes("aZ09-_\0\u00a0\u00d7é @#.(\\{", isNameCodePoint)).toBe("aZ09-_\0\u00a0\u00d7é");
  });

  it("hex digits, newlines and white space", () => {
    expect(classes("09afAFgG-", isHexDigit)).toBe("09afAF");
    expect(classes("\n\r\f\t \v", isCssNewline)).toBe("\n\r\f");
    expect(classes("\n\r\f\t \v\u00a0", isCssWhitespace)).toBe("\n\r\f\t ");
  });
});

describe("afterCssWhitespace", () => {
  it("skips CSS white space only, and not past `to`", () => {
    expect(afterCssWhitespace(" \t\n\r\fa", 0, 6)).toBe(5);
    expect(afterCssWhitespace("\u00a0a", 0, 2)).toBe(0);
    expect(afterCssWhitespace("   a", 1, 2)).toBe(2);
  });
});
