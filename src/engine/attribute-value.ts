// Writes a new attribute value in the style of the one it replaces, so an edit changes as few bytes as it can.

import { decodeHTMLAttribute } from "entities/decode";
import { escapeAttribute } from "entities/escape";
import { QuoteType } from "htmlparser2";

const needsQuotes = /[\s"'=<>`]/;

/**
 * Encodes `value` for an attribute whose current raw text is `raw` (decoded: `decoded`). Keeps the author's
 * habits: values written without entities stay without, values that spell every `&` as `&amp;` keep doing so.
 */
export function encodeAttributeValue(value: string, raw: string, decoded: string, quote: QuoteType): string {
  let encoded: string;
  if (raw === decoded) encoded = value;
  else if (raw === decoded.replaceAll("&", "&amp;")) encoded = value.replaceAll("&", "&amp;");
  else encoded = escapeAttribute(value);
  // The splice must decode back to exactly `value`; when it would not (a new `&name;` formed), escape fully.
  if (decodeHTMLAttribute(encoded) !== value) encoded = escapeAttribute(value);
  if (quote === QuoteType.Double) return encoded.replaceAll('"', "&quot;");
  if (quote === QuoteType.Single) return encoded.replaceAll("'", "&#39;");
  return encoded;
}

/** Whether an unquoted attribute value must gain quotes to hold `encoded`. */
export function mustQuote(encoded: string): boolean {
  return encoded === "" || needsQuotes.test(encoded);
}
