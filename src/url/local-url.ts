// URLs that fetch nothing over the network: attachments (`cid:`), inline data and in-page objects.

/** The scheme as the WHATWG URL parser reads it: after leading C0 controls and spaces; tabs and newlines vanish. */
const schemePrefix = /^[\0- ]*([a-z][a-z0-9+.\-\t\n\r]*):/i;
const tabOrNewline = /[\t\n\r]/g;
const localSchemes: ReadonlySet<string> = new Set(["cid", "data", "blob", "about"]);

/**
 * The URL's scheme, lower-cased, as a browser reads it; undefined for a relative URL.
 * @example
 * urlScheme(" DA\nTA:text/css,a{}") //=> "data"
 */
export function urlScheme(url: string): string | undefined {
  const match = schemePrefix.exec(url);
  return match ? (match[1] as string).replace(tabOrNewline, "").toLowerCase() : undefined;
}

/**
 * True when the URL names an attachment or inline data, never a remote resource. Read as a browser reads it: a
 * no-break space before `cid:` makes a relative URL (fetched from the document's host), so it is not local.
 * A `data:` URL is local as an image (browsers load nothing an image document references); as a stylesheet it
 * is read for what it fetches (`src/css/data-url.ts`).
 * @param url - The URL as written (entity-decoded).
 * @example
 * isLocalUrl("cid:logo@x") //=> true
 * isLocalUrl("\u00a0cid:logo@x") //=> false
 */
export function isLocalUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined && localSchemes.has(scheme);
}

/**
 * True when the URL is a `data:` URL, as the WHATWG URL parser reads the scheme (`DATA:`, `da\nta:` too).
 * @param url - The URL as written (entity-decoded, CSS escapes decoded).
 * @example
 * isDataUrl("DATA:text/css,a{}") //=> true
 */
export function isDataUrl(url: string): boolean {
  return urlScheme(url) === "data";
}
