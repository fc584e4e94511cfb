// Classes of CSS code points as browsers read them (CSS Syntax 3 §4.2, with every non-ASCII code point a name code
// point, as Blink, WebKit and Gecko take it): for the scans that follow a sheet's structure without tokenizing it.

/** A code point of a name: letters, digits, `-`, `_`, non-ASCII, and NUL (read as U+FFFD). */
export function isNameCodePoint(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c >= 0x80 || c === 0;
}

export function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/** LF, CR, FF (input preprocessing makes CR and FF newlines). */
export function isCssNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x0c;
}

/** Space, tab and the newlines: CSS white space is HTML's five characters. */
export function isCssWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || isCssNewline(c);
}

/** Where `text[from, to)` starts past CSS white space (not JS's: U+00A0 is a name character to CSS). */
export function afterCssWhitespace(text: string, from: number, to: number): number {
  while (from < to && isCssWhitespace(text.charCodeAt(from))) from++;
  return from;
}
