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

interface Span {
  readonly start: number;
  readonly end: number;
}

/** True when `text` holds `word` (lower-case ASCII letters, digits, `#;`) at `index`, in any case. */
function hasWordAt(text: string, index: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = text.charCodeAt(index + i);
    const expected = word.charCodeAt(i);
    // Letters compare with their case bit set; the other characters of the words here equal themselves.
    if (code !== expected && (expected < 0x61 || expected > 0x7a || (code | 0x20) !== expected)) return false;
  }
  return true;
}

/** Length of the separator starting at `index`, or 0 when there is none. */
function separatorLength(text: string, index: number, htmlAttribute: boolean): number {
  if (text.charCodeAt(index) !== 0x26 /* & */) return 0;
  // In an HTML attribute "&amp;" (and its numeric forms) is how a literal "&" is written.
  if (htmlAttribute) {
    if (hasWordAt(text, index + 1, "amp;")) return 5;
    if (hasWordAt(text, index + 1, "#38;")) return 5;
    if (hasWordAt(text, index + 1, "#x26;")) return 6;
  }
  return 1;
}

/** Splits a query string into parameter spans and the separator spans between them. */
function splitQuery(text: string, htmlAttribute: boolean): { params: Span[]; separators: Span[] } {
  const params: Span[] = [];
  const separators: Span[] = [];
  let start = 0;
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i)) {
    const length = separatorLength(text, i, htmlAttribute);
    params.push({ start, end: i });
    separators.push({ start: i, end: i + length });
    i += length;
    start = i;
  }
  params.push({ start, end: text.length });
  return { params, separators };
}

function toParam(text: string): QueryParam {
  const eq = text.indexOf("=");
  return eq < 0 ? { name: text, value: undefined } : { name: text.slice(0, eq), value: text.slice(eq + 1) };
}

/**
 * Removes the parameters the decider picks from one query string (no leading `?`).
 * Returns the same string when nothing is removed.
 */
function removeFromQuery<T>(
  query: string,
  decide: ParamDecider<T>,
  htmlAttribute: boolean,
): { query: string; removed: RemovedParam<T>[] } {
  const { params, separators } = splitQuery(query, htmlAttribute);
  const removed: RemovedParam<T>[] = [];
  const keep: boolean[] = params.map((span) => {
    const text = query.slice(span.start, span.end);
    if (text === "") return true;
    const param = toParam(text);
    const reason = decide(param);
    if (reason === undefined) return true;
    removed.push({ ...param, reason });
    return false;
  });
  if (removed.length === 0) return { query, removed };

  let out = "";
  let first = true;
  params.forEach((span, i) => {
    // Once something is removed, empty parameters (from "a&&b") go too: they would leave "&&" or a bare "?".
    if (!keep[i] || span.start === span.end) return;
    const separator = separators[i - 1];
    if (!first && separator) out += query.slice(separator.start, separator.end);
    out += query.slice(span.start, span.end);
    first = false;
  });
  return { query: out, removed };
}

/** Index of the fragment's "#", skipping the "#" of "&#38;"-style entities in attribute text. */
function fragmentStart(url: string, htmlAttribute: boolean): number {
  let index = url.indexOf("#");
  while (htmlAttribute && index > 0 && url.charCodeAt(index - 1) === 0x26 /* & */) {
    index = url.indexOf("#", index + 1);
  }
  return index;
}

/** Removes parameters from the query and from a query-like fragment (`#a=1&b=2`, `#/route?a=1`). */
export function removeParams<T>(url: string, decide: ParamDecider<T>, htmlAttribute = false): RemoveParamsResult<T> {
  const hash = fragmentStart(url, htmlAttribute);
  const main = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? undefined : url.slice(hash + 1);
  const removed: RemovedParam<T>[] = [];

  let newMain = main;
  const question = main.indexOf("?");
  if (question >= 0) {
    const result = removeFromQuery(main.slice(question + 1), decide, htmlAttribute);
    removed.push(...result.removed);
    if (result.removed.length > 0) {
      newMain = result.query === "" ? main.slice(0, question) : `${main.slice(0, question + 1)}${result.query}`;
    }
  }

  let newFragment = fragment;
  if (fragment !== undefined) {
    const fragmentQuestion = fragment.indexOf("?");
    if (fragmentQuestion >= 0) {
      // A client-side route with its own query: "#/route?utm_source=x".
      const result = removeFromQuery(fragment.slice(fragmentQuestion + 1), decide, htmlAttribute);
      removed.push(...result.removed);
      if (result.removed.length > 0) {
        const head = fragment.slice(0, fragmentQuestion);
        newFragment = result.query === "" ? head : `${head}?${result.query}`;
      }
    } else if (fragment.includes("=")) {
      // Parameters written as the whole fragment: "#utm_source=x&utm_medium=y".
      const result = removeFromQuery(fragment, decide, htmlAttribute);
      removed.push(...result.removed);
      if (result.removed.length > 0) newFragment = result.query === "" ? undefined : result.query;
    }
  }

  if (removed.length === 0) return { url, removed };
  return { url: newFragment === undefined ? newMain : `${newMain}#${newFragment}`, removed };
}
