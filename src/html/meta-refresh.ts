// The URL of a <meta http-equiv=refresh> content value, found as the HTML spec finds it.
import type { Span } from "../css/css-urls.js";
import { isHtmlSpace as isSpace } from "./whitespace.js";

const enum Char {
  DoubleQuote = 0x22,
  SingleQuote = 0x27,
  Comma = 0x2c,
  Dot = 0x2e,
  Zero = 0x30,
  Nine = 0x39,
  Semicolon = 0x3b,
  Equals = 0x3d,
}

/**
 * Finds the URL in a `<meta http-equiv=refresh>` `content` value (already HTML-entity-decoded), following the
 * HTML spec's "shared declarative refresh steps": `5; url='https://x'`, `0;URL=x`, `5,url=x`, `0; https://x`.
 * @param content - The `content` attribute value.
 * @returns The URL as written (before URL parsing, which trims and strips tabs and newlines) and its span in
 *   `content`; undefined when the value is malformed or names no URL (a plain reload).
 * @example
 * parseMetaRefresh("0; url='https://t.example/r'") //=> { url: "https://t.example/r", span: { start: 8, end: 27 } }
 */
export function parseMetaRefresh(content: string): { url: string; span: Span } | undefined {
  const at = (i: number): number => content.charCodeAt(i); // NaN past the end, which matches nothing
  const skipSpaces = (from: number): number => {
    let i = from;
    while (isSpace(at(i))) i++;
    return i;
  };
  let i = skipSpaces(0);
  const timeStart = i;
  while (at(i) >= Char.Zero && at(i) <= Char.Nine) i++;
  if (i === timeStart && at(i) !== Char.Dot) return undefined;
  while ((at(i) >= Char.Zero && at(i) <= Char.Nine) || at(i) === Char.Dot) i++;
  if (i < content.length) {
    if (at(i) !== Char.Semicolon && at(i) !== Char.Comma && !isSpace(at(i))) return undefined;
    i = skipSpaces(i);
    if (at(i) === Char.Semicolon || at(i) === Char.Comma) i++;
    i = skipSpaces(i);
  }
  let start = i;
  // "url=" is optional and case-insensitive; anything short of the "=" is part of the URL itself.
  let j = i;
  if ((at(j) | 0x20) === 0x75 /* u */ && (at(++j) | 0x20) === 0x72 /* r */ && (at(++j) | 0x20) === 0x6c /* l */) {
    j = skipSpaces(j + 1);
    if (at(j) === Char.Equals) start = skipSpaces(j + 1);
  }
  let end = content.length;
  const quote = at(start);
  if (quote === Char.SingleQuote || quote === Char.DoubleQuote) {
    start++;
    const close = content.indexOf(String.fromCharCode(quote), start);
    if (close !== -1) end = close;
  }
  if (start >= end) return undefined;
  return { url: content.slice(start, end), span: { start, end } };
}
