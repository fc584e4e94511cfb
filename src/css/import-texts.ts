// `@import` as text, wherever it sits in a style sheet. Browsers read a `<style>` twice: the CSS parser, and, before
// it, a speculative preload scanner that reads the start of the text character by character and requests what
// looks like an import. The two disagree: checked in Chromium 156 (test/support/fetches.test.ts), each of
//   /x@import "T";    //@import "T";    @1@import "T";    @x{}"y";@import "T";    @import T;    @import T
// fetched T while the CSS parser imports nothing. Rather than follow one scanner's quirks, every `@import` in the
// text counts: a superset of what any scanner reads (it never decodes escapes), judged like any other import.

import type { Span } from "./css-urls.js";

export interface ImportText {
  /** The URL as a scanner reads it: quotes and `url( )` stripped, nothing decoded. */
  readonly url: string;
  /** Offset of the `@`. */
  readonly at: number;
  /**
   * The `i` of the keyword: what to remove so no scanner requests it. These imports sit where the CSS parser reads
   * none (in a comment, a string, a prelude), so any wider cut could change how it reads the text around it: a
   * value holding `*\/` took a comment's end with it, `*` and `/` on either side joined into one, and `<` and
   * `/style>` into an end tag. Removing a letter from inside a name changes no token's bounds, and `@mport` is no
   * rule to any scanner. The URL stays, unrequested.
   */
  readonly span: Span;
  /** Its value is a string or a `url()`, as the CSS parser reads one; else a bare run of characters. */
  readonly quoted: boolean;
  /** Its value ran past `maxImportValue` characters: the URL is its start only (judge it as unreadable). */
  readonly cut: boolean;
}

/**
 * The longest value read. A bare value runs to the next white space, so `"@import".repeat(n)` gave n URLs each
 * running to the end of the text: quadratic (40 s for 112 KB; adversarial review). Longer ones are cut here.
 */
export const maxImportValue = 2048;

/** The keyword, ended (`@importer` is another rule); a scanner never decodes an escape, so `@\69mport` is none. */
const importKeyword = /@import(?![\w\\-]|[^\0-\x7f])/gi;
/**
 * A scanner's value: a quoted string (to its quote), a `url(...)`, or a run up to HTML white space, `;` or `{`. Only
 * HTML white space ends it: U+FEFF is white space to JS but not to a scanner, and URL parsing deletes it from a host.
 */
const value = /"[^"]{0,2048}"?|'[^']{0,2048}'?|url\([^)]{0,2048}\)?|[^\t\n\f\r ;{]{1,2048}/iy;
const spaces = /\s*/y;

/**
 * Every `@import` in `css` followed by a value, in order.
 * @example
 * findImportTexts('/x@import "https://t.example/a.css"; a{}')
 * //=> [{ url: "https://t.example/a.css", at: 2, span: { start: 3, end: 4 }, quoted: true, cut: false }]
 */
export function findImportTexts(css: string): ImportText[] {
  const found: ImportText[] = [];
  importKeyword.lastIndex = 0;
  for (let match = importKeyword.exec(css); match !== null; match = importKeyword.exec(css)) {
    const at = match.index;
    spaces.lastIndex = importKeyword.lastIndex;
    spaces.test(css);
    value.lastIndex = spaces.lastIndex;
    const text = value.exec(css)?.[0];
    if (text === undefined) continue;
    // The search goes on right after this keyword, not after its value: an `@import` inside a value counts too.
    const quoted = text[0] === '"' || text[0] === "'" || /^url\(/i.test(text);
    found.push({ url: scannedUrl(text), at, span: { start: at + 1, end: at + 2 }, quoted, cut: text.length >= maxImportValue });
  }
  return found;
}

/** The URL in a scanner's value: `"x"`, `'x'`, `url(x)`, `url("x")` or a bare `x`. */
function scannedUrl(text: string): string {
  let url = /^url\(/i.test(text) ? text.slice(4, text.endsWith(")") ? -1 : undefined).trim() : text;
  const quote = url.charAt(0);
  if (quote === '"' || quote === "'") url = url.slice(1, url.length > 1 && url.endsWith(quote) ? -1 : undefined);
  return url;
}
