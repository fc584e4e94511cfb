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
  /**
   * `@import` and as much of its value as can go without changing how the CSS parser reads the text around it
   * (these imports sit where the parser reads none: in a comment, a string, a prelude): removing the keyword is
   * what stops the request; the value goes too when it is whole (a bare one up to a quote, bracket or backslash).
   */
  readonly span: Span;
}

/** The keyword, ended (`@importer` is another rule); a scanner never decodes an escape, so `@\69mport` is none. */
const importKeyword = /@import(?![\w\\-]|[^\0-\x7f])/gi;
/**
 * A scanner's value: a quoted string (to its quote), a `url(...)`, or a run up to HTML white space, `;` or `{`. Only
 * HTML white space ends it: U+FEFF is white space to JS but not to a scanner, and URL parsing deletes it from a host.
 */
const value = /"[^"]*"?|'[^']*'?|url\([^)]*\)?|[^\t\n\f\r ;{]+/iy;
const spaces = /\s*/y;
/** A value that can go whole: a closed string, a closed `url()` or a bare run, holding nothing that ends a token. */
const wholeValue = /^(?:"[^"\\\n\r\f{};]*"|'[^'\\\n\r\f{};]*'|url\([^"'()\\\n\r\f{};]*\)|[^"'()\\{}]+)$/i;
/** The part of a bare value before a character that starts or ends a token (a quote would open a string). */
const bareHead = /^[^"'()\\{}]*/;

/**
 * Every `@import` in `css` followed by a value, in order.
 * @example
 * findImportTexts('/x@import "https://t.example/a.css"; a{}')
 * //=> [{ url: "https://t.example/a.css", span: { start: 2, end: 35 } }]
 */
export function findImportTexts(css: string): ImportText[] {
  const found: ImportText[] = [];
  importKeyword.lastIndex = 0;
  for (let match = importKeyword.exec(css); match !== null; match = importKeyword.exec(css)) {
    const start = match.index;
    spaces.lastIndex = importKeyword.lastIndex;
    spaces.test(css);
    const valueStart = spaces.lastIndex;
    value.lastIndex = valueStart;
    const text = value.exec(css)?.[0];
    if (text === undefined) continue;
    // The search goes on right after this keyword, not after its value: an `@import` inside a value counts too.
    found.push({ url: scannedUrl(text), span: { start, end: valueStart + removableLength(text) } });
  }
  return found;
}

/** How much of a value can go with its keyword (see `ImportText.span`). */
function removableLength(text: string): number {
  if (wholeValue.test(text)) return text.length;
  const quoted = text.startsWith('"') || text.startsWith("'") || /^url\(/i.test(text);
  return quoted ? 0 : bareHead.exec(text)![0].length;
}

/** The URL in a scanner's value: `"x"`, `'x'`, `url(x)`, `url("x")` or a bare `x`. */
function scannedUrl(text: string): string {
  let url = /^url\(/i.test(text) ? text.slice(4, text.endsWith(")") ? -1 : undefined).trim() : text;
  const quote = url.charAt(0);
  if (quote === '"' || quote === "'") url = url.slice(1, url.length > 1 && url.endsWith(quote) ? -1 : undefined);
  return url;
}
