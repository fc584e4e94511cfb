import { decodeHTMLAttribute } from "entities/decode";
/**
 * Query-parameter removal by splicing the original string.
 *
 * Never re-serialize with URL / URLSearchParams: they rewrite `%20` as `+` and `flag` as `flag=`. Here every
 * kept parameter, every kept separator and the fragment stay byte for byte; a removed parameter takes one
 * adjacent separator with it, so no `&&`, trailing `&` or empty `?` is left behind.
 */

export interface QueryParam {
  /** The name as written (not decoded). */
  readonly name: string;
  /** The raw value, or undefined for a valueless parameter (`?flag`). */
  readonly value: string | undefined;
}

export interface RemovedParam<T> extends QueryParam {
  readonly reason: T;
}

export interface RemoveParamsResult<T> {
  readonly url: string;
  readonly removed: readonly RemovedParam<T>[];
}

/** Decides whether to remove one parameter; returns the reason to remove it, or undefined to keep it. */
export type ParamDecider<T> = (param: QueryParam) => T | undefined;

/**
 * Decides on one parameter given as offsets into `text`, so that a kept parameter costs no string: its name is
 * `text.slice(start, eq)`, its raw value `text.slice(eq + 1, end)`, and it has no value when `eq === end`.
 * Returns the reason to remove it, or undefined to keep it.
 */
export type ParamSpanDecider<T> = (text: string, start: number, eq: number, end: number) => T | undefined;

/** Length of the separator at `index` (an "&" before `end`). */
function separatorLength(text: string, index: number, end: number, htmlAttribute: boolean): number {
  // In an HTML attribute "&amp;" is how a literal "&" is written, and so are its numeric forms (WordPress writes
  // `&#038;`) and "&amp" without ";" where the next character is not "=" or alphanumeric (browsers decode it there).
  const next = text.charCodeAt(index + 1);
  if (htmlAttribute && (next === 0x23 /* # */ || (next | 0x20) === 0x61) /* a */) {
    ampersandReference.lastIndex = index;
    const reference = ampersandReference.exec(text);
    if (reference !== null && index + reference[0].length <= end) return reference[0].length;
  }
  return 1;
}

