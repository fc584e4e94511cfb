// The declarations of a style="" value, read the way a browser reads them, for detectors that judge the values.
import {
  type TokenDimension,
  type TokenFunction,
  type TokenHash,
  type TokenIdent,
  type TokenNumber,
  type TokenPercentage,
  TokenType,
} from "@csstools/css-tokenizer";
import type { Span } from "./css-urls.js";
import { walkDeclarationList } from "./structure.js";
import { type Token, asciiLower, isBlank, tokenizeCss } from "./tokens.js";

/** One declaration of a declaration list. */
export interface Declaration {
  /** Property name, escape-decoded and ASCII-lower-cased. */
  readonly name: string;
  /**
   * The value for reading, not source text: escapes decoded (`n\one` → `none`), numbers in canonical form
   * (`+1.0px` → `1px`), comments and whitespace runs as one space, trimmed, without `!important`.
   * Use `span` for the source.
   */
  readonly value: string;
  readonly important: boolean;
  /** Name start to the trailing `;` inclusive (or to the last value token when there is no `;`). */
  readonly span: Span;
}

/**
 * Parses a `style=""` value (already HTML-entity-decoded) into its top-level declarations. Tolerant: garbage is
 * skipped as browsers skip it, declarations inside nested rules are not returned, and it never throws.
 * @param css - The attribute value.
 * @returns Declarations in source order; a property may repeat (the last one wins in a browser).
 * @example
 * parseDeclarations("width:1px ; display: none !important")
 * //=> [{ name: "width", value: "1px", important: false, span: { start: 0, end: 11 } },
 * //    { name: "display", value: "none", important: true, span: { start: 12, end: 36 } }]
 */
export function parseDeclarations(css: string): Declaration[] {
  const tokens = tokenizeCss(css);
  const declarations: Declaration[] = [];
  walkDeclarationList(tokens, {
    declaration({ name, span, valueStart, valueEnd }, _atRules, depth) {
      if (depth > 0) return;
      const bang = importantBang(tokens, valueStart, valueEnd);
      const important = bang >= 0;
      const text = valueText(tokens, valueStart, important ? bang : valueEnd);
      declarations.push({ name, value: text, important, span });
    },
    prelude() {},
  });
  return declarations;
}

/**
 * Index of the `!` when the last two non-blank value tokens of `[from, to)` are `!` and `important` (CSS Syntax 3
 * §5.5.4 step 5), else -1.
 */
function importantBang(tokens: readonly Token[], from: number, to: number): number {
  let word = to - 1;
  while (word >= from && isBlank(tokens[word] as Token)) word--;
  let bang = word - 1;
  while (bang >= from && isBlank(tokens[bang] as Token)) bang--;
  if (bang < from) return -1;
  const bangToken = tokens[bang] as Token;
  const wordToken = tokens[word] as Token;
  const isImportant =
    bangToken[0] === TokenType.Delim &&
    bangToken[1] === "!" &&
    wordToken[0] === TokenType.Ident &&
    asciiLower((wordToken as TokenIdent)[4].value) === "important";
  return isImportant ? bang : -1;
}

/** Serializes value tokens `[from, to)` for reading: decoded names and canonical numbers, blanks collapsed to one space. */
function valueText(tokens: readonly Token[], from: number, to: number): string {
  let text = "";
  let blank = false;
  for (let i = from; i < to; i++) {
    const token = tokens[i] as Token;
    if (isBlank(token)) {
      if (text !== "" && !blank) text += " ";
      blank = true;
      continue;
    }
    text += tokenText(token);
    blank = false;
  }
  // Only the space a blank left: white space an escape spells is part of a name (`none\9` is no `none`).
  return blank && text.endsWith(" ") ? text.slice(0, -1) : text;
}

function tokenText(token: Token): string {
  switch (token[0]) {
    case TokenType.Ident:
      return (token as TokenIdent)[4].value;
    case TokenType.Function:
      return `${(token as TokenFunction)[4].value}(`;
    case TokenType.Hash:
      return `#${(token as TokenHash)[4].value}`;
    case TokenType.Number:
      return String((token as TokenNumber)[4].value);
    case TokenType.Percentage:
      return `${(token as TokenPercentage)[4].value}%`;
    case TokenType.Dimension:
      return `${(token as TokenDimension)[4].value}${(token as TokenDimension)[4].unit}`;
    default:
      return token[1];
  }
}
