import { describe, expect, it } from "vitest";
import { cssLength, htmlDimension, isSmall, isTiny } from "../../src/detectors/element-size.js";

describe("htmlDimension (HTML's rules for parsing dimension values)", () => {
  it.each([
    ["1", 1], ["1x", 1], ["1.", 1], ["1;", 1], [" 1px", 1], ["0", 0], ["1.5", 1.5], [".5", 0.5], ["\n2 ", 2],
    ["50%", undefined], ["auto", undefined], ["", undefined], ["-1", undefined], [undefined, undefined],
  ])("%j -> %j", (value, expected) => {
    expect(htmlDimension(value)).toBe(expected);
  });
});

describe("cssLength (CSS lengths)", () => {
  it.each([
    ["1px", 1], [".5px", 0.5], ["0", 0], ["0.01em", 0.16], ["calc(1px)", 1], ["1PX", 1], ["1px !important", 1],
    ["0.75pt", 1], ["1e0px", 1], ["100%", undefined], ["auto", undefined], ["1", undefined], ["1vw", undefined],
    ["calc(100% - 2px)", undefined],
  ])("%j -> %j", (value, expected) => {
    const length = cssLength(value);
    if (expected === undefined) expect(length).toBeUndefined();
    else expect(length).toBeCloseTo(expected, 6);
  });
});

describe("tiny and small", () => {
  it("tiny is at most 1 px, one dimension enough; small is both at most 6 px", () => {
    expect(isTiny({ width: 1, height: undefined })).toBe(true);
    expect(isTiny({ width: undefined, height: undefined })).toBe(false);
    expect(isTiny({ width: 1, height: 40 })).toBe(false);
    expect(isSmall({ width: 2, height: 6 })).toBe(true);
    expect(isSmall({ width: 6, height: undefined })).toBe(false);
    expect(isSmall({ width: 7, height: 1 })).toBe(false);
  });
});
