// A `style=""` value with quotes but nothing else that needs the CSS tokenizer (`font-family:'Brand Sans', Arial`,
// most inline styles of marketing mail), read as `parseDeclarations` reads it, in one pass over its characters.

import type { StyleDeclaration } from "../types.js";
import { asciiLower } from "./tokens.js";

/**
 * The declarations `parseDeclarations` finds in a simple declaration list, as `{ name, value }`; undefined when the
 * text is not simple, for the caller to tokenize. Simple: outside strings only ASCII letters, digits and
 * `_ #,.:;%-`, space, tab and LF; strings closed on their line, without `\`; numbers without an exponent and of at
 * most 15 digits. There, a token's text is its source, but for numbers (written canonically: `1.50` → `1.5`,
 * `.5px` → `0.5px`) and white space (one space between tokens). test/css/simple-declarations.test.ts checks this
 * against `parseDeclarations`.
 * @param css - The attribute value, entity-decoded.
 * @example
 * readSimpleDeclarations("font-family:'A B',  Arial;line-height:1.50") //=> [{ name: "font-family", value: "'A B', Arial" }, { name: "line-height", value: "1.5" }]
 */
export function readSimpleDeclarations(css: string): StyleDeclaration[] | undefined {
  const declarations: StyleDeclaration[] = [];
  const length = css.length;
  let i = 0;
  while (i < length) {
    // One part, up to a `;` outside strings: a declaration when it opens with an ident, blanks and a `:`.
    while (i < length && isBlank(css.charCodeAt(i))) i++;
    const nameEnd = startsIdent(css, i) ? identEnd(css, i) : i;
    let j = nameEnd;
    while (j < length && isBlank(css.charCodeAt(j))) j++;
    const isDeclaration = nameEnd > i && css.charCodeAt(j) === 0x3a; /* : */
    let text = "";
    let k = isDeclaration ? j + 1 : i;
    while (k < length) {
      const c = css.charCodeAt(k);
      if (c === 0x3b /* ; */) break;
      let end: number;
      let piece: string | undefined;
      if (isBlank(c)) {
        end = k + 1;
        while (end < length && isBlank(css.charCodeAt(end))) end++;
        if (text !== "" && !text.endsWith(" ")) text += " ";
        k = end;
        continue;
      }
      if (c === 0x22 || c === 0x27) {
        end = stringEnd(css, k, c);
        if (end < 0) return undefined;
      } else if (startsNumber(css, k)) {
        const number = numberEnd(css, k);
        if (number < 0) return undefined;
        piece = String(Number(css.slice(k, number)));
        end = number;
        if (startsIdent(css, end)) {
          const unitEnd = identEnd(css, end);
          piece += css.slice(end, unitEnd);
          end = unitEnd;
        } else if (css.charCodeAt(end) === 0x25 /* % */) {
          piece += "%";
          end++;
        }
      } else if (startsIdent(css, k)) {
        end = identEnd(css, k);
      } else if (c === 0x23 /* # */) {
        end = k + 1 < length && isIdentChar(css.charCodeAt(k + 1)) ? identEnd(css, k + 1) : k + 1;
      } else if (isSimpleDelim(c)) {
        end = k + 1;
      } else {
        return undefined;
      }
      if (isDeclaration) text += piece ?? css.slice(k, end);
      k = end;
    }
    if (isDeclaration) declarations.push({ name: asciiLower(css.slice(i, nameEnd)), value: text.trimEnd() });
    i = k + 1;
  }
  return declarations;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f; /* _ */
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isIdentChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 0x2d; /* - */
}

/** `,` `.` `:` `%` `-` `#`: one-character tokens whose text is themselves (`#` only when no name follows). */
function isSimpleDelim(c: number): boolean {
  return c === 0x2c || c === 0x2e || c === 0x3a || c === 0x25 || c === 0x2d;
}

/** CSS "would start an ident sequence", without escapes: a letter or `_`, or `-` then a letter, `_` or `-`. */
function startsIdent(css: string, i: number): boolean {
  const c = css.charCodeAt(i);
  if (isLetter(c)) return true;
  if (c !== 0x2d) return false;
  const next = css.charCodeAt(i + 1);
  return isLetter(next) || next === 0x2d;
}

function identEnd(css: string, i: number): number {
  let j = i;
  while (j < css.length && isIdentChar(css.charCodeAt(j))) j++;
  return j;
}

/** CSS "starts with a number", without `+`: a digit, or `.` or `-` then a digit, or `-.` then a digit. */
function startsNumber(css: string, i: number): boolean {
  const c = css.charCodeAt(i);
  if (isDigit(c)) return true;
  if (c === 0x2e) return isDigit(css.charCodeAt(i + 1));
  if (c !== 0x2d) return false;
  const next = css.charCodeAt(i + 1);
  return isDigit(next) || (next === 0x2e && isDigit(css.charCodeAt(i + 2)));
}

/** End of the number at `i` (which starts one); -1 when it has an exponent or more than 15 digits (read it whole). */
function numberEnd(css: string, i: number): number {
  let j = css.charCodeAt(i) === 0x2d ? i + 1 : i;
  let digits = 0;
  while (isDigit(css.charCodeAt(j))) {
    j++;
    digits++;
  }
  if (css.charCodeAt(j) === 0x2e && isDigit(css.charCodeAt(j + 1))) {
    j++;
    while (isDigit(css.charCodeAt(j))) {
      j++;
      digits++;
    }
  }
  const e = css.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    const next = css.charCodeAt(j + 1);
    if (isDigit(next) || ((next === 0x2d || next === 0x2b) && isDigit(css.charCodeAt(j + 2)))) return -1;
  }
  return digits > 15 ? -1 : j;
}

/** Just past the quote that closes the string at `open`; -1 when it holds `\`, a line break or NUL, or is left open. */
function stringEnd(css: string, open: number, quote: number): number {
  for (let j = open + 1; j < css.length; j++) {
    const c = css.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === 0x5c || c === 0x0a || c === 0x0d || c === 0x0c || c === 0) return -1;
  }
  return -1;
}

