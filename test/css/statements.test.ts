import { TokenType } from "@csstools/css-tokenizer";
import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { findStylesheetUrls, scanStylesheetUrls } from "../../src/css/css-urls.js";
import { type BlockVisitor, scanBlocks, scanBlocksByTokens, topLevelEnds } from "../../src/css/statements.js";
import { closerOf, endOf, tokenizeCss } from "../../src/css/tokens.js";

/** The same ends read from the real tokens, with the block matching of `scanComponent`. */
function endsFromTokens(css: string): number[] {
  const ends: number[] = [];
  const closers: TokenType[] = [];
  for (const token of tokenizeCss(css)) {
    const closer = closerOf(token[0]);
    if (closer !== undefined) closers.push(closer);
    else if (token[0] === closers[closers.length - 1]) {
      closers.pop();
      if (closers.length === 0 && token[0] === TokenType.CloseCurly) ends.push(endOf(token));
    }
  }
  return ends;
}

describe("topLevelEnds", () => {
  it.each<[string, number[] | undefined]>([
    ["a{b:c} @media x{d{e:f}} g", [6, 23]],
    ["a{b:'}'} c{d:\"}\"}", [8, 17]],
    ["a{b:c /* } */} d{}", [14, 18]],
    ["a{b:url(x}y)} c{}", [13, 17]],
    ["a{b:url( 'x}' )} c{}", [16, 20]],
    ["a{b:aurl(x}y)} c{}", [14, 18]],
    ["a{b:url(x'y)} c{}", [13, 17]],
    ["a{b:url(/*)} c{} d*/{}", [12, 16, 22]],
    ["a{b:aurl(x')')} c{}", [15, 19]],
    ["a{b:#url(x')')} c{}", [15, 19]],
    ["a{b:url(x')')} c{}", []],
    ["a( { ) } ) {} b{}", [13, 17]],
    ["a{ ) ] } b{", [8]],
    ["a{b:'x\n}", [8]],
    ["a{b:\\7d}", [8]],
    ["a\\{b{c:d}", [9]],
    ["a{b:'\\'}'} c{}", [10, 14]],
    ["a{b:url(x\\)})} c{}", [14, 18]],
    ["a{b:\\75 rl(x}y)} c{}", undefined],
    ["a{b:ur\\6c(x}y)} c{}", undefined],
    ["a{b:f\\(x)} c{}", [10, 14]],
    ["a{b:c\\\n(} d{}", []],
    ["<!--url(x}){}", undefined],
    ["@import url(x); a{b:c}", [22]],
  ])("%j → %j", (css, expected) => {
    expect(topLevelEnds(css)).toEqual(expected);
  });
});

// Pieces that stress where a rule ends: quotes, comments, URL tokens and functions named like them, closers that
// do not match, newlines that break strings, escapes (the whole sheet is read then), CDO/CDC.
const piece = fc.constantFrom(
  "url(", "URL(", "uRl(", "url( ", "url( 'x' )", "aurl(", "#url(", "@url(", "1url(", "-url(", "<!--url(", "-->url(",
  ".url(", "+url(", "src(", "image-set(", "@import ", "@import url(", "@media x", "@font-face", "a", "b:c", "--x:",
  "(", ")", "{", "}", "[", "]", ";", ":", ",", "\"", "'", "\n", "\r\n", "\r", "\f", "\0", " ", "/*", "*/",
  "x.gif", "https://t.example/p", "')'", '")"', "'}'", "x')')", "'x\n", '"x\r\n', "'\f", "a-url(", "--url(",
  "a{", "}", "!important", "<!--", "-->", "\u00e9", "u", "rl(", "&",
  // Non-ASCII characters browsers read as part of a name and the tokenizer alone would not (tokens.ts).
  "\u00a0", "\u00d7", "\u2019", "\ue000", "\u00a0url(", "\u00d7url(x')",
  // Whole traps, where a misread token swallows or frees a `}`.
  "1url(x')", "aurl(x')", "#url(x\")", "@url(x')", "\u00e9url(x')", "\0url(x')", "url(x')", "url(/*)", "a-url(x')",
  "<!--url(x')", "-->url(x')", "'x\n}", "\"x\r}", "'x\f}", "/* } */", "url( \"}\" )", "}}", "{{",
);
const escape = fc.constantFrom(
  "\\", "\\7d ", "\\\n", "u\\rl(", "\\}", "\\'", "\\(", "url(x\\)}", "\\\r\n", "\\7d\r\n", "\\00007d", "'\\\r\n'", "\\ ",
  "a\\ url(", "\\61 url(", "url(x\\\n)", "\\\f", "\"\\\"", "\\\u00e9", "#\\31 ", "@\\69mport ",
);
const plainSheet = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join("")) },
  { weight: 1, arbitrary: fc.string() },
);
const sheet = fc.oneof(plainSheet, fc.array(fc.oneof(piece, escape), { maxLength: 40 }).map((pieces) => pieces.join("")));

