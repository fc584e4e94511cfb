/**
 * Click-tracking removal for plain-text email parts: every http(s) URL in the text is cleaned with
 * cleanUrl and spliced back; every other byte stays as it was.
 */
import { optionError, optionsRecord, rejectUnknownOptions } from "../errors.js";
import { textOf } from "../input.js";
import { LineCounter } from "./line-counter.js";
import { type CleanUrlOptions, createUrlCleaner, type UrlChange } from "../url/clean-url.js";

/** Options of {@link stripTrackingFromText}: the link options of `stripTracking`, and `dryRun`. */
export interface StripTextOptions extends Omit<CleanUrlOptions, "htmlAttribute"> {
  /** Report what would change and change nothing. @default false */
  readonly dryRun?: boolean;
}

/** One URL of the text that was (or, with `dryRun`, would be) cleaned. */
export interface TextUrlChange {
  /** The URL as it was in the text. */
  readonly url: string;
  /** What replaced it (or would have). */
  readonly cleaned: string;
  /** The removed parameters and unwrapped redirects. */
  readonly changes: readonly UrlChange[];
  /** Offset of the URL in the text (UTF-16 code units). */
  readonly offset: number;
  /** 1-based line of the URL. */
  readonly line: number;
  /** 1-based column of the URL (UTF-16 code units from the line start). */
  readonly column: number;
}

/** What {@link stripTrackingFromText} returns. */
export interface StripTextResult {
  /** The cleaned text (the input itself with `dryRun` or when nothing changed). */
  readonly text: string;
  /** True when the output differs from the input (always false with `dryRun`: `changes` says what would change). */
  readonly changed: boolean;
  /** One entry per URL that changed (with `dryRun`: that would change), in text order. */
  readonly changes: readonly TextUrlChange[];
  /**
   * URLs that would change but were left as they were, in text order: the MIME adapter leaves those that run over a
   * soft line break of a `format=flowed; delsp=yes` part (a reader joins the lines: cut there, the URL would change).
   */
  readonly kept?: readonly TextUrlChange[];
}

// A URL runs until whitespace or a character that cannot appear unescaped in one (quotes, angle brackets). Beyond
// ASCII it holds the letters of the alphabets URLs are written in (`/wiki/Straße`, `?utm_campaign=Frühling`,
// `/wiki/Москва`) and their marks; anything else ends it: Japanese, Chinese, Thai, or a Korean particle runs on
// straight after a URL (`…?utm_source=mailをご覧ください`, `…mail에서`), and footnote digits, full-width forms and
// curly quotes close one (`²`, `（…）`, `“…”`), and so does those alphabets' punctuation (the Urdu full stop `۔`).
// Joiners inside words (ZWNJ in Persian, the Arabic tatweel, the Catalan middle dot) belong to it. Read into the
// URL, the text after it would go with a parameter.
const URL_CHAR =
  "(?:[!#-&(-;=?-_a-z{-~\\u00b7\\u0640\\u200c\\u200d]|(?![\\uff00-\\uffef])(?=[\\p{L}\\p{M}])[\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}\\p{sc=Armenian}\\p{sc=Georgian}\\p{sc=Hebrew}\\p{sc=Arabic}\\p{M}])";
const URL_IN_TEXT = new RegExp(`https?:\\/\\/${URL_CHAR}+`, "giu");
// A URL in angle brackets may be wrapped over lines; the white space is not part of it (RFC 3986, Appendix C). Only
// lines that hold nothing but URL characters up to the ">" continue it, so prose inside brackets never does.
const WRAPPED_REST = new RegExp(`(?:[ \\t]*\\r?\\n[ \\t]*${URL_CHAR}+)+(?=>)`, "iuy");
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
    else if (url.endsWith("}") && count(url, "}") > count(url, "{")) url = url.slice(0, -1);
    // A table's cell border or a stray `\`/`^` (no merge tag `*|X|*` ends a URL with one `|`).
    else if (/[\\^]$/.test(url) || (url.endsWith("|") && !url.endsWith("|*") && count(url, "|") % 2 === 1)) url = url.slice(0, -1);
    else return url;
  }
}

