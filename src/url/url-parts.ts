/**
 * The few parts of an http(s) URL the cleaner needs, read from the string without re-serializing it.
 */

export interface HttpUrlParts {
  /** Lower-cased host without userinfo, port or trailing dot. */
  readonly host: string;
  /** Index where the path starts (the first "/", "?" or "#" after the authority, or the end). */
  readonly pathStart: number;
  /** The path alone (no query, no fragment); "" when absent. */
  readonly path: string;
  /** The query without "?" and without the fragment; "" when absent. */
  readonly query: string;
}

const HTTP_URL = /^https?:\/\/([^/?#\\\s]*)/i;
// Printable host characters only: anything else (spaces, controls, quotes) is not a host we can trust.
const VALID_HOST = /^(?:[^\s\0-\x1f"'<>\\^`{|}%/?#@:[\]]+|\[[0-9a-f:.]+\])$/i;

const enum CharCode {
  Hash = 0x23, // "#"
  Dot = 0x2e, // "."
  Slash = 0x2f, // "/"
  Colon = 0x3a, // ":"
  Question = 0x3f, // "?"
  At = 0x40, // "@"
  OpenBracket = 0x5b, // "["
  Backslash = 0x5c, // "\\"
  CloseBracket = 0x5d, // "]"
  LowerH = 0x68,
  LowerP = 0x70,
  LowerS = 0x73,
  LowerT = 0x74,
}

/** Length of "http://" or "https://" at the start of `url` (any case), or 0. */
export function schemeLength(url: string): number {
  if ((url.charCodeAt(0) | 0x20) !== CharCode.LowerH) return 0;
  if ((url.charCodeAt(1) | 0x20) !== CharCode.LowerT || (url.charCodeAt(2) | 0x20) !== CharCode.LowerT) return 0;
  if ((url.charCodeAt(3) | 0x20) !== CharCode.LowerP) return 0;
  const colon = (url.charCodeAt(4) | 0x20) === CharCode.LowerS ? 5 : 4;
  if (url.charCodeAt(colon) !== CharCode.Colon) return 0;
  if (url.charCodeAt(colon + 1) !== CharCode.Slash || url.charCodeAt(colon + 2) !== CharCode.Slash) return 0;
  return colon + 3;
}

/**
 * ASCII characters a host may not hold (as VALID_HOST says): controls, space, `"'<>\^\`{|}%/?#@:[]`. The
 * authority ends at the first of `/?#\` or a space; a non-ASCII character sends the URL to the regex path.
 */
const badHostChar = new Uint8Array(128);
for (let code = 0; code <= 0x20; code++) badHostChar[code] = 1;
for (const char of "\"'<>\\^`{|}%/?#@:[]") badHostChar[char.charCodeAt(0)] = 1;

/** The host of an ASCII authority, validated as VALID_HOST does; "" when invalid, undefined for non-ASCII. */
function asciiHost(url: string, start: number, end: number): string | undefined {
  let hostStart = start;
  for (let i = start; i < end; i++) {
    const code = url.charCodeAt(i);
    if (code >= 0x80) return undefined;
    if (code === CharCode.At) hostStart = i + 1;
  }
  // A port: ":" and digits at the end.
  let hostEnd = end;
  let i = end;
  while (i > hostStart && url.charCodeAt(i - 1) >= 0x30 && url.charCodeAt(i - 1) <= 0x39) i--;
  if (i > hostStart && url.charCodeAt(i - 1) === CharCode.Colon) hostEnd = i - 1;
  if (hostEnd > hostStart && url.charCodeAt(hostEnd - 1) === CharCode.Dot) hostEnd--;
  if (hostEnd === hostStart) return "";
  if (url.charCodeAt(hostStart) === CharCode.OpenBracket) {
    const host = url.slice(hostStart, hostEnd).toLowerCase();
    return VALID_HOST.test(host) ? host : "";
  }
  let upperCase = false;
  for (let j = hostStart; j < hostEnd; j++) {
    const code = url.charCodeAt(j);
    if (badHostChar[code] === 1) return "";
    if (code >= 0x41 && code <= 0x5a) upperCase = true;
  }
  const host = url.slice(hostStart, hostEnd);
  return upperCase ? host.toLowerCase() : host;
}

/** The host by the regexes: for authorities with non-ASCII characters (Unicode spaces end an authority). */
function hostByRegex(url: string): { host: string; pathStart: number } | undefined {
  const match = HTTP_URL.exec(url);
  if (!match) return undefined;
  const authority = match[1] ?? "";
  const hostAndPort = authority.slice(authority.lastIndexOf("@") + 1);
  const host = hostAndPort.replace(/:\d*$/, "").replace(/\.$/, "").toLowerCase();
  return VALID_HOST.test(host) ? { host, pathStart: match[0].length } : undefined;
}

/** Parses `url` when it is an absolute http(s) URL with a plausible host; undefined otherwise. */
export function parseHttpUrl(url: string): HttpUrlParts | undefined {
  const start = schemeLength(url);
  if (start === 0) return undefined;
  let pathStart = start;
  while (pathStart < url.length) {
    const code = url.charCodeAt(pathStart);
    if (code === CharCode.Slash || code === CharCode.Question || code === CharCode.Hash || code === CharCode.Backslash) break;
    // ASCII whitespace ends the authority (as \s does); other controls belong to it and make the host invalid.
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) break;
    pathStart++;
  }
  let host = asciiHost(url, start, pathStart);
  if (host === undefined) {
    const parsed = hostByRegex(url);
    if (!parsed) return undefined;
    host = parsed.host;
    pathStart = parsed.pathStart;
  }
  if (host === "") return undefined;
  const hash = url.indexOf("#", pathStart);
  const end = hash < 0 ? url.length : hash;
  const question = url.indexOf("?", pathStart);
  const queryStart = question >= 0 && question < end ? question : -1;
  return {
    host,
    pathStart,
    path: url.slice(pathStart, queryStart < 0 ? end : queryStart),
    query: queryStart < 0 ? "" : url.slice(queryStart + 1, end),
  };
}

/** True when `host` is `suffix` or a subdomain of it. */
export function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || (host.endsWith(suffix) && host.charCodeAt(host.length - suffix.length - 1) === 0x2e);
}

/** The raw value of the first query parameter named one of `names` (case-insensitive), "&"-separated. */
export function queryParam(query: string, names: readonly string[]): string | undefined {
  for (let start = 0; start < query.length; ) {
    let end = query.indexOf("&", start);
    if (end < 0) end = query.length;
    const eq = query.indexOf("=", start);
    if (eq >= 0 && eq < end && names.includes(query.slice(start, eq).toLowerCase())) return query.slice(eq + 1, end);
    start = end + 1;
  }
  return undefined;
}

/** Scheme and authority: in special schemes (WHATWG URL) a `\` is a `/`, so it also ends the host. */
const schemeAndAuthority = /^(?:(?:https?|wss?|ftp|file):[/\\]{2}[^/?#\\]*|[a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i;

/**
 * The part of a URL that is the sender's choice: path, query and fragment, without the scheme and host.
 * @example afterHost("https://t.example/o.gif?u=1") //=> "/o.gif?u=1"
 * @example afterHost("https://t.example\\u\\p.gif") //=> "\\u\\p.gif" (browsers fetch /u/p.gif)
 */
export function afterHost(url: string): string {
  return url.replace(schemeAndAuthority, "");
}
