// Recognises opaque per-recipient identifiers in a URL: UUIDs, long hex digests, JWTs, long base64url blobs.
// A static asset URL rarely carries one; a tracking pixel almost always does.

import { parseHttpUrl } from "./url-parts.js";

export type TokenKind = "uuid" | "hex" | "jwt" | "base64";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hex = /^[0-9a-f]{16,}$/i;
const jwt = /^eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*$/;
const base64 = /^[A-Za-z0-9_+/-]{24,}={0,2}$/;
/** File names of static assets. */
const assetFile = /\.(?:png|jpe?g|gif|webp|svg|css|js|woff2?|ttf|ico)$/i;

function kindOf(part: string): TokenKind | undefined {
  if (uuid.test(part)) return "uuid";
  if (jwt.test(part)) return "jwt";
  if (hex.test(part) && /[a-f]/i.test(part) && /\d/.test(part)) return "hex";
  // A long mixed-case-and-digit run: random, not a word or a slug.
  if (base64.test(part) && /[a-z]/.test(part) && /[A-Z]/.test(part) && /\d/.test(part)) return "base64";
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The kind of the first opaque token in the URL's path segments or query values, if any.
 * @param inAssetPaths - Also look in the path of a static file name (`/t/<40 hex>/spacer.gif`).
 */
export function findOpaqueToken(url: string, inAssetPaths = false): TokenKind | undefined {
  const withoutFragment = url.split("#", 1)[0] ?? "";
  const queryAt = withoutFragment.indexOf("?");
  const path = queryAt < 0 ? withoutFragment : withoutFragment.slice(0, queryAt);
  const query = queryAt < 0 ? "" : withoutFragment.slice(queryAt + 1);
  const segments = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split("/");
  // A path that ends in a static file name is a CDN layout (`/lib/<account hash>/images/<uuid>.png`): its
  // hashes name the asset, not the reader. Tracking pixels with such names are caught by size instead.
  const isAsset = !inAssetPaths && assetFile.test(segments[segments.length - 1] ?? "");
  for (const segment of isAsset ? [] : segments) {
    if (segment === "") continue;
    const kind = kindOf(safeDecode(segment).replace(/\.[a-z]{2,4}$/i, ""));
    if (kind) return kind;
  }
  for (const pair of query.split(/&(?:amp;)?/)) {
    const value = safeDecode(pair.slice(pair.indexOf("=") + 1));
    const kind = kindOf(value);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * The kind of an opaque token that is a whole label of the host name, left of its registrable domain
 * (`<uuid>.t.example`): a per-reader subdomain names the reader in the DNS lookup and the request.
 *
 * Weaker than a token in the path, so callers count it only where other evidence already exists (a tiny, small
 * or hidden image, a hidden or 1px element): content hosts carry hash-like labels too (S3/R2/Azure bucket and
 * account names, preview deployments), and a per-reader label cannot be told from a per-account one in one
 * message. CloudFront (`d1a2b3c4d5e6f7`, 14 characters) and AMP cache labels fall below the 16-hex floor or hold
 * non-hex letters; a host is lower case, so only UUIDs and hex can match.
 * @param url - An absolute URL as the browser fetches it (`Resource.absoluteUrl`).
 * @example findHostToken("https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example/p.gif") //=> "hex"
 */
export function findHostToken(url: string): TokenKind | undefined {
  const host = parseHttpUrl(url)?.host;
  if (host === undefined || host.startsWith("[")) return undefined;
  const labels = host.split(".");
  // The registrable domain has at least two labels (`t.example`), and a domain the sender registered is theirs
  // for every reader.
  for (let i = 0; i < labels.length - 2; i++) {
    const kind = kindOf(labels[i] ?? "");
    if (kind) return kind;
  }
  return undefined;
}
