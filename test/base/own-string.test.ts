import { describe, expect, it } from "vitest";
import { ownString } from "../../src/base/own-string.js";
import { retained } from "../support/retained.js";

describe("ownString", () => {
  it("returns the same text", () => {
    for (const text of ["", "a", "https://t.example/open?u=1234567890abcdef", "é—🎉 mixed"]) expect(ownString(text)).toBe(text);
  });

  it("does not keep the parent of a slice alive (a plain slice does)", () => {
    const slice = (parent: string) => parent.slice(100, 200);
    expect(retained(slice)).toBeGreaterThan(15_000_000);
    expect(retained((parent) => ownString(slice(parent)))).toBeLessThan(2_000_000);
  });

  it("does not keep the parts of a concatenation alive", () => {
    const joined = (parent: string) => parent.slice(100, 200) + parent.slice(300, 340);
    expect(retained(joined)).toBeGreaterThan(15_000_000);
    expect(retained((parent) => ownString(joined(parent)))).toBeLessThan(2_000_000);
  });
});
