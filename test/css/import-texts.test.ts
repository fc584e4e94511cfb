import { describe, expect, it } from "vitest";
import { findImportTexts } from "../../src/css/import-texts.js";

const T = "https://t.example/p.gif";

describe("findImportTexts: every @import a preload scanner could request", () => {
  it.each<[string, string, string[]]>([
    // The Chromium 156 cases (test/support/fetches.test.ts): the CSS parser imports nothing, the scanner fetches T.
    ["after a stray slash", `/x@import "${T}";`, [T]],
    ["after //", `//@import "${T}";`, [T]],
    ["after @1", `@1@import "${T}";`, [T]],
    ["after a block and a string", `@x{}"y";@import "${T}";`, [T]],
    ["unquoted", `@import ${T};`, [T]],
    ["unquoted, to the end", `@import ${T}`, [T]],
    // The forms the CSS parser reads too.
    ["url()", `@import url(${T}) screen;`, [T]],
    ["url() with quotes and spaces", `@IMPORT url( '${T}' ) ;`, [T]],
    ["single quotes, a space before ;", `@import '${T}' ;a{}`, [T]],
    ["a U+FEFF in a bare URL (deleted from the host by the URL parser)", "@import http://t.exa\uFEFFmple/a;", ["http://t.exa\uFEFFmple/a"]],
    ["an unclosed string", `@import "${T}`, [T]],
    ["inside a comment", `/* @import "${T}"; */`, [T]],
    ["in a string", `p{content:"@import ${T}"}`, [`${T}"}`]],
    ["nested in another's value", `@import "@import ${T}";`, [`@import ${T}`, `${T}"`]],
  ])("%s", (_, css, urls) => {
    const found = findImportTexts(css);
    expect(found.map(({ url }) => url)).toEqual(urls);
    for (const { at, span } of found) {
      expect(css.slice(at, at + 7).toLowerCase()).toBe("@import");
      // Only the keyword's `i` goes: no token of the text around it changes its bounds.
      expect(css.slice(span.start, span.end).toLowerCase()).toBe("i");
    }
  });

  it.each(["a{color:red}", "@import", "@import ;", "@import{}", "@importer x", "@import\\ x", "@importé x", "@media x{a{b:c}}"])(
    "finds nothing to request in %j",
    (css) => expect(findImportTexts(css)).toEqual([]),
  );
});
