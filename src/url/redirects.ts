/**
 * Unwrapping of click redirects whose destination is written in the URL (rules in data/redirect-rules.ts),
 * and recognition of opaque click trackers (data/click-trackers.ts).
 */
import { clickTrackers, type ClickTrackerRule } from "../data/click-trackers.js";
import { redirectRules, type RedirectExtract, type RedirectRule } from "../data/redirect-rules.js";
import { decodeBase64Text, decodeJwtPayload, safeDecodeUri } from "./decode.js";
import { Host, HostIndex } from "./host-index.js";
import { parseHttpUrl, queryParam, type HttpUrlParts } from "./url-parts.js";

const redirectIndex = new HostIndex(redirectRules);
const clickTrackerIndex = new HostIndex(clickTrackers);

/**
 * The redirect rules that may apply on `host`, in order. Found afresh on every call: the URL cleaner keeps
 * them per host (no cache lives in this module).
 */
export function redirectRulesFor(host: string): readonly RedirectRule[] {
  return redirectIndex.find(new Host(host));
}

/** The opaque click trackers that may apply on `host`, in order; found afresh, like {@link redirectRulesFor}. */
export function clickTrackersFor(host: string): readonly ClickTrackerRule[] {
  return clickTrackerIndex.find(new Host(host));
}

export type UnwrapResult =
  /** The wrapper's destination, an http(s) URL (decoded, not yet escaped for output), and its parts. */
  | { readonly kind: "destination"; readonly rule: RedirectRule; readonly destination: string; readonly parts: HttpUrlParts }
  /** The wrapper points somewhere that is not http(s) (javascript:, data:, ...). */
  | { readonly kind: "unsafe"; readonly rule: RedirectRule; readonly destination: string };

/** Percent-decodes a destination taken from a query value; decodes a second time when it is still encoded. */
function decodeDestination(value: string): string | undefined {
  let decoded = safeDecodeUri(value);
  if (decoded !== undefined && /^\s*https?%3A/i.test(decoded)) decoded = safeDecodeUri(decoded);
  return decoded;
}

/** Proofpoint v2 writes "%" as "-" and "/" as "_" in the u= parameter. */
function decodeProofpointV2(query: string): string | undefined {
  const value = queryParam(query, ["u"]);
  return value === undefined ? undefined : safeDecodeUri(value.replaceAll("-", "%").replaceAll("_", "/"));
}

const PROOFPOINT_V3 = /^\/v3\/__(.+?)__;([^!]*)!/;
// '**' followed by one of these characters stands for a run of 2, 3, ... 65 replaced characters.
const V3_RUN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * Proofpoint v3: `/v3/__<url>__;<base64url of the replaced characters>!<ids>$`. In the URL part each `*`
 * stands for the next replaced character and `**X` for the next run of (index of X in V3_RUN_CHARS + 2).
 */
function decodeProofpointV3(rest: string): string | undefined {
  const match = PROOFPOINT_V3.exec(rest);
  if (!match) return undefined;
  const url = safeDecodeUri(match[1] ?? "");
  const replaced = match[2] === "" ? "" : decodeBase64Text(match[2] ?? "");
  if (url === undefined || replaced === undefined) return undefined;
  const chars = [...replaced];
  let next = 0;
  let out = "";
  for (let i = 0; i < url.length; i++) {
    if (url[i] !== "*") {
      out += url[i];
      continue;
    }
    let run = 1;
    if (url[i + 1] === "*") {
      run = V3_RUN_CHARS.indexOf(url[i + 2] ?? "") + 2;
      if (run < 2) return undefined;
      i += 2;
    }
    if (next + run > chars.length) return undefined;
    out += chars.slice(next, next + run).join("");
    next += run;
  }
  // The official decoder restores "https:/host" written with a single slash.
  return out.replace(/^([a-z0-9+.-]+:\/)(?=[^/])/i, "$1/");
}

