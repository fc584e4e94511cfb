import { describe, expect, it } from "vitest";
import { PendingEndTag } from "../../src/engine/end-tag.js";
import { Output } from "../../src/engine/output.js";

describe("PendingEndTag", () => {
  it("finds its `>` when it arrives, in a later chunk", () => {
    const input = new Output(() => {});
    input.append("<p>x</p");
    const endTag = new PendingEndTag(4, 7, "p");
    expect(endTag.findEnd(input)).toBe(-1);
    input.append(' a=">"');
    // htmlparser2 ends an end tag at its first `>`, quotes or not.
    expect(endTag.findEnd(input)).toBe(12);
  });
});
