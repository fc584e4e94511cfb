import { describe, expect, it } from "vitest";
import { findImportTexts, maxImportValue } from "../../src/css/import-texts.js";
import { stripTrackingWithReport } from "../../src/index.js";

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

describe("findImportTexts: a value is read up to maxImportValue characters", () => {
  it("cuts a longer one, and says so", () => {
    const long = `https://ok.example/${"a".repeat(maxImportValue)}`;
    const [text] = findImportTexts(`@import ${long} x`);
    expect(text?.cut).toBe(true);
    expect(text?.url).toBe(long.slice(0, maxImportValue));
    expect(findImportTexts(`@import ${T};`)[0]?.cut).toBe(false);
  });

  it("reads each @import of a run without white space (the last has no value), each value at most the cap", () => {
    const found = findImportTexts("@import".repeat(5000));
    expect(found).toHaveLength(4999);
    expect(Math.max(...found.map(({ url }) => url.length))).toBeLessThanOrEqual(maxImportValue);
  });

  it("an @import whose value was cut goes unread (fail closed), its keyword's i removed", () => {
    const html = `<style>/*@import https://ok.example/${"a".repeat(maxImportValue)}*/ .a{color:red}</style>`;
    const { html: out, report } = stripTrackingWithReport(html);
    expect(out).toBe(html.replace("@import", "@mport"));
    expect(report.findings.map(({ reason }) => reason)).toEqual([`an @import value longer than ${maxImportValue} characters: removed unread`]);
  });
});

describe("an @import the parser and a scanner read differently counts both ways", () => {
  it("says whether the value is one the CSS parser reads (a string or url()) or a bare run", () => {
    expect(findImportTexts(`@import "${T}"; @import url(${T}); @import ${T}; @import ${T}'`).map(({ quoted }) => quoted)).toEqual([true, true, false, false]);
  });

  it.each([`<style>@import ${T}'`, `<style>@import ${T}"x</style>`, `<style>@import ${T} '';</style>`])(
    "a bare URL before a stray string (the parser imports the string) is still judged by the scanner's reading: %j",
    (html) => {
      // Found by `FUZZ_SEED=777 npm run fuzz`: the parser's import of "" hid the scanner's import of T.
      expect(stripTrackingWithReport(html, { block: [{ url: "t.example" }] }).html).toBe(html.replace("@import", "@mport"));
    },
  );
});
