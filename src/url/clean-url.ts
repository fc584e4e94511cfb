/**
 * cleanUrl: removes click tracking from one URL. Unwraps redirect wrappers whose destination is written in
 * the URL, removes tracking parameters by splicing, and reports opaque trackers it must leave in place.
 */
import { hasLoneSurrogate } from "../base/lone-surrogate.js";
import { ownString } from "../base/own-string.js";
import { decodeHTMLAttribute } from "entities/decode";
import type { ClickTrackerRule } from "../data/click-trackers.js";
import type { RedirectRule } from "../data/redirect-rules.js";
import { hasMergeTag, indexOutsideTags, touchesMergeTag } from "./merge-tags.js";
import { mayBeTrackingName, normalizeParamName, paramRulesFor, type ParamRule, type ParamRuleLookup } from "./param-matcher.js";
import { removeParamSpans, type ParamSpanDecider } from "./query.js";
import { clickTrackersFor, findClickTracker, redirectRulesFor, unwrapRedirect } from "./redirects.js";
import { isHtmlSpace as isSpace } from "../html/whitespace.js";
import { parseHttpUrl, schemeLength } from "./url-parts.js";
import { optionError, optionsRecord, rejectUnknownOptions, usageError } from "../errors.js";
import { resolveRecipients } from "../recipient.js";
import { safeDecodeUri } from "./decode.js";
import { isSignedUrl } from "./signed-url.js";

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
  /**
   * A signed URL (S3, Google Cloud Storage, CloudFront, Azure SAS, Laravel, ...): the tracking parameters it holds,
   * each as the removal it would have been, kept because removing one would break its signature.
   */
  readonly keptForSignature?: readonly UrlChange[];
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

/**
 * Writes a decoded destination so that it is safe where the wrapper stood: characters that could end an
 * attribute or a plain-text URL are percent-encoded, and "&" becomes "&amp;" in attribute text. Past the host,
 * a character beyond ASCII is percent-encoded as UTF-8, as the wrapper's redirect would send it: written as a
 * character, a document in a legacy charset would have no byte for it (or send its query in that charset).
 */
function encodeDestination(destination: string, htmlAttribute: boolean, pathStart: number): string {
  const encoded = delimitersEscaped(destination.slice(0, pathStart)) + delimitersEscaped(destination.slice(pathStart)).replace(/[^\0-\x7f]/gu, encodeURIComponent);
  return htmlAttribute ? encoded.replaceAll("&", "&amp;") : encoded;
}

