import { describe, expect, it } from "vitest";
import { hasLoneSurrogate } from "../../src/base/lone-surrogate.js";

describe("hasLoneSurrogate", () => {
  it.each([["j\udce9rg", true], ["\ud83d", true], ["😀", false], ["jörg", false], ["", false]])("%j -> %j", (text, expected) => {
    expect(hasLoneSurrogate(text)).toBe(expected);
  });
});
