// The candidates of a srcset attribute value, with exact source spans, and removing some of them.
import type { Span } from "../css/css-urls.js";
import { isHtmlSpace as isSpace } from "./whitespace.js";

/** One image candidate of a `srcset` value. */
export interface SrcsetCandidate {
  /** The URL as written (commas inside it kept, trailing commas dropped). */
  readonly url: string;
  /** The descriptor text as written, trimmed (`"2x"`, `"100w"`, `""`). */
  readonly descriptor: string;
  /** The candidate including its descriptor, without the separating comma or surrounding whitespace. */
  readonly span: Span;
}

const enum Char {
  OpenParen = 0x28,
  CloseParen = 0x29,
  Comma = 0x2c,
}

/**
 * Splits a `srcset` value (already HTML-entity-decoded) the way the WHATWG "parse a srcset attribute" algorithm
 * tokenizes it: a URL runs to whitespace and may contain commas, except trailing ones, which separate; a comma
 * inside parentheses in the descriptors does not separate. Candidates with invalid descriptors are kept, since
 * a lenient browser may still fetch them.
 * @param value - The attribute value.
 * @returns The candidates in source order.
 * @example
 * parseSrcset("a.png 1x, b,c.png 2x")
 * //=> [{ url: "a.png", descriptor: "1x", span: { start: 0, end: 8 } },
 * //    { url: "b,c.png", descriptor: "2x", span: { start: 10, end: 20 } }]
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  for (;;) {
    while (i < value.length && (isSpace(value.charCodeAt(i)) || value.charCodeAt(i) === Char.Comma)) i++;
    if (i >= value.length) return candidates;
    const start = i;
    while (i < value.length && !isSpace(value.charCodeAt(i))) i++;
    let urlEnd = i;
    while (value.charCodeAt(urlEnd - 1) === Char.Comma) urlEnd--;
    if (urlEnd < i) {
      // Trailing commas end the candidate: it has no descriptors.
      candidates.push({ url: value.slice(start, urlEnd), descriptor: "", span: { start, end: urlEnd } });
      continue;
    }
    const descriptorEnd = skipDescriptors(value, i);
    i = descriptorEnd;
    let end = descriptorEnd;
    if (value.charCodeAt(end - 1) === Char.Comma) end--;
    while (end > urlEnd && isSpace(value.charCodeAt(end - 1))) end--;
    const descriptor = value.slice(urlEnd, end).trim();
    candidates.push({ url: value.slice(start, urlEnd), descriptor, span: { start, end } });
  }
}

/**
 * The WHATWG descriptor tokenizer reduced to where it stops: just after the first comma outside parentheses,
 * or at the end of the value.
 */
function skipDescriptors(value: string, from: number): number {
  let depth = 0;
  for (let i = from; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === Char.OpenParen) depth = 1; // the spec's "in parens" state does not nest
    else if (c === Char.CloseParen) depth = 0;
    else if (c === Char.Comma && depth === 0) return i + 1;
  }
  return value.length;
}

/**
 * Removes candidates from a `srcset` value, each with one adjacent separator (the comma and whitespace between
 * it and its neighbour: the following one, or the preceding one for the last candidate). Every other code unit
 * is kept; removing all candidates yields `""`.
 * @param value - The attribute value.
 * @param remove - Indexes into `parseSrcset(value)`; out-of-range and repeated indexes are ignored.
 * @returns The new attribute value.
 * @example
 * removeSrcsetCandidates("a.png 1x, t.gif 2x, c.png 3x", [1]) //=> "a.png 1x, c.png 3x"
 */
export function removeSrcsetCandidates(value: string, remove: readonly number[]): string {
  const candidates = parseSrcset(value);
  const removed = new Set(remove.filter((index) => index >= 0 && index < candidates.length));
  if (removed.size === 0) return value;
  if (removed.size === candidates.length) return "";
  let result = "";
  let kept = 0; // value before `kept` is already either copied or deleted
  for (let first = 0; first < candidates.length; first++) {
    if (!removed.has(first)) continue;
    let last = first;
    while (removed.has(last + 1)) last++;
    // A run of removed candidates takes the separator after it, or before it when it ends the list.
    const next = candidates[last + 1];
    const previous = candidates[first - 1];
    const start = next === undefined && previous !== undefined ? previous.span.end : (candidates[first] as SrcsetCandidate).span.start;
    const end = next === undefined ? (candidates[last] as SrcsetCandidate).span.end : next.span.start;
    result += value.slice(kept, start);
    kept = end;
    first = last;
  }
  return result + value.slice(kept);
}
