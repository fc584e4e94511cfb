import { describe, expect, it } from "vitest";
import { decodedNames, tokenizeCss } from "../../src/css/tokens.js";

describe("decodedNames", () => {
  it.each([
    ["@media print", "@media print"],
    ["@media \\70 rint", "@media print"],
    ["@\\6d edia \\000070rint and (prefers-color-scheme:\\64 ark)", "@media print and (prefers-color-scheme:dark)"],
    ["a:\\68over", "a:hover"],
    ["#\\64 ivRplyFwdMsg .x", "#divRplyFwdMsg .x"],
    ['.a[title="\\70"]', '.a[title="\\70"]'],
  ])("%j reads %j", (text, read) => {
    expect(decodedNames(text)).toBe(read);
  });
});

describe("tokenizeCss", () => {
  it("reads every non-ASCII code point as part of a name, as browsers do, and keeps positions", () => {
    const css = "a:\u00a0url(/*)'*/);b:url(x)";
    const tokens = tokenizeCss(css);
    const text = (type: string) => tokens.filter((token) => token[0] === type).map((token) => css.slice(token[2], token[3] + 1));
    expect(text("function-token")).toEqual(["\u00a0url("]);
    expect(text("comment")).toEqual(["/*)'*/"]);
    expect(text("url-token")).toEqual(["url(x)"]);
  });
});
