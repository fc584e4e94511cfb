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

/** Parses `url` when it is an absolute http(s) URL with a plausible host; undefined otherwise. */
export function parseHttpUrl(url: string): HttpUrlParts | undefined {
  const match = HTTP_URL.exec(url);
  if (!match) return undefined;
  const authority = match[1] ?? "";
  const hostAndPort = authority.slice(authority.lastIndexOf("@") + 1);
  const host = hostAndPort.replace(/:\d*$/, "").replace(/\.$/, "").toLowerCase();
  if (!VALID_HOST.test(host)) return undefined;
  const pathStart = match[0].length;
  const rest = url.slice(pathStart);
  const hash = rest.indexOf("#");
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const question = beforeHash.indexOf("?");
  return {
    host,
    pathStart,
    path: question < 0 ? beforeHash : beforeHash.slice(0, question),
    query: question < 0 ? "" : beforeHash.slice(question + 1),
  };
}

/** True when `host` is `suffix` or a subdomain of it. */
export function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || (host.endsWith(suffix) && host.charCodeAt(host.length - suffix.length - 1) === 0x2e);
}

/** The raw value of the first query parameter named one of `names` (case-insensitive), "&"-separated. */
export function queryParam(query: string, names: readonly string[]): string | undefined {
  if (query === "") return undefined;
  for (const part of query.split("&")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).toLowerCase();
    if (names.includes(name)) return part.slice(eq + 1);
  }
  return undefined;
}
