// Where the top-level rules of a style sheet end, found without tokenizing, so a scan can tokenize only the rules
// that may hold a URL (most rules of a mail's sheet hold none).

import { TokenType } from "@csstools/css-tokenizer";
import { isCssNewline, isCssWhitespace, isHexDigit, isNameCodePoint } from "./code-points.js";
import { closerOf, tokenizeCss } from "./tokens.js";

/**
 * The characters `scanBlocks` acts on. A global regex finds the next one (`test` moves `lastIndex`, allocating
 * nothing) about twice as fast as a loop over every character; most of a sheet is names and values. `;` only for
 * a visitor that asks for them (every declaration ends with one).
 */
const structural = /[/\\"'()[\]{}uU]/g;
const structuralWithSemicolons = /[/\\"'()[\]{};uU]/g;

/**
 * Offsets just past each `}` that closes a top-level block, in order: every one is where a top-level rule or
 * at-rule ends (CSS Syntax 3: a rule ends with its first block), so the text after it reads as a sheet of its own.
 * Undefined, for the caller to read the sheet whole, where `scanBlocks` could read a token differently.
 * test/css/statements.test.ts checks that scanning the pieces finds what scanning the whole finds.
 * @param css - A style sheet's text.
 * @example
 * topLevelEnds("a{b:c} @media x{d{e:f}} g") //=> [6, 23]
 */
export function topLevelEnds(css: string): number[] | undefined {
  const ends: number[] = [];
  let depth = 0;
  const read = scanBlocks(css, {
    open: () => void depth++,
    close: (at) => {
      if (--depth === 0) ends.push(at + 1);
    },
  });
  return read ? ends : undefined;
}

/** The rule structure of a sheet: the `{` and `}` of its blocks and its `;`, outside every `()` and `[]`. */
export interface BlockVisitor {
  open(at: number): void;
  /** The `}` that closes the innermost open block. */
  close(at: number): void;
  semicolon?(at: number): void;
}

/**
 * Calls `visitor` for the braces and semicolons that give a sheet its rules and declarations, in one pass that
 * follows what the tokenizer makes of comments, strings, `url(` tokens and nested `()`, `[]`, `{}` blocks (a closer
 * that is not the innermost one's is an ordinary token, as in "consume a simple block"; a `{` inside `()` opens
 * no rule). Returns false, having called `visitor` for a prefix only, where this pass could read a token
 * differently: an escape in a name right before `(` (`\75 rl(` is a URL token), and a `url(` right after a `-`
 * (`<!--url(` is a URL token, `a-url(` a function). Any other escape is part of a name, a string or a URL, never
 * structure.
 */
export function scanBlocks(css: string, visitor: BlockVisitor): boolean {
  const closers: number[] = []; // char codes of the closers of the open blocks, innermost last
  let inBrackets = 0; // how many of them are `)` or `]`
  const length = css.length;
  const stops = visitor.semicolon ? structuralWithSemicolons : structural;
  stops.lastIndex = 0;
  while (stops.test(css)) {
    let i = stops.lastIndex - 1;
    const c = css.charCodeAt(i);
    switch (c) {
      case 0x2f /* / */:
        if (css.charCodeAt(i + 1) === 0x2a /* * */) {
          const end = css.indexOf("*/", i + 2);
          i = end < 0 ? length : end + 1;
        }
        break;
      case 0x5c /* \ */: {
        // A name holding an escape: a function, or a URL token, when a `(` follows.
        const end = nameEnd(css, i);
        if (css.charCodeAt(end) === 0x28 /* ( */) return false;
        i = end - 1;
        break;
      }
      case 0x22 /* " */:
      case 0x27 /* ' */:
        i = stringEnd(css, i, c);
        break;
      case 0x28 /* ( */:
      case 0x5b /* [ */:
        closers.push(c === 0x28 ? 0x29 : 0x5d);
        inBrackets++;
        break;
      case 0x7b /* { */:
        closers.push(0x7d);
        if (inBrackets === 0) visitor.open(i);
        break;
      case 0x29 /* ) */:
      case 0x5d /* ] */:
      case 0x7d /* } */:
        if (closers[closers.length - 1] === c) {
          closers.pop();
          if (c !== 0x7d) inBrackets--;
          else if (inBrackets === 0) visitor.close(i);
        }
        break;
      case 0x3b /* ; */:
        if (inBrackets === 0) visitor.semicolon?.(i);
        break;
      case 0x75 /* u */:
      case 0x55 /* U */: {
        if (!isUrlOpening(css, i)) break;
        const previous = i === 0 ? -1 : css.charCodeAt(i - 1);
        if (previous === 0x2d /* - */) return false;
        if (continuesToken(previous)) break; // `aurl(`, `#url(`, `1url(`: a function, hash or dimension, then `(`
        let j = i + 4;
        while (j < length && isCssWhitespace(css.charCodeAt(j))) j++;
        const next = css.charCodeAt(j);
        if (next === 0x22 || next === 0x27) {
          // `url("x")` is a function whose argument is a string.
          closers.push(0x29);
          inBrackets++;
          i = i + 3;
        } else {
          // A URL token (or a bad one): it runs to the first `)` that is not escaped, whatever it holds.
          i = urlTokenEnd(css, j);
        }
        break;
      }
      default:
    }
    stops.lastIndex = i + 1;
  }
  return true;
}

/** `scanBlocks` read from the tokens: slower, and right where that pass declines. */
export function scanBlocksByTokens(css: string, visitor: BlockVisitor): void {
  const closers: TokenType[] = [];
  let inBrackets = 0;
  for (const token of tokenizeCss(css)) {
    const type = token[0];
    const closer = closerOf(type);
    if (closer !== undefined) {
      closers.push(closer);
      if (closer !== TokenType.CloseCurly) inBrackets++;
      else if (inBrackets === 0) visitor.open(token[2]);
    } else if (type === closers[closers.length - 1]) {
      closers.pop();
      if (type !== TokenType.CloseCurly) inBrackets--;
      else if (inBrackets === 0) visitor.close(token[2]);
    } else if (type === TokenType.Semicolon && inBrackets === 0) {
      visitor.semicolon?.(token[2]);
    }
  }
}

/** Index of the quote that ends the string opened at `open`, or of the newline before which it breaks, or the end. */
function stringEnd(css: string, open: number, quote: number): number {
  for (let j = open + 1; j < css.length; j++) {
    const c = css.charCodeAt(j);
    if (c === quote) return j;
    if (c === 0x5c /* \ */) {
      // A newline continuing the string (CR LF is one newline), or an escape (a hex one takes a newline after it).
      const next = css.charCodeAt(j + 1);
      if (isCssNewline(next)) j += next === 0x0d && css.charCodeAt(j + 2) === 0x0a ? 2 : 1;
      else if (j + 1 < css.length) j = escapeEnd(css, j + 1) - 1;
      continue;
    }
    // A newline ends a bad string and is a token of its own: step back so the caller reads it.
    if (isCssNewline(c)) return j - 1;
  }
  return css.length;
}

/** Index of the `)` that ends a URL token whose content starts at `from` (an escaped one does not), or the end. */
export function urlTokenEnd(css: string, from: number): number {
  for (let j = from; j < css.length; j++) {
    const c = css.charCodeAt(j);
    if (c === 0x29 /* ) */) return j;
    if (c === 0x5c /* \ */ && !isCssNewline(css.charCodeAt(j + 1))) j++;
  }
  return css.length;
}

/**
 * Index just past the name (ident code points and escapes) that holds the `\` at `at`; `at + 1` when that `\`
 * starts no escape (a newline or the end follows: a lone delimiter). CSS Syntax 3, "consume an ident sequence".
 */
function nameEnd(css: string, at: number): number {
  let j = at;
  while (j < css.length) {
    const c = css.charCodeAt(j);
    if (c === 0x5c /* \ */) {
      if (j + 1 >= css.length || isCssNewline(css.charCodeAt(j + 1))) return j === at ? at + 1 : j;
      j = escapeEnd(css, j + 1);
    } else if (isNameCodePoint(c)) {
      j++;
    } else {
      return j;
    }
  }
  return j;
}

/** Index just past an escape whose first character (after the `\`) is at `from`: up to six hex digits and one space, or one character. */
function escapeEnd(css: string, from: number): number {
  let j = from;
  while (j < from + 6 && isHexDigit(css.charCodeAt(j))) j++;
  if (j === from) return from + 1;
  if (css.charCodeAt(j) === 0x0d && css.charCodeAt(j + 1) === 0x0a) return j + 2;
  return isCssWhitespace(css.charCodeAt(j)) ? j + 1 : j;
}

/** `url(` in any ASCII case at `i`. */
function isUrlOpening(css: string, i: number): boolean {
  return (
    (css.charCodeAt(i + 1) | 0x20) === 0x72 /* r */ &&
    (css.charCodeAt(i + 2) | 0x20) === 0x6c /* l */ &&
    css.charCodeAt(i + 3) === 0x28 /* ( */
  );
}

/**
 * Whether a character before `url(` is part of the token `url` then continues (an ident, a number, a hash or an
 * at-keyword): letters, digits, `_`, non-ASCII, NUL (read as U+FFFD), `#` and `@`.
 */
function continuesToken(c: number): boolean {
  if (c < 0) return false;
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x5f || c >= 0x80 || c === 0 || c === 0x23 || c === 0x40
  );
}
