import { describe, expect, it } from "vitest";
import { findImportTexts } from "../../src/css/import-texts.js";

const T = "https://t.example/p.gif";

describe("findImportTexts: every @import a preload scanner could request", () => {
  it.each<[string, string, { url: string; text: string }[]]>([
    // The Chromium 156 cases (test/support/fetches.test.ts): the CSS parser imports nothing, the scanner fetches T.
    ["after a stray slash", `/x@import "${T}";`, [{ url: T, text: `@import "${T}"` }]],
    ["after //", `//@import "${T}";`, [{ url: T, text: `@import "${T}"` }]],
    ["after @1", `@1@import "${T}";`, [{ url: T, text: `@import "${T}"` }]],
    ["after a block and a string", `@x{}"y";@import "${T}";`, [{ url: T, text: `@import "${T}"` }]],
    ["unquoted", `@import ${T};`, [{ url: T, text: `@import ${T}` }]],
    ["unquoted, to the end", `@import ${T}`, [{ url: T, text: `@import ${T}` }]],
    // The forms the CSS parser reads too.
    ["url()", `@import url(${T}) screen;`, [{ url: T, text: `@import url(${T})` }]],
    ["url() holding quotes: the keyword only (in a comment or a string, a quote may close the string around it)", `@IMPORT url( '${T}' ) ;`, [{ url: T, text: "@IMPORT " }]],
    ["single quotes, a space before ;", `@import '${T}' ;a{}`, [{ url: T, text: `@import '${T}'` }]],
    ["a U+FEFF in a bare URL (deleted from the host by the URL parser)", "@import http://t.exa\uFEFFmple/a;", [{ url: "http://t.exa\uFEFFmple/a", text: "@import http://t.exa\uFEFFmple/a" }]],
    ["an unclosed string: the keyword only (the quote may close an enclosing string)", `@import "${T}`, [{ url: T, text: "@import " }]],
    ["inside a comment", `/* @import "${T}"; */`, [{ url: T, text: `@import "${T}"` }]],
    ["nested in another's value", `@import "@import ${T}";`, [
      { url: `@import ${T}`, text: `@import "@import ${T}"` },
      { url: `${T}"`, text: `@import ${T}` },
    ]],
    // What goes never changes how the CSS parser reads the text around it: a quote, bracket or brace stays.
    ["in a string, bare: up to the closing quote", `p{content:"@import ${T}"}`, [{ url: `${T}"}`, text: `@import ${T}` }]],
    ["in a string, the quote after it closes that string", `p{content:"@import"} a{color:red} b{content:"x"}`, [
      { url: "} a{color:red} b{content:", text: "@import" },
    ]],
    ["a string across a line", `a{x:"@import '${T}\n';y:z}`, [{ url: `${T}\n`, text: "@import " }]],
    ["a bare value up to a bracket", `a{b:@import ${T}(x)}`, [{ url: `${T}(x)}`, text: `@import ${T}` }]],
    ["a bare value up to a backslash", `@import ${T}\"x`, [{ url: `${T}\"x`, text: `@import ${T}` }]],
  ])("%s", (_, css, expected) => {
    expect(findImportTexts(css).map(({ url, span }) => ({ url, text: css.slice(span.start, span.end) }))).toEqual(expected);
  });

  it.each(["a{color:red}", "@import", "@import ;", "@import{}", "@importer x", "@import\\ x", "@importé x", "@media x{a{b:c}}"])(
    "finds nothing to request in %j",
    (css) => expect(findImportTexts(css)).toEqual([]),
  );
});