function delimitersEscaped(text: string): string {
  return text.replace(/[\0-\x20\x7f"'<>`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** A FreeMarker or Velocity directive, whose `#` is no fragment's (`<#if>`, `</#if>`, `#if(`, `#end`, `#{x}`). */
const templateDirective = /<\/?#|#(?:if|else|elseif|end|foreach|set|macro|parse|include|stop|break|define|evaluate)\b|#\{/i;

/** The tracking parameters of a URL holding merge tags removed, where no tag touches them (see `clean`). */
function cleanTemplated(url: string, start: number, end: number, core: string, schemePut: number, resolved: ResolvedOptions, rules: HostRules): CleanUrlResult {
  // Only where the query is plain to find: its `?` is the first outside the tags (`${id?c}` holds one of its own),
  // no directive's `#` may be read as a fragment's (FreeMarker's `</#if>`, Velocity's `#end`), and no character
  // reference in attribute text spells a tag (`&lt;%`).
  const query = indexOutsideTags(core, "?");
  if (query < 0 || templateDirective.test(core) || (resolved.htmlAttribute && /&(?!amp;)[#a-z]/i.test(core))) return unchanged(url);
  const changes: UrlChange[] = [];
  const recipientParams: string[] = [];
  const decide = paramDecider(resolved, rules.params, recipientParams);
  const cleanedCore = removeParamSpans(core, (text, from, eq, to) => (touchesMergeTag(text, from, to) ? undefined : decide(text, from, eq, to)), resolved.htmlAttribute, changes, query);
  if (changes.length === 0) return recipientParams.length > 0 ? { url, changed: false, changes: [], recipientParams } : unchanged(url);
  const cleaned = withSurroundingSpace(url, start, end, cleanedCore.slice(schemePut));
  return recipientParams.length > 0 ? { url: cleaned, changed: true, changes, recipientParams } : { url: cleaned, changed: true, changes };
}

function unchanged(url: string): CleanUrlResult {
  return { url, changed: false, changes: [] };
}

/** `cleaned` in place of `url.slice(start, end)`, between the whitespace the URL came with. */
function withSurroundingSpace(url: string, start: number, end: number, cleaned: string): string {
  return start === 0 && end === url.length ? cleaned : `${url.slice(0, start)}${cleaned}${url.slice(end)}`;
}

/** What the cleaner needs to know about one host, found once per host by each cleaner. */
interface HostRules {
  readonly redirects: readonly RedirectRule[];
  readonly clickTrackers: readonly ClickTrackerRule[];
  readonly params: ParamRuleLookup;
}

/**
 * Mail repeats its few hosts in every link; the cleaners keep what they found per host, up to this many hosts
 * (~200 bytes each). A relay's stream passes thousands of hosts: with 512, a 20 MB mix of mail refilled the cache
 * over and over, and each refill outlived young-generation collections (most of what streaming promoted to the
 * old generation).
 */
const MAX_CACHED_HOSTS = 4096;

/** Per-host rules, shared by every cleaner (they depend on the host alone and never change: no result depends on the cache). */
class HostRulesCache {
  private readonly byHost = new Map<string, HostRules>();

  get(host: string): HostRules {
    let rules = this.byHost.get(host);
    if (rules === undefined) {
      if (this.byHost.size >= MAX_CACHED_HOSTS) this.byHost.clear();
      // Kept after the URL is gone: a host sliced from the input would keep the input's chunk alive.
      host = ownString(host);
      rules = { redirects: redirectRulesFor(host), clickTrackers: clickTrackersFor(host), params: paramRulesFor(host) };
      this.byHost.set(host, rules);
    }
    return rules;
  }
}

const hostRules = new HostRulesCache();

function removedParam(param: string, value: string | undefined, rule: ParamRule | undefined): UrlChange {
  // The same keys in the same order as ever: reports are compared as JSON.
  if (rule) {
    return value === undefined
      ? { kind: "removed-param", param, rule: rule.id, vendor: rule.vendor }
      : { kind: "removed-param", param, value, rule: rule.id, vendor: rule.vendor };
  }
  return value === undefined
    ? { kind: "removed-param", param, rule: "option:removeParams" }
    : { kind: "removed-param", param, value, rule: "option:removeParams" };
}

/** Decides which parameters go: keepParams wins, then removeParams, then the rule data. */
function paramDecider(options: ResolvedOptions, findParamRule: ParamRuleLookup, recipientParams: string[]): ParamSpanDecider<UrlChange> {
  const checkRecipients = options.recipients.size > 0;
  const byOptionPossible = options.removeParams.size > 0;
  return (text, start, eq, end) => {
    if (checkRecipients && eq < end) {
      const value = safeDecodeUri(text.slice(eq + 1, end).replaceAll("+", " "))?.trim().toLowerCase();
      if (value !== undefined && options.recipients.has(value)) recipientParams.push(text.slice(start, eq));
    }
    // Most names are no rule's: ruled out from char codes, without building the name.
    if (!byOptionPossible && !mayBeTrackingName(text, start, eq)) return undefined;
    const param = text.slice(start, eq);
    const name = normalizeParamName(param);
    if (options.keepParams.has(name)) return undefined;
    const byOption = options.removeParams.has(name);
    const rule = byOption ? undefined : findParamRule(name);
    if (!byOption && !rule) return undefined;
    // Servers that also split on `;` (Perl's CGI, Rack before 3) read `?utm_source=news;id=42` as two: removing
    // it up to the next `&` would take `id=42` with it. In attribute text, as the browser decodes it (`&eacute;`
    // holds no `;` of the URL's).
    if (eq < end && semicolonIn(text.slice(eq + 1, end), options.htmlAttribute)) return undefined;
    return removedParam(param, eq === end ? undefined : text.slice(eq + 1, end), rule);
  };
}

function semicolonIn(value: string, htmlAttribute: boolean): boolean {
  return value.includes(";") && (!htmlAttribute || !value.includes("&") || decodeHTMLAttribute(value).includes(";"));
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
  return (url) => {
    if (url instanceof URL) return clean(url.href, resolved, hostRules);
    // A wrong value (an array of URLs, a missing field) must not pass as "nothing to clean".
    if (typeof url !== "string") throw usageError(`cleanUrl takes a URL as a string or a URL object, got ${url === null ? "null" : Array.isArray(url) ? "an array" : typeof url}`);
    return clean(url, resolved, hostRules);
  };
}

/**
 * Removes click tracking from one URL, leaving every other byte as written.
 *
 * @param url - The URL (a string or a `URL` object), or with `htmlAttribute` the raw text of an href attribute.
 * @param options - See {@link CleanUrlOptions}. Invalid or unknown options throw a TypeError, and so does a `url` that
 *   is neither a string nor a `URL`; no string throws.
 * @returns The cleaned URL (always a string) and what changed, or what was recognized and kept.
 * @example
 * cleanUrl("https://example.com/a?utm_source=news&id=7").url
 * //=> "https://example.com/a?id=7"
 */
export function cleanUrl(url: string | URL, options?: CleanUrlOptions): CleanUrlResult {
  return createUrlCleaner(options)(url);
}

function clean(url: string, resolved: ResolvedOptions, hosts: HostRulesCache): CleanUrlResult {
  // Browsers strip leading and trailing ASCII whitespace from href values; so do we, and put it back after.
  let start = 0;
  let end = url.length;
  while (start < end && isSpace(url.charCodeAt(start))) start++;
  while (end > start && isSpace(url.charCodeAt(end - 1))) end--;
  let core = start === 0 && end === url.length ? url : url.slice(start, end);
  // A scheme-relative link (`//shop.example/a?utm_source=x`) is absolute in every mail client: read with the scheme
  // put in front, and written back without it (unless unwrapping replaced the whole URL).
  let schemePut = 0;
  if (schemeLength(core) === 0) {
    if (!core.startsWith("//")) return unchanged(url);
    core = `https:${core}`;
    schemePut = "https:".length;
  }
  const { htmlAttribute } = resolved;
  const decodedCore = htmlAttribute && core.includes("&") ? decodeHTMLAttribute(core) : core;
  let parts = parseHttpUrl(decodedCore);
  if (!parts) return unchanged(url);
  // A template's URL (`/orders/{{order_id}}?utm_source=receipt`): the sending system fills it in, so it is neither
  // unwrapped nor judged as a redirect; its tracking parameters go, but for any a merge tag touches.
  if (hasMergeTag(core) || (decodedCore !== core && hasMergeTag(decodedCore))) return isSignedUrl(decodedCore) ? unchanged(url) : cleanTemplated(url, start, end, core, schemePut, resolved, hosts.get(parts.host));

  const changes: UrlChange[] = [];
  let current = core; // as written (attribute text when htmlAttribute)
  let target = decodedCore; // what the browser navigates to
  let rules = hosts.get(parts.host);

  if (resolved.unwrapRedirects) {
    for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
      const step = unwrapRedirect(target, parts, rules.redirects);
      if (!step) break;
      // A wrapper around javascript:, data:, ... stays exactly as it came, even after outer unwrapping.
      if (step.kind === "unsafe") return { url, changed: false, changes: [], unsafeRedirect: step.destination };
      // JSON in a token can decode to a lone surrogate (`"\udce9"`), and in a message part read as UTF-8 one stands
      // for a byte the part held (`utf8-with-escapes.ts`): no URL is written with it, and the wrapper still leads there.
      if (hasLoneSurrogate(step.destination)) break;
      changes.push({ kind: "unwrapped-redirect", rule: step.rule.id, vendor: step.rule.vendor, from: current.slice(schemePut) });
      schemePut = 0;
      // A redirect whose destination has no fragment keeps the one the wrapper was followed with (browsers carry
      // it over), so the unwrapped link lands where the wrapper did.
      const fragment = target.indexOf("#");
      target = fragment >= 0 && !step.destination.includes("#") ? step.destination + target.slice(fragment) : step.destination;
      parts = parseHttpUrl(target) ?? step.parts;
      rules = hosts.get(parts.host);
      current = encodeDestination(target, htmlAttribute, parts.pathStart);
    }
  }

  const tracker = findClickTracker(parts, rules.clickTrackers);
  if (tracker) {
    const opaqueRedirect = { vendor: tracker.vendor, rule: tracker.id, reason: tracker.reason };
    if (changes.length === 0) return { url, changed: false, changes: [], opaqueRedirect };
    const cleaned = withSurroundingSpace(url, start, end, current.slice(schemePut));
    return { url: cleaned, changed: cleaned !== url, changes, opaqueRedirect };
  }

  const recipientParams: string[] = [];
  const decide = paramDecider(resolved, rules.params, recipientParams);
  // A signed URL keeps its query as written (a wrapper around it was still unwrapped: the signature is the
  // destination's): the parameters that would have gone are reported instead.
  if (isSignedUrl(target)) {
    const keptForSignature: UrlChange[] = [];
    removeParamSpans(current, decide, htmlAttribute, keptForSignature);
    const cleaned = changes.length === 0 ? url : withSurroundingSpace(url, start, end, current.slice(schemePut));
    return {
      url: cleaned, changed: cleaned !== url, changes,
      ...(recipientParams.length > 0 ? { recipientParams } : {}),
      ...(keptForSignature.length > 0 ? { keptForSignature } : {}),
    };
  }
  current = removeParamSpans(current, decide, htmlAttribute, changes);

  if (changes.length === 0) {
    return recipientParams.length > 0 ? { url, changed: false, changes: [], recipientParams } : unchanged(url);
  }
  const cleaned = withSurroundingSpace(url, start, end, current.slice(schemePut));
  return recipientParams.length > 0
    ? { url: cleaned, changed: cleaned !== url, changes, recipientParams }
    : { url: cleaned, changed: cleaned !== url, changes };
}
