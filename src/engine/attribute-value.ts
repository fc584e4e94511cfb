// Writes a new attribute value in the style of the one it replaces, so an edit changes as few bytes as it can.

import { decodeHTMLAttribute } from "entities/decode";
import { escapeAttribute } from "entities/escape";
import { QuoteType } from "htmlparser2";

const needsQuotes = /[\s"'=<>`]/;

/**
 * Encodes `value` for an attribute whose current raw text is `raw` (decoded: `decoded`). Keeps the author's
 * habits: values written without entities stay without, values that spell every `&` as `&amp;` keep doing so,
 * and a value written with other references (`&eacute;`, `&#38;`) keeps them: only the changed span is rewritten.
 */
export function encodeAttributeValue(value: string, raw: string, decoded: string, quote: QuoteType): string {
  let encoded: string;
  if (raw === decoded) encoded = value;
  else if (raw === decoded.replaceAll("&", "&amp;")) encoded = value.replaceAll("&", "&amp;");
  else encoded = spliceRaw(value, raw, decoded) ?? escapeAttribute(value);
  if (quote === QuoteType.Double) encoded = encoded.replaceAll('"', "&quot;");
  else if (quote === QuoteType.Single) encoded = encoded.replaceAll("'", "&#39;");
  // The splice must decode back to exactly `value`; when it would not (a new `&name;` formed), escape fully.
  if (decodeHTMLAttribute(encoded) !== value) {
    encoded = escapeAttribute(value);
    if (quote === QuoteType.Single) encoded = encoded.replaceAll("'", "&#39;");
  }
  return encoded;
}

/** Whether an unquoted attribute value must gain quotes to hold `encoded`. */
export function mustQuote(encoded: string): boolean {
  return encoded === "" || needsQuotes.test(encoded);
}

/** One piece of raw attribute text: a character, or a character reference, and the decoded text it stands for. */
interface Unit {
  readonly rawEnd: number;
  readonly decodedEnd: number;
}

// A reference as the decoder may read it: `&` and the longest run it could take (a name or digits, and `;`).
const reference = /&(?:#[xX][0-9a-fA-F]*;?|#[0-9]*;?|[A-Za-z0-9]+;?)/y;

/**
 * The raw text cut into units, each ending where raw and decoded text both end: a plain character, or one
 * reference (read with the character after it, which decides whether a reference without `;` is read).
 * Undefined when the units do not decode to `decoded` (a reading we do not model): the caller escapes instead.
 */
function units(raw: string, decoded: string): Unit[] | undefined {
  const list: Unit[] = [];
  let rawAt = 0;
  let decodedAt = 0;
  while (rawAt < raw.length) {
    let rawEnd = rawAt + 1;
    let piece = raw[rawAt]!;
    if (piece === "&") {
      reference.lastIndex = rawAt;
      const match = reference.exec(raw);
      if (match !== null) {
        rawEnd = rawAt + match[0].length;
        const next = raw[rawEnd] ?? "";
        const withNext = decodeHTMLAttribute(match[0] + next);
        if (!withNext.endsWith(next)) return undefined;
        piece = withNext.slice(0, withNext.length - next.length);
      }
    }
    if (!decoded.startsWith(piece, decodedAt)) return undefined;
    rawAt = rawEnd;
    decodedAt += piece.length;
    list.push({ rawEnd, decodedEnd: decodedAt });
  }
  return decodedAt === decoded.length ? list : undefined;
}

/**
 * `value` written as `raw` with only the changed span replaced: the decoded common prefix and suffix keep their
 * raw text (cut at unit ends), and the middle is escaped. Undefined when the raw text cannot be cut into units.
 */
function spliceRaw(value: string, raw: string, decoded: string): string | undefined {
  const list = units(raw, decoded);
  if (list === undefined) return undefined;
  const most = Math.min(value.length, decoded.length);
  let prefix = 0;
  while (prefix < most && value.charCodeAt(prefix) === decoded.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && value.charCodeAt(value.length - 1 - suffix) === decoded.charCodeAt(decoded.length - 1 - suffix)) suffix++;
  // The kept head: the units wholly inside the prefix; the kept tail: the units wholly inside the suffix.
  let headRaw = 0;
  let headDecoded = 0;
  let tailRaw = raw.length;
  let tailDecoded = decoded.length;
  let previous = { rawEnd: 0, decodedEnd: 0 };
  for (const unit of list) {
    if (unit.decodedEnd <= prefix) ({ rawEnd: headRaw, decodedEnd: headDecoded } = unit);
    if (previous.decodedEnd >= decoded.length - suffix && tailRaw === raw.length) {
      tailRaw = previous.rawEnd;
      tailDecoded = previous.decodedEnd;
    }
    previous = unit;
  }
  const middle = value.slice(headDecoded, value.length - (decoded.length - tailDecoded));
  return raw.slice(0, headRaw) + escapeAttribute(middle) + raw.slice(tailRaw);
}
