import { describe, expect, it } from "vitest";
import { hidingReason, inlineStyle } from "../../src/engine/visibility.js";

const reason = (attributes: Record<string, string>, sheet?: Parameters<typeof hidingReason>[3]) =>
  hidingReason("div", attributes, () => inlineStyle(attributes["style"]), sheet);

describe("hidingReason", () => {
  it.each([
    [{ style: "display:none" }, "display:none on <div>"],
    [{ style: "visibility:hidden" }, "visibility:hidden on <div>"],
    [{ style: "opacity:0" }, "opacity:0 on <div>"],
    [{ style: "max-height:0px;overflow:hidden" }, "max-height:0 on <div>"],
    [{ style: "mso-hide:all" }, "mso-hide:all on <div>"],
    [{ hidden: "" }, "hidden attribute on <div>"],
    [{ style: "display:block" }, undefined],
    [{}, undefined],
  ])("%j -> %j", (attributes, expected) => {
    expect(reason(attributes)).toBe(expected);
  });

  it("reads hiding from matching <style> rules, inline style first", () => {
    const sheet = { declarations: [{ name: "display", value: "none", important: false }], revealedBy: undefined };
    expect(reason({}, sheet)).toBe("display:none on <div> (by a <style> rule)");
    expect(reason({ style: "opacity:0" }, sheet)).toBe("opacity:0 on <div>");
  });

  it("an element an @media rule reveals is not hidden, whatever hides it elsewhere", () => {
    const sheet = { declarations: [], revealedBy: "@media rule for .m" };
    expect(reason({ style: "display:none;max-height:0" }, sheet)).toBeUndefined();
    expect(reason({ hidden: "" }, sheet)).toBeUndefined();
  });
});
