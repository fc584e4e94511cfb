// A declaration value read as one CSS keyword, escapes decoded as CSS decodes them (`n\one` is `none`).
import { type TokenIdent, TokenType } from "@csstools/css-tokenizer";
import { asciiLower, isBlank, tokenizeCss } from "./tokens.js";

const important = /\s*!\s*important\s*$/i;
const mayBeImportant = /important|\\/i;

/** Whether a style may hold an `!important` declaration (an escape may spell one): else its declarations are normal. */
export function mayHoldImportant(style: string | undefined): boolean {
  return style !== undefined && mayBeImportant.test(style);
}

/**
 * The value as one lower-cased keyword, or undefined when it is not one ident (`!important` aside).
 * @example
 * cssKeyword("n\\one") //=> "none"
 * cssKeyword(" Hidden !important") //=> "hidden"
 * cssKeyword("none none") //=> undefined
 */
export function cssKeyword(value: string): string | undefined {
  const text = value.replace(important, "");
  // Plain text (the usual case) needs no tokenizer: without an escape, what is written is what CSS reads.
  if (!text.includes("\\") && !text.includes("/*")) {
    const plain = text.trim();
    return /^-?[a-z_][a-z0-9_-]*$/i.test(plain) ? asciiLower(plain) : undefined;
  }
  const tokens = tokenizeCss(text).filter((token) => !isBlank(token));
  const only = tokens[0];
  if (tokens.length !== 1 || only === undefined || only[0] !== TokenType.Ident) return undefined;
  return asciiLower((only as TokenIdent)[4].value);
}
