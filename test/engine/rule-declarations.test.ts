import { describe, expect, it } from "vitest";
import { collectedDeclarations, SheetText } from "../../src/engine/rule-declarations.js";

/** The collected declarations of `body` (a whole sheet's text here), given the count of `;` that end declarations. */
const read = (body: string, semicolons: number) => collectedDeclarations(new SheetText(body), 0, body.length, semicolons);

describe("collectedDeclarations", () => {
  it.each<[string, number, { name: string; value: string; important: boolean }[] | undefined]>([
    ["WIDTH : 1px ; color:red; height:2px!important", 2, [
      { name: "width", value: "1px", important: false },
      { name: "height", value: "2px", important: true },
    ]],
    ["color:red;font-family:x", 1, undefined],
    // A ; that ends no declaration (in a string): read as the tokenizer reads it.
    ['content:"a;width:1px";height:1px', 1, [{ name: "height", value: "1px", important: false }]],
    // Comments alone are white space; escapes and non-ASCII characters go to the tokenizer.
    ["/*;*/width:1px;height:/**/1px", 1, [
      { name: "width", value: "1px", important: false },
      { name: "height", value: "1px", important: false },
    ]],
    ["w\\idth:1p\\78", 0, [{ name: "width", value: "1px", important: false }]],
    ["width:1px\u00a0", 0, [{ name: "width", value: "1px\ufffd", important: false }]],
  ])("%j", (body, semicolons, expected) => {
    expect(read(body, semicolons)).toEqual(expected);
  });

  it("reads the bodies of one sheet in any order, searching on from its last answer", () => {
    const css = ".a{width:1px} .b{} .c{height:2px;width:3px}";
    const text = new SheetText(css);
    const body = (rule: string) => [css.indexOf("{", css.indexOf(rule)) + 1, css.indexOf("}", css.indexOf(rule))] as const;
    expect(collectedDeclarations(text, ...body(".c"), 1)?.map(({ value }) => value)).toEqual(["2px", "3px"]);
    expect(collectedDeclarations(text, ...body(".a"), 0)?.map(({ value }) => value)).toEqual(["1px"]);
    expect(collectedDeclarations(text, ...body(".b"), 0)).toBeUndefined();
  });
});