describe("topLevelEnds agrees with the tokenizer", () => {
  fcIt.prop([sheet], { seed: 20_261_206, numRuns: 8000 })("the same ends as the tokens give, or undefined", (css) => {
    const ends = topLevelEnds(css);
    if (ends !== undefined) expect(ends).toEqual(endsFromTokens(css));
  });
});

/** The events a block scan gives, as text: `{` and `}` and `;` with their offsets. */
function blockEvents(scan: (css: string, visitor: BlockVisitor) => boolean | void, css: string): string[] | undefined {
  const events: string[] = [];
  const read = scan(css, {
    open: (at) => events.push(`{${at}`),
    close: (at) => events.push(`}${at}`),
    semicolon: (at) => events.push(`;${at}`),
  });
  return read === false ? undefined : events;
}

describe("scanBlocks agrees with the tokenizer", () => {
  it.each<[string, string[] | undefined]>([
    ["a{b:c;d:e}", ["{1", ";5", "}9"]],
    // A `{`, `}` or `;` inside () or [] is no rule's: "consume a simple block".
    ["a{b:c({;}) d:[;]}", ["{1", "}16"]],
    // CSS newlines are LF, CR and FF: each ends a string; an escaped one (CR LF is one) continues it.
    ['a{b:"x\r}c{d:e}', ["{1", "}7", "{9", "}13"]],
    ['a{b:"x\f}c{d:e}', ["{1", "}7", "{9", "}13"]],
    ['a{b:"x\\\r\n}"}c{}', ["{1", "}11", "{13", "}14"]],
    // A hex escape takes one white space after it, a newline too.
    ['a{b:"\\41\n}"}c{}', ["{1", "}11", "{13", "}14"]],
    // `#url(` is a hash then a `(`, not a URL token: a quote in it opens a string, and the `(` stays open.
    ["a{b:#url('x)} .px{width:1px}'} .q{}", ["{1"]],
    ["a{b:\\75 rl(x}y)} c{}", undefined],
  ])("%j", (css, expected) => {
    expect(blockEvents(scanBlocks, css)).toEqual(expected);
    if (expected !== undefined) expect(blockEvents(scanBlocksByTokens, css)).toEqual(expected);
  });

  fcIt.prop([sheet], { seed: 20_261_203, numRuns: 8000 })("the same events as the tokens give, or it declines", (css) => {
    const events = blockEvents(scanBlocks, css);
    if (events !== undefined) expect(events).toEqual(blockEvents(scanBlocksByTokens, css));
  });
});

describe("findStylesheetUrls reads the rules that may hold a URL on their own", () => {
  fcIt.prop([sheet], { seed: 20_261_205, numRuns: 4000 })("finds exactly what scanning the whole sheet finds", (css) => {
    expect(findStylesheetUrls(css)).toEqual(scanStylesheetUrls(css));
  });

  it("a mail's sheet: URLs in some rules, positioned in the whole text", () => {
    const css = "body{margin:0} .a{color:red}\n.b{background:url(https://t.example/b.gif)} .c{x:y} @import 'z.css';";
    expect(findStylesheetUrls(css)).toEqual(scanStylesheetUrls(css));
    expect(findStylesheetUrls(css).map(({ url, declaration }) => [url, css.slice(declaration.start, declaration.end)])).toEqual([
      ["https://t.example/b.gif", "background:url(https://t.example/b.gif)"],
      ["z.css", "@import 'z.css';"],
    ]);
  });
});
