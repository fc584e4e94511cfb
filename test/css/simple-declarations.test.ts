import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseDeclarations } from "../../src/css/declarations.js";
import { readSimpleDeclarations } from "../../src/css/simple-declarations.js";

const tokenized = (css: string) => parseDeclarations(css).map(({ name, value }) => ({ name, value }));

describe("readSimpleDeclarations", () => {
  it.each<[string, { name: string; value: string }[]]>([
    ["font-family:'A B',  Arial;line-height:1.50", [{ name: "font-family", value: "'A B', Arial" }, { name: "line-height", value: "1.5" }]],
    ["Width : .5px ;x;1a:b; c:-0 010% #fff 5-5", [{ name: "width", value: "0.5px" }, { name: "c", value: "0 10% #fff 5-5" }]],
    ['content:"a;b";--x:"y"', [{ name: "content", value: '"a;b"' }, { name: "--x", value: '"y"' }]],
  ])("%j", (css, expected) => {
    expect(readSimpleDeclarations(css)).toEqual(expected);
    expect(tokenized(css)).toEqual(expected);
  });

  it.each(["a:url('x')", "a:'x\\'y'", "a:'x\ny'", "a:'open", "a:1e3", "a:b!important", "a:\u00e9", "a:b/c", "a:+1", "a:b\rc"])(
    "leaves %j to the tokenizer",
    (css) => {
      expect(readSimpleDeclarations(css)).toBeUndefined();
    },
  );
});

// Pieces of inline styles: names, numbers in every spelling, units, hashes, delimiters, quotes, blanks.
const piece = fc.constantFrom(
  "font-family", "Width", "--x", "-x", "_a", "a1", "x-1", "1a", ":", ";", " ", "\t", "\n", ",", ".", "-", "%", "#", "#fff",
  "#1a", "#-", "'Brand Sans'", '"x y"', "'a;b'", '"it\'s"', "' '", "0", "00", "010", "1.50", ".5", "-.5", "-0", "1.", "1.5.5",
  "5-5", "5px-1", "1em", "1e", "1e-x", "1E", "px", "%", "12345678901234567", "Arial", "sans-serif", "-5px", "--", "-1",
  "'", '"', "e5", "1e5", "2E3px", "1e-5", "1e+5", "#01", "a:1e5", "\u00e9", "!important", "(", "\\", "/", "\r", "+1",
);
const style = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join("")) },
  { weight: 1, arbitrary: fc.string() },
);

describe("readSimpleDeclarations reads what parseDeclarations reads", () => {
  fcIt.prop([style], { seed: 20_261_207, numRuns: 6000 })("the same declarations wherever it answers", (css) => {
    const simple = readSimpleDeclarations(css);
    if (simple !== undefined) expect(simple).toEqual(tokenized(css));
  });
});
