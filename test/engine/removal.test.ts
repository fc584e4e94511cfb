import { describe, expect, it } from "vitest";
import { ElementRemoval } from "../../src/engine/removal.js";

describe("ElementRemoval", () => {
  it("is active from begin until the stack is back at its depth", () => {
    const removal = new ElementRemoval();
    expect(removal.active).toBe(false);
    expect(removal.endedAt(0)).toBe(false);
    removal.begin(3, "div", 120, false);
    expect(removal.active).toBe(true);
    expect(removal.endedAt(5)).toBe(false);
    expect(removal.endedAt(4)).toBe(false);
    expect(removal.endedAt(3)).toBe(true);
    expect([removal.name, removal.start, removal.keepsEndTag]).toEqual(["div", 120, false]);
    removal.finish();
    expect(removal.active).toBe(false);
    expect(removal.endedAt(0)).toBe(false);
  });
});