// Named references are case-sensitive: "&amp;" and "&AMP;" spell "&", "&Amp;" is text. Numeric ones take any
// number of leading zeros.
const ampersandReference = /&(?:(?:amp|AMP)(?:;|(?![=a-zA-Z0-9]))|#0*38(?:;|(?![0-9]))|#[xX]0*26(?:;|(?![0-9a-fA-F])))/y;

/**
 * Index of the next "&" in `text` from `start` before `end` that separates parameters, or `end`. In attribute text
 * an "&" that starts a character reference other than "&amp;" (`&#59;`, `&lt;`) is part of the value it spells.
 */
function nextAmpersand(text: string, start: number, end: number, htmlAttribute: boolean): number {
  for (let index = text.indexOf("&", start); index >= 0 && index < end; index = text.indexOf("&", index + 1)) {
    if (!htmlAttribute || separatorLength(text, index, end, true) > 1 || isLiteralAmpersand(text, index, end)) return index;
  }
  return end;
}

/** Whether the "&" at `index` of attribute text stays an "&" (it starts no character reference the browser decodes). */
function isLiteralAmpersand(text: string, index: number, end: number): boolean {
  const next = text.charCodeAt(index + 1);
  // Every reference starts with "#" or a letter.
  if (next !== 0x23 && !((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a)) return true;
  // A name of letters and digits then "=" (`&id=5`) is never decoded in attribute text: the usual parameter.
  let after = index + 1;
  while (after < end && isAlphanumeric(text.charCodeAt(after))) after++;
  if (next !== 0x23 && text.charCodeAt(after) === 0x3d /* = */) return true;
  // The longest named reference is 32 characters long.
  return decodeHTMLAttribute(text.slice(index, Math.min(end, index + 40))).charCodeAt(0) === 0x26;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/** Index of the first "=" in `text` from `start` before `end`, or `end`. */
function equalsSign(text: string, start: number, end: number): number {
  const index = text.indexOf("=", start);
  return index < 0 || index >= end ? end : index;
}

/**
 * Removes the parameters `decide` picks from the query `text.slice(from, to)` (no leading "?"), pushing their
 * reasons to `removed`. Returns the new query, or undefined when nothing is removed. Parameters are walked by
 * offset: a kept one costs no string and no object.
 */
function removeFromQuery<T>(
  text: string,
  from: number,
  to: number,
  decide: ParamSpanDecider<T>,
  htmlAttribute: boolean,
  removed: T[],
): string | undefined {
  let removedStarts: number[] | undefined;
  for (let start = from; ; ) {
    const end = nextAmpersand(text, start, to, htmlAttribute);
    if (end > start) {
      const reason = decide(text, start, equalsSign(text, start, end), end);
      if (reason !== undefined) {
        removed.push(reason);
        (removedStarts ??= []).push(start);
      }
    }
    if (end === to) break;
    start = end + separatorLength(text, end, to, htmlAttribute);
  }
  if (removedStarts === undefined) return undefined;

  // Each kept parameter is written with the separator written before it (none before the first one kept).
  // Once something is removed, empty parameters (from "a&&b") go too: they would leave "&&" or a bare "?".
  let out = "";
  let next = 0;
  let separatorStart = from;
  for (let start = from; ; ) {
    const end = nextAmpersand(text, start, to, htmlAttribute);
    if (removedStarts[next] === start) next++;
    else if (end > start) {
      if (out !== "") out += text.slice(separatorStart, start);
      out += text.slice(start, end);
    }
    if (end === to) return out;
    separatorStart = end;
    start = end + separatorLength(text, end, to, htmlAttribute);
  }
}

/**
 * Index of the fragment's "#", or -1. In attribute text a "#" may be written as a reference (`&#35;`, `&num;`), and
 * the "#" of another numeric reference (`&#38;`) is not one.
 */
function fragmentStart(url: string, htmlAttribute: boolean): number {
  if (!htmlAttribute) return url.indexOf("#");
  for (const marker of url.matchAll(fragmentMarkers)) {
    if (marker[0] === "#" || marker[0] === "&num;" || Number.parseInt(marker[1] ?? marker[2] ?? "", marker[1] ? 16 : 10) === 0x23) return marker.index;
  }
  return -1;
}

/** A "#", or a numeric reference (whatever it spells), or `&num;`: read left to right so a reference's "#" is skipped. */
const fragmentMarkers = /&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?|&num;|#/g;

/** Where the fragment's text starts after its "#" at `hash` (written as "#" or as a reference). */
function fragmentTextStart(url: string, hash: number): number {
  if (url.charCodeAt(hash) === 0x23 /* # */) return hash + 1;
  fragmentMarkers.lastIndex = hash;
  const marker = fragmentMarkers.exec(url);
  fragmentMarkers.lastIndex = 0;
  return hash + (marker?.[0].length ?? 1);
}

/**
 * Removes parameters from the query and from a query-like fragment (`#a=1&b=2`, `#/route?a=1`), deciding on
 * each by offsets (see {@link ParamSpanDecider}), and pushes the reasons of the removed ones to `removed` in
 * the order written. Returns the same string when nothing is removed. `question` is the query's "?" when it is not
 * the first (a template's tag may hold one of its own).
 */
export function removeParamSpans<T>(url: string, decide: ParamSpanDecider<T>, htmlAttribute: boolean, removed: T[], question = url.indexOf("?")): string {
  const hash = fragmentStart(url, htmlAttribute);
  const mainEnd = hash < 0 ? url.length : hash;
  const before = removed.length;

  let newMain: string | undefined;
  if (question >= 0 && question < mainEnd) {
    const query = removeFromQuery(url, question + 1, mainEnd, decide, htmlAttribute, removed);
    if (query !== undefined) newMain = query === "" ? url.slice(0, question) : `${url.slice(0, question + 1)}${query}`;
  }

  let newFragment: string | undefined;
  let dropFragment = false;
  const fragment = hash < 0 ? -1 : fragmentTextStart(url, hash);
  if (hash >= 0) {
    const fragmentQuestion = url.indexOf("?", fragment);
    if (fragmentQuestion >= 0) {
      // A client-side route with its own query: "#/route?utm_source=x".
      const query = removeFromQuery(url, fragmentQuestion + 1, url.length, decide, htmlAttribute, removed);
      if (query !== undefined) {
        const head = url.slice(fragment, fragmentQuestion);
        newFragment = query === "" ? head : `${head}?${query}`;
      }
    } else if (url.includes("=", fragment)) {
      // Parameters written as the whole fragment: "#utm_source=x&utm_medium=y".
      const query = removeFromQuery(url, fragment, url.length, decide, htmlAttribute, removed);
      if (query === "") dropFragment = true;
      else if (query !== undefined) newFragment = query;
    }
  }

  if (removed.length === before) return url;
  const main = newMain ?? url.slice(0, mainEnd);
  if (hash < 0 || dropFragment) return main;
  return `${main}${url.slice(hash, fragment)}${newFragment ?? url.slice(fragment)}`;
}

/** Removes the parameters `decide` picks from the query and from a query-like fragment; see {@link removeParamSpans}. */
export function removeParams<T>(url: string, decide: ParamDecider<T>, htmlAttribute = false): RemoveParamsResult<T> {
  const removed: RemovedParam<T>[] = [];
  const decideSpan = (text: string, start: number, eq: number, end: number): RemovedParam<T> | undefined => {
    const param = { name: text.slice(start, eq), value: eq === end ? undefined : text.slice(eq + 1, end) };
    const reason = decide(param);
    return reason === undefined ? undefined : { ...param, reason };
  };
  return { url: removeParamSpans(url, decideSpan, htmlAttribute, removed), removed };
}
