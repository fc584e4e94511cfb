// CSS tokens with positions in the caller's original text, and component-value navigation over them.
import { type CSSToken, TokenType, tokenize } from "@csstools/css-tokenizer";

/** A CSS token whose `[2]` / `[3]` positions (inclusive, as in `@csstools/css-tokenizer`) index the original text. */
export type Token = CSSToken;

/**
 * Tokenizes CSS after CSS input preprocessing (CSS Syntax 3 §3.3), which the tokenizer does not do itself.
 * Without it a raw NUL yields a bad-url token where a browser fetches `g%EF%BF%BD.gif` (ADVERSARIAL.md §3).
 * @param css - Original text (a `style` value or `<style>` content).
 * @param from - Start of the piece of `css` to tokenize (the whole text by default).
 * @param to - Its end.
 * @returns Tokens without the EOF token, positioned in `css`.
 */
export function tokenizeCss(css: string, from = 0, to = css.length): readonly Token[] {
  const piece = from === 0 && to === css.length ? css : css.slice(from, to);
  const { text, crlfs } = preprocess(piece);
  const tokens = tokenize({ css: text });
  tokens.pop(); // EOF, whose positions are -1
  if (crlfs.length > 0) shiftPositions(tokens, crlfs);
  if (from > 0) {
    for (const token of tokens) {
      token[2] += from;
      token[3] += from;
    }
  }
  return tokens;
}

/**
 * The text as CSS reads its names: escapes decoded in idents, functions, at-keywords and hashes (`@media \70 rint`
 * is `@media print`, `a:\68over` is `a:hover`), every other token as written. For matching preludes by name.
 * @example
 * decodedNames("@media \\70 rint") //=> "@media print"
 */
export function decodedNames(text: string): string {
  if (!text.includes("\\")) return text;
  let read = "";
  for (const token of tokenizeCss(text)) {
    switch (token[0]) {
      case TokenType.Ident:
        read += token[4].value;
        break;
      case TokenType.Function:
        read += `${token[4].value}(`;
        break;
      case TokenType.AtKeyword:
        read += `@${token[4].value}`;
        break;
      case TokenType.Hash:
        read += `#${token[4].value}`;
        break;
      default:
        read += token[1];
    }
  }
  return read;
}

/** Exclusive end of a token in the original text. */
export function endOf(token: Token): number {
  return token[3] + 1;
}

/**
 * The non-ASCII characters browsers read as part of a name and the tokenizer does not. Blink, WebKit and Gecko take
 * every non-ASCII code point as a name code point; @csstools/css-tokenizer follows a later draft's narrower list.
 * `\u00a0url(/*)'*\/);background:url(T)` is then a function, a comment and a fetch of T to a browser, and to the
 * tokenizer a URL token, then a string that hides T (adversarial review, issue 11).
 */
const namedByBrowsersOnly =
  /[\u0080-\u00b6\u00b8-\u00bf\u00d7\u00f7\u037e\u2000-\u200b\u200e-\u203e\u2041-\u206f\u2190-\u2bff\u2ff0-\u3000\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff]/g;

/**
 * CSS input preprocessing, and the tokenizer brought to what browsers read. Replaces NUL by U+FFFD and CR / FF by
 * LF one for one, so positions stay put; only CRLF must shrink to one LF (an escaped CRLF inside a string is one line
 * continuation, not a continuation plus a string-ending newline). `crlfs` holds, in order, the preprocessed index of
 * each LF that stands for a CRLF. Each of `namedByBrowsersOnly` becomes U+FFFD too, a name code point to both, so
 * names, strings and URLs end where a browser ends them (only such a character in a value then reads U+FFFD).
 */
function preprocess(css: string): { text: string; crlfs: number[] } {
  const crlfs: number[] = [];
  css = css.replace(namedByBrowsersOnly, "\uFFFD");
  if (!/[\0\r\f]/.test(css)) return { text: css, crlfs };
  let text = "";
  let from = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css.charCodeAt(i);
    if (c !== 0 && c !== 0x0d && c !== 0x0c) continue;
    text += css.slice(from, i) + (c === 0 ? "\uFFFD" : "\n");
    if (c === 0x0d && css.charCodeAt(i + 1) === 0x0a) {
      crlfs.push(text.length - 1);
      i++;
    }
    from = i + 1;
  }
  return { text: text + css.slice(from), crlfs };
}

/**
 * Maps preprocessed positions back to the original text: each collapsed CRLF before a position shifts it by one.
 * Token positions only grow, so one cursor per edge keeps this linear.
 */
function shiftPositions(tokens: Token[], crlfs: readonly number[]): void {
  let startShift = 0;
  let endShift = 0;
  for (const token of tokens) {
    while (startShift < crlfs.length && (crlfs[startShift] as number) < token[2]) startShift++;
    while (endShift < crlfs.length && (crlfs[endShift] as number) <= token[3]) endShift++;
    token[2] += startShift;
    token[3] += endShift;
  }
}

/**
 * Index just after the component value starting at `i`: a lone token, or a `(`/`[`/`{`/function block up to its
 * matching closer. Other closers inside a block are ordinary tokens (CSS Syntax 3 "consume a simple block"),
 * so `image-set("a" } url(T))` stays one value. Unclosed blocks run to `end`. Iterative: nesting depth is
 * attacker-controlled.
 */
export function skipComponent(tokens: readonly Token[], i: number, end: number): number {
  // Most components are one token: answer those without the bookkeeping of a block.
  if (closerOf((tokens[i] as Token)[0]) === undefined) return i + 1;
  return scanComponent(tokens, i, end).next;
}

/** Like `skipComponent`, and tells whether the block (if any) found its closer before `end`. */
export function scanComponent(tokens: readonly Token[], i: number, end: number): { next: number; closed: boolean } {
  const closers: TokenType[] = [];
  let j = i;
  do {
    const type = (tokens[j] as Token)[0];
    const closer = closerOf(type);
    if (closer !== undefined) closers.push(closer);
    else if (type === closers[closers.length - 1]) closers.pop();
    j++;
  } while (closers.length > 0 && j < end);
  return { next: j, closed: closers.length === 0 };
}

/** The token type that closes a block opened by `type`, or undefined when `type` opens nothing. */
export function closerOf(type: TokenType): TokenType | undefined {
  switch (type) {
    case TokenType.Function:
    case TokenType.OpenParen:
      return TokenType.CloseParen;
    case TokenType.OpenSquare:
      return TokenType.CloseSquare;
    case TokenType.OpenCurly:
      return TokenType.CloseCurly;
    default:
      return undefined;
  }
}

/** True for tokens the CSS grammar ignores between component values. */
export function isBlank(token: Token): boolean {
  return token[0] === TokenType.Whitespace || token[0] === TokenType.Comment;
}

/** ASCII lower-casing: CSS keywords and names match ASCII case-insensitively, not by Unicode case folding. */
export function asciiLower(name: string): string {
  // Names are nearly always lower case already: look before building a new string.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return name.replace(/[A-Z]/g, (upper) => String.fromCharCode(upper.charCodeAt(0) + 32));
  }
  return name;
}
