import { describe, expect, it } from "vitest";
import { plainNumber } from "../../src/css/plain-number.js";

describe("plainNumber", () => {
  it.each<[string, number | undefined]>([
    ["0", 0], ["-1", -1], [" .5 ", 0.5], ["1e0", 1], ["calc(0)", 0], ["calc(0.5 - 0.5)", 0], ["CALC(1 + 2 * 3)", 7],
    ["calc((1 + 1) / 4)", 0.5], ["calc(calc(1) - 1)", 0], ["calc(1 - -1)", 2],
    ["calc(1-1)", undefined], ["calc(1 -1)", undefined], ["calc(1px)", undefined], ["calc(var(--x))", undefined],
    ["calc(1 / 0)", undefined], ["1px", undefined], ["initial", undefined], ["calc(1 +)", undefined], ["calc()", undefined],
  ])("%s", (text, value) => {
    expect(plainNumber(text)).toBe(value);
  });
});
