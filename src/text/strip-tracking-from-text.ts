/**
 * Click-tracking removal for plain-text email parts: every http(s) URL in the text is cleaned with
 * cleanUrl and spliced back; every other byte stays as it was.
 */
import { cleanUrl, type CleanUrlOptions, type UrlChange } from "../url/clean-url.js";

export interface TextUrlChange {
  /** The URL as it was in the text. */
  readonly url: string;
  /** What replaced it. */
  readonly cleaned: string;
  readonly changes: readonly UrlChange[];
}

export interface StripTextResult {
  readonly text: string;
  readonly changes: TextUrlChange[];
}

// A URL runs until whitespace or a character that cannot appear unescaped in one (quotes, angle brackets).
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*]$/;

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/**
 * Drops what prose puts after a URL: sentence punctuation and a closing bracket that has no opening
 * partner inside the URL ("(see https://x.example/a)" vs "https://en.wikipedia.org/wiki/A_(b)").
 */
function trimUrlEnd(candidate: string): string {
  let url = candidate;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(url)) url = url.slice(0, -1);
    else if (url.endsWith(")") && count(url, ")") > count(url, "(")) url = url.slice(0, -1);
    else if (url.endsWith("]") && count(url, "]") > count(url, "[")) url = url.slice(0, -1);
    else return url;
  }
}

/**
 * Removes click tracking from the URLs in a plain-text email part.
 *
 * @param text - The decoded text of a text/plain part.
 * @param options - As for cleanUrl (`htmlAttribute` is ignored: plain text has no entities).
 * @returns The text with cleaned URLs and one entry per URL that changed.
 * @example
 * stripTrackingFromText("Read <https://example.com/a?utm_source=news>.").text
 * //=> "Read <https://example.com/a>."
 */
export function stripTrackingFromText(text: string, options?: CleanUrlOptions): StripTextResult {
  cleanUrl("", options); // validates the options (TypeError) even when the text holds no URL
  const urlOptions: CleanUrlOptions = { ...options, htmlAttribute: false };
  const changes: TextUrlChange[] = [];
  let out = "";
  let copied = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = trimUrlEnd(match[0]);
    const result = cleanUrl(url, urlOptions);
    if (!result.changed) continue;
    out += text.slice(copied, match.index) + result.url;
    copied = match.index + url.length;
    changes.push({ url, cleaned: result.url, changes: result.changes });
  }
  return { text: changes.length === 0 ? text : out + text.slice(copied), changes };
}