/** Whether the URL at `start` follows "<" or "<URL:" (RFC 3986, Appendix C). */
function inAngleBrackets(text: string, start: number): boolean {
  return text.charCodeAt(start - 1) === 0x3c /* < */ || (start >= 5 && text.slice(start - 5, start).toUpperCase() === "<URL:");
}

/** The lines that continue a URL wrapped inside "<…>" from `from` (its line break on) to before the ">", or "". */
function wrappedRest(text: string, from: number): string {
  WRAPPED_REST.lastIndex = from;
  return WRAPPED_REST.exec(text)?.[0] ?? "";
}

/** The options of stripTrackingFromText: the link options and dryRun (not cleanUrl's htmlAttribute: text is not markup). */
const textOptions: ReadonlySet<string> = new Set(["unwrapRedirects", "keepParams", "removeParams", "recipient", "dryRun"]);

/**
 * Removes click tracking from the URLs in a plain-text email part.
 *
 * @param text - The decoded text of a text/plain part; a `Uint8Array`/`Buffer` is read as UTF-8.
 * @param options - The link options of `stripTracking` (`unwrapRedirects`, `keepParams`, `removeParams`,
 *   `recipient`) and `dryRun`. Unknown options throw a TypeError naming them.
 * @returns The text with cleaned URLs and one entry per URL that changed.
 * @example
 * stripTrackingFromText("Read <https://example.com/a?utm_source=news>.").text
 * //=> "Read <https://example.com/a>."
 */
export function stripTrackingFromText(text: string | Uint8Array, options?: StripTextOptions): StripTextResult {
  return stripTrackingFromTextLeaving(text, options, undefined);
}

/**
 * {@link stripTrackingFromText}, leaving as they are the URLs for which `leave(start, end)` holds (`end`: where the URL
 * characters run to, before trailing punctuation is taken off); they are reported as `kept`.
 */
export function stripTrackingFromTextLeaving(
  text: string | Uint8Array,
  options: StripTextOptions | undefined,
  leave: ((start: number, end: number) => boolean) | undefined,
): StripTextResult {
  const record = optionsRecord(options);
  rejectUnknownOptions(record, textOptions);
  const { dryRun = false, ...linkOptions } = record;
  if (typeof dryRun !== "boolean") throw optionError("dryRun", "must be a boolean");
  const clean = createUrlCleaner(linkOptions as CleanUrlOptions);
  const input = textOf(text, "text");
  const lines = new LineCounter();
  const changes: TextUrlChange[] = [];
  const kept: TextUrlChange[] = [];
  let out = "";
  let copied = 0;
  for (const match of input.matchAll(URL_IN_TEXT)) {
    if (match.index < copied) continue;
    const rest = inAngleBrackets(input, match.index) ? wrappedRest(input, match.index + match[0].length) : "";
    const url = rest === "" ? trimUrlEnd(match[0]) : match[0] + rest.replace(/\s+/g, "");
    const result = clean(url);
    if (!result.changed) continue;
    const { line, column } = lines.position(input, match.index);
    const change = { url, cleaned: result.url, changes: result.changes, offset: match.index, line, column };
    if (leave?.(match.index, match.index + match[0].length + rest.length)) {
      kept.push(change);
      continue;
    }
    out += input.slice(copied, match.index) + result.url;
    copied = match.index + (rest === "" ? url.length : match[0].length + rest.length);
    changes.push(change);
  }
  // `changed` means what it means in every report: the output differs from the input.
  const changed = changes.length > 0 && !dryRun;
  return { text: changed ? out + input.slice(copied) : input, changed, changes, ...(kept.length > 0 ? { kept } : {}) };
}