/** Everything from the first http(s) URL written in the query (plain or percent-encoded). */
function decodeEmbedded(query: string): string | undefined {
  const match = /(?:^|[=&])(https?(?::|%3A).*)$/i.exec(query);
  if (!match?.[1]) return undefined;
  return /^https?%3A/i.test(match[1]) ? safeDecodeUri(match[1]) : match[1];
}

function extract(extract: RedirectExtract, url: string, parts: HttpUrlParts): string | undefined {
  const rest = url.slice(parts.pathStart);
  switch (extract.kind) {
    case "query": {
      const value = queryParam(parts.query, extract.params);
      return value === undefined || value === "" ? undefined : decodeDestination(value);
    }
    case "path": {
      const captured = extract.pattern.exec(rest)?.[1];
      if (captured === undefined) return undefined;
      const decoded = extract.decode === "base64" ? decodeBase64Text(captured) : decodeDestination(captured);
      if (decoded === undefined || !extract.defaultScheme) return decoded;
      // Postmark writes host and path twice percent-encoded, without a scheme. With one (`https%253A…`),
      // `decodeDestination` has decoded both rounds: a third would turn the destination's own `%2B` into `+`.
      const twice = !SCHEME.test(decoded) && /%[0-9a-f]{2}/i.test(decoded) ? safeDecodeUri(decoded) : decoded;
      if (twice === undefined) return undefined;
      return /^[a-z][a-z0-9+.-]*:/i.test(twice) ? twice : `${extract.defaultScheme}${twice}`;
    }
    case "jwt": {
      const token = extract.pattern.exec(rest)?.[1];
      const payload = token === undefined ? undefined : decodeJwtPayload(token);
      const value = payload?.[extract.key];
      if (extract.claims?.some((claim) => typeof payload?.[claim] !== "string")) return undefined;
      return typeof value === "string" ? value : undefined;
    }
    case "embedded":
      return decodeEmbedded(parts.query);
    case "proofpoint-v2":
      return decodeProofpointV2(parts.query);
    case "proofpoint-v3":
      return decodeProofpointV3(rest);
  }
}

// Browsers ignore leading C0 controls and spaces before a scheme; "java\tscript:" is javascript: too.
const LEADING_JUNK = /^[\0-\x20]+/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * One round of unwrapping: the destination of the first rule that recognizes `url` and can decode it.
 * Undefined when no rule applies or the destination is not recoverable (malformed encoding, no URL).
 */
export function unwrapRedirect(
  url: string,
  parts: HttpUrlParts | undefined = parseHttpUrl(url),
  rules: readonly RedirectRule[] | undefined = parts && redirectRulesFor(parts.host),
): UnwrapResult | undefined {
  if (!parts || !rules) return undefined;
  for (const rule of rules) {
    if (rule.path && !rule.path.test(parts.path)) continue;
    const raw = extract(rule.extract, url, parts);
    if (raw === undefined) continue;
    const destination = raw.replace(LEADING_JUNK, "");
    const destinationParts = parseHttpUrl(destination);
    if (destinationParts) return { kind: "destination", rule, destination, parts: destinationParts };
    // Host-agnostic rules need an http(s) result to be sure the shape was theirs; listed hosts report the rest.
    const schemeLike = SCHEME.test(destination.replace(/[\t\n\r]/g, ""));
    if (schemeLike && !isHostAgnostic(rule)) return { kind: "unsafe", rule, destination: raw };
  }
  return undefined;
}

function isHostAgnostic(rule: RedirectRule): boolean {
  return rule.hosts === undefined && rule.hostPattern === undefined;
}

/**
 * The opaque click tracker `url` belongs to, if any (its destination is not in the URL). `rules` are the
 * click trackers of the URL's host (see {@link clickTrackersFor}).
 */
export function findClickTracker(
  parts: HttpUrlParts | undefined,
  rules: readonly ClickTrackerRule[] | undefined = parts && clickTrackersFor(parts.host),
): ClickTrackerRule | undefined {
  if (!parts || !rules) return undefined;
  for (const rule of rules) {
    if (rule.path.test(parts.path) && (rule.param === undefined || queryParam(parts.query, [rule.param]) !== undefined)) {
      return rule;
    }
  }
  return undefined;
}
