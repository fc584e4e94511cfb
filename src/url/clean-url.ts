/**
 * cleanUrl: removes click tracking from one URL. Unwraps redirect wrappers whose destination is written in
 * the URL, removes tracking parameters by splicing, and reports opaque trackers it must leave in place.
 */
import { decodeHTMLAttribute } from "entities/decode";
import type { TrackingParamRule } from "../data/tracking-params.js";
import { hasMergeTag } from "./merge-tags.js";
import { normalizeParamName, paramRuleId, paramRulesFor } from "./param-matcher.js";
import { removeParams, type QueryParam } from "./query.js";
import { findClickTracker, unwrapRedirect } from "./redirects.js";
import { isHtmlSpace as isSpace } from "../html/whitespace.js";
import { parseHttpUrl } from "./url-parts.js";
import { optionError, optionsRecord, rejectUnknownOptions } from "../errors.js";
import { resolveRecipients } from "../recipient.js";
import { safeDecodeUri } from "./decode.js";

/** One change made to a URL. */
export interface UrlChange {
  /** A tracking parameter removed, or a redirect wrapper replaced by its destination. */
  readonly kind: "removed-param" | "unwrapped-redirect";
  /** Id of the rule that decided it, e.g. "utm", "amazon-ses", "google-url". */
  readonly rule: string;
  /** "Google Analytics", "Mailchimp", "Amazon SES", ... */
  readonly vendor?: string;
  /** removed-param: the name as written in the URL. */
  readonly param?: string;
  /** removed-param: its raw value. */
  readonly value?: string;
  /** unwrapped-redirect: the wrapper URL that was replaced. */
  readonly from?: string;
}

/** A known click redirect whose destination is only known to the tracker's server: kept, reported. */
export interface OpaqueRedirect {
  /** "Mailchimp", "SendGrid", ... */
  readonly vendor: string;
  /** Id of the rule that recognised it. */
  readonly rule: string;
  /** Why it is kept, for a human. */
  readonly reason: string;
}

/** What {@link cleanUrl} returns. */
export interface CleanUrlResult {
  /** The cleaned URL (=== input when nothing changed; a `URL` input's `href`). */
  readonly url: string;
  /** True when `url` differs from the input. */
  readonly changed: boolean;
  /** Every change, in the order made (unwrapping first, then parameters). */
  readonly changes: readonly UrlChange[];
  /** A known click tracker whose destination is not in the URL: kept, reported. */
  readonly opaqueRedirect?: OpaqueRedirect;
  /** A wrapper whose destination is not http(s) (javascript:, data:, ...): kept as is, reported. */
  readonly unsafeRedirect?: string;
  /** Names of parameters (as written) whose value is the recipient's address; they are kept. */
  readonly recipientParams?: readonly string[];
}

/** Options for link cleaning; the same names as in `stripTracking` and `stripTrackingFromText`. */
export interface CleanUrlOptions {
  /**
   * Unwrap click redirects whose destination is written in the URL (Amazon SES, Google, Proofpoint, ...).
   * @default true
   */
  readonly unwrapRedirects?: boolean;
  /** Extra parameter names to remove (exact, case-insensitive). */
  readonly removeParams?: readonly string[];
  /** Parameter names never removed (case-insensitive); wins over every rule. */
  readonly keepParams?: readonly string[];
  /**
   * The recipient address(es). A parameter whose value is one of them is reported in `recipientParams`
   * (and kept: an unsubscribe link needs it).
   */
  readonly recipient?: string | readonly string[];
  /**
   * The string is the raw text of an HTML attribute: `&amp;` separates parameters and is kept as written.
   * @default false
   */
  readonly htmlAttribute?: boolean;
}

/** Cleans one URL with options validated once; see {@link createUrlCleaner}. */
export type UrlCleaner = (url: string | URL) => CleanUrlResult;

interface ResolvedOptions {
  readonly unwrapRedirects: boolean;
  readonly htmlAttribute: boolean;
  readonly removeParams: ReadonlySet<string>;
  readonly keepParams: ReadonlySet<string>;
  readonly recipients: ReadonlySet<string>;
}

const MAX_UNWRAP_ROUNDS = 10;
const knownOptions: ReadonlySet<string> = new Set(["unwrapRedirects", "removeParams", "keepParams", "recipient", "htmlAttribute"]);

function readBoolean(options: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw optionError(name, "must be a boolean");
  return value;
}

function readNameSet(options: Record<string, unknown>, name: string): ReadonlySet<string> {
  const value = options[name];
  if (value === undefined) return new Set();
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) {
    throw optionError(name, "must be an array of strings");
  }
  return new Set(value.map((entry: string) => entry.toLowerCase()));
}

/** Validates link options; throws a TypeError naming the bad or unknown option. */
function resolveUrlOptions(options: CleanUrlOptions | undefined): ResolvedOptions {
  const record = optionsRecord(options);
  rejectUnknownOptions(record, knownOptions);
  return {
    unwrapRedirects: readBoolean(record, "unwrapRedirects", true),
    htmlAttribute: readBoolean(record, "htmlAttribute", false),
    removeParams: readNameSet(record, "removeParams"),
    keepParams: readNameSet(record, "keepParams"),
    recipients: new Set(resolveRecipients(record.recipient)),
  };
}

// Browsers strip leading and trailing ASCII whitespace from href values; so do we, and put it back after.
function splitSurroundingSpace(url: string): [string, string, string] {
  let start = 0;
  let end = url.length;
  while (start < end && isSpace(url.charCodeAt(start))) start++;
  while (end > start && isSpace(url.charCodeAt(end - 1))) end--;
  return [url.slice(0, start), url.slice(start, end), url.slice(end)];
}
const HTTP_PREFIX = /^https?:\/\//i;

