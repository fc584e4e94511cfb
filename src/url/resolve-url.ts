// Resolving a URL the way a mail client would, when we do not know the URL of the document it is shown in.
//
// Mail is shown in documents of every scheme: webmail over https (or plain http), a web view fed a string
// (about:blank), a file on disk. Most URLs read the same in all of them, but a special scheme written without
// `//` does not (WHATWG URL, "special relative or authority state"): `https:t.example/p.gif` is a path on the
// current host in an https document and `https://t.example/p.gif` in an http, file or about:blank one
// (`http:t.example` the other way round; `https:/t.example` and `https:\t.example` likewise). Measured in
// Chromium: an https frame fetches https://mail.invalid/m/t.example/p.gif, an http frame https://t.example/p.gif.
// A `<base href>` without a scheme keeps the ambiguity for every URL after it. We judge the reading that reaches
// a remote host, since that is the one that can tell a sender anything.

/** A host no document has: a reading that lands on it names no remote host. */
const placeholderHost = "relative.invalid";
/** The document URLs tried, in order: https first (the usual webmail), then http. */
const documentUrls: readonly string[] = [`https://${placeholderHost}/`, `http://${placeholderHost}/`];

interface Base {
  readonly href: string;
  readonly hostname: string;
}

function parse(url: string, base: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** The document's base URL under one document URL ("set the frozen base URL", HTML §4.2.3). */
function baseUnder(documentUrl: string, baseHref: string | undefined): Base {
  const documentBase = { href: documentUrl, hostname: placeholderHost };
  if (baseHref === undefined) return documentBase;
  const base = parse(baseHref, documentUrl);
  // A base that does not parse, or a data: or javascript: one, leaves the document URL in force.
  if (base === undefined || base.protocol === "data:" || base.protocol === "javascript:") return documentBase;
  return base;
}

/**
 * Resolves a URL as a browser would, in whichever document reading (https or http) makes it reach a remote
 * host. When both do (a base without a scheme: `<base href="//ok.example/">` then `https:t.example/p`), the
 * reading where the URL names its own host wins over the one where it inherits the base's: the base is judged
 * as a resource of its own. The WHATWG URL parser also strips leading and trailing C0 controls and spaces,
 * removes tabs and newlines, and reads `\` as `/` in http(s) URLs, so the result is the URL a browser fetches.
 * @param url - The URL as written (entities and CSS escapes decoded).
 * @param baseHref - The document's first `<base href>`, as written; undefined when there is none.
 * @returns The absolute URL; undefined when it does not parse or names no remote host in any reading (a
 *   path-relative URL without a base). URLs of other schemes (`mailto:`, `data:`, `cid:`) are returned as parsed.
 * @example
 * resolveUrl("https:t.example/p.gif", undefined) //=> "https://t.example/p.gif"
 * resolveUrl("p.gif", "https:t.example/u/")      //=> "https://t.example/u/p.gif"
 * resolveUrl("p.gif", undefined)                 //=> undefined
 */
export function resolveUrl(url: string, baseHref: string | undefined): string | undefined {
  if (isCanonicalHttpUrl(url)) return url; // what the parser would return, whatever the base
  let inherited: string | undefined;
  for (const documentUrl of documentUrls) {
    const base = baseUnder(documentUrl, baseHref);
    const resolved = parse(url, base.href);
    if (resolved === undefined) return undefined;
    if (resolved.hostname === placeholderHost) continue;
    if (resolved.hostname !== base.hostname) return resolved.href;
    inherited ??= resolved.href;
  }
  return inherited;
}

/** A host of lower-case ASCII letters, digits and hyphens in dot-separated labels, the last starting with a letter. */
const plainHost = /^(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*$/;

/**
 * True when `url` is an absolute http(s) URL that the WHATWG parser returns exactly as written, so most URLs in
 * mail need no parse. A sound under-approximation (test/url/resolve-url.test.ts checks it against `URL`): a
 * lower-case scheme and `//`; a host with nothing to normalise (no upper case, port, user info, IPv4 number or
 * IDNA label) that is not the placeholder (which names no remote host); a path that starts at once and holds no
 * dot segment (`/.`, `/%2e`); nowhere a character the parser encodes or rewrites (controls, space, `"'<>\^\`{|}`,
 * non-ASCII).
 */
export function isCanonicalHttpUrl(url: string): boolean {
  const afterScheme = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
  if (afterScheme < 0) return false;
  const slash = url.indexOf("/", afterScheme);
  if (slash < 0) return false;
  const host = url.slice(afterScheme, slash);
  if (!plainHost.test(host) || host.includes("xn--") || host === placeholderHost) return false;
  let inPath = true;
  for (let i = slash; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || unsafeInUrl[c] === 1) return false;
    if (c === 0x3f /* ? */ || c === 0x23 /* # */) inPath = false;
    // A dot segment is removed or resolved by the parser: any "/." or "/%2" in the path falls back to it.
    const next = url.charCodeAt(i + 1);
    if (inPath && c === 0x2f /* / */ && (next === 0x2e || (next === 0x25 && url.charCodeAt(i + 2) === 0x32))) return false;
  }
  return true;
}

/** ASCII characters the parser percent-encodes or rewrites somewhere in an http(s) URL (path, query, fragment). */
const unsafeInUrl = new Uint8Array(128);
for (const c of "\"'<>\\^`{|}[]") unsafeInUrl[c.charCodeAt(0)] = 1;

/**
 * The text a URL parser sees in an attribute value: leading and trailing C0 controls and spaces go (WHATWG URL
 * strips them), other white space (a no-break space) stays, since it keeps a URL relative.
 * @param value - The attribute value, entity-decoded.
 * @returns The value without leading and trailing U+0000-U+0020.
 * @example
 * urlText(" \u0001https://t.example/ ") //=> "https://t.example/"
 */
export function urlText(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}
