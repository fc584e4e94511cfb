import { describe, expect, it } from "vitest";
import { cssLength, describeSize, htmlDimension, isSmall, isTiny, sizeOf } from "../../src/detectors/element-size.js";
import { stripTracking } from "../../src/index.js";
import type { Element } from "../../src/types.js";

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
  const element = (attributes: Record<string, string>, sheetStyle: { name: string; value: string }[], style: { name: string; value: string }[] = []) =>
    ({ attributes, sheetStyle, style }) as unknown as Element;

  it("a style-sheet `width:100%; height:auto` overrides width=0 height=0: not tiny (a responsive content image)", () => {
    const size = sizeOf(element({ width: "0", height: "0" }, [{ name: "width", value: "100%" }, { name: "height", value: "auto" }]));
    expect(isTiny(size)).toBe(false);
    expect(isSmall(size)).toBe(false);
    expect(describeSize(size)).toBe("autox?");
  });

  it("`auto` follows the other dimension: `img{height:auto}` leaves a width=1 height=1 pixel tiny", () => {
    expect(isTiny(sizeOf(element({ width: "1", height: "1" }, [{ name: "height", value: "auto !important" }])))).toBe(true);
    expect(isTiny(sizeOf(element({ width: "1", height: "1" }, [], [{ name: "width", value: "100%" }])))).toBe(false);
  });

  it("pixel lengths still win in order: attribute, then sheet, then inline", () => {
    expect(isTiny(sizeOf(element({ width: "600" }, [{ name: "width", value: "1px" }])))).toBe(true);
    expect(isTiny(sizeOf(element({ width: "1" }, [{ name: "width", value: "1px" }], [{ name: "width", value: "50%" }])))).toBe(false);
  });

  it("keeps the India Times shape: a 0x0 image sized by a class is content", () => {
    const html = `<style>.webonly{width: 100%; height: auto;}</style><img width="0" height="0" class="webonly" src="https://news.example/photo/64478222.cms">`;
    expect(stripTracking(html)).toBe(html);
  });
});