/**
 * Writes a decoded destination so that it is safe where the wrapper stood: characters that could end an
 * attribute or a plain-text URL are percent-encoded, and "&" becomes "&amp;" in attribute text.
 */
function encodeDestination(destination: string, htmlAttribute: boolean): string {
  const encoded = destination.replace(
    /[\0-\x20\x7f"'<>`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return htmlAttribute ? encoded.replaceAll("&", "&amp;") : encoded;
}

function unchanged(url: string, extra?: Partial<CleanUrlResult>): CleanUrlResult {
  return { url, changed: false, changes: [], ...extra };
}

/** Decides which parameters go: keepParams wins, then removeParams, then the rule data. */
function paramDecider(options: ResolvedOptions, host: string, recipientParams: string[]) {
  const findParamRule = paramRulesFor(host);
  return (param: QueryParam): UrlChange | undefined => {
    const name = normalizeParamName(param.name);
    if (options.recipients.size > 0 && param.value !== undefined) {
      const value = safeDecodeUri(param.value.replaceAll("+", " "))?.trim().toLowerCase();
      if (value !== undefined && options.recipients.has(value)) recipientParams.push(param.name);
    }
    if (options.keepParams.has(name)) return undefined;
    const byOption = options.removeParams.has(name);
    const rule: TrackingParamRule | undefined = byOption ? undefined : findParamRule(name);
    if (!byOption && !rule) return undefined;
    return {
      kind: "removed-param",
      param: param.name,
      ...(param.value === undefined ? {} : { value: param.value }),
      ...(rule ? { rule: paramRuleId(rule), vendor: rule.vendor } : { rule: "option:removeParams" }),
    };
  };
}

/**
 * Creates a URL cleaner: the options are validated once, and the returned function cleans one URL at a time.
 * `cleanUrl(url, options)` is `createUrlCleaner(options)(url)`.
 *
 * @param options - See {@link CleanUrlOptions}. Invalid or unknown options throw a TypeError naming them.
 * @returns A function taking a URL string (or a `URL` object) and returning what {@link cleanUrl} returns.
 * @example
 * const clean = createUrlCleaner({ keepParams: ["utm_campaign"] });
 * clean("https://example.com/?utm_source=a&utm_campaign=b").url
 * //=> "https://example.com/?utm_campaign=b"
 */
export function createUrlCleaner(options?: CleanUrlOptions): UrlCleaner {
  const resolved = resolveUrlOptions(options);
  return (url) => clean(url instanceof URL ? url.href : url, resolved);
}

/**
 * Removes click tracking from one URL, leaving every other byte as written.
 *
 * @param url - The URL (a string or a `URL` object), or with `htmlAttribute` the raw text of an href attribute.
 * @param options - See {@link CleanUrlOptions}. Invalid or unknown options throw a TypeError; no string input throws.
 * @returns The cleaned URL (always a string) and what changed, or what was recognized and kept.
 * @example
 * cleanUrl("https://example.com/a?utm_source=news&id=7").url
 * //=> "https://example.com/a?id=7"
 */
export function cleanUrl(url: string | URL, options?: CleanUrlOptions): CleanUrlResult {
  return createUrlCleaner(options)(url);
}

function clean(url: string, resolved: ResolvedOptions): CleanUrlResult {
  if (typeof url !== "string") return unchanged(url);
  const [leading, core, trailing] = splitSurroundingSpace(url);
  if (!HTTP_PREFIX.test(core) || hasMergeTag(core)) return unchanged(url);
  const { htmlAttribute } = resolved;
  const decodedCore = htmlAttribute && core.includes("&") ? decodeHTMLAttribute(core) : core;
  let parts = parseHttpUrl(decodedCore);
  if (!parts || hasMergeTag(decodedCore)) return unchanged(url);

  const changes: UrlChange[] = [];
  let current = core; // as written (attribute text when htmlAttribute)
  let target = decodedCore; // what the browser navigates to

  if (resolved.unwrapRedirects) {
    for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
      const step = unwrapRedirect(target, parts);
      if (!step) break;
      // A wrapper around javascript:, data:, ... stays exactly as it came, even after outer unwrapping.
      if (step.kind === "unsafe") return unchanged(url, { unsafeRedirect: step.destination });
      changes.push({ kind: "unwrapped-redirect", rule: step.rule.id, vendor: step.rule.vendor, from: current });
      target = step.destination;
      parts = step.parts;
      current = encodeDestination(target, htmlAttribute);
    }
  }

  const tracker = findClickTracker(parts);
  if (tracker) {
    const opaqueRedirect = { vendor: tracker.vendor, rule: tracker.id, reason: tracker.reason };
    if (changes.length === 0) return unchanged(url, { opaqueRedirect });
    const cleaned = `${leading}${current}${trailing}`;
    return { url: cleaned, changed: cleaned !== url, changes, opaqueRedirect };
  }

  const recipientParams: string[] = [];
  const result = removeParams(current, paramDecider(resolved, parts.host, recipientParams), htmlAttribute);
  current = result.url;
  for (const removed of result.removed) changes.push(removed.reason);
  const extra = recipientParams.length > 0 ? { recipientParams } : {};

  if (changes.length === 0) return unchanged(url, extra);
  const cleaned = `${leading}${current}${trailing}`;
  return { url: cleaned, changed: cleaned !== url, changes, ...extra };
}
