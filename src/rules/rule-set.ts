// A compiled list of allow or block rules: CSS selectors for elements, URL patterns for resources.

import type { Ancestor } from "../types.js";
import { compileSelector, type ElementMatcher } from "./selector.js";
import { optionError } from "../errors.js";

interface UrlPattern {
  /** Lower-case host; matches itself and its subdomains. */
  readonly host: string;
  /** Path prefix, "" for any path. */
  readonly path: string;
}

export interface RuleSet {
  readonly isEmpty: boolean;
  /** True when a selector rule matches the element. */
  matchesElement(element: Ancestor, ancestors: readonly Ancestor[]): boolean;
  /** True when a URL pattern matches this absolute URL. */
  matchesUrl(absoluteUrl: string | undefined): boolean;
}

function parseUrlPattern(pattern: string, option: string): UrlPattern {
  const withoutScheme = pattern.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^\/\//, "");
  const slash = withoutScheme.indexOf("/");
  const host = (slash < 0 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase().replace(/\.$/, "");
  if (!/^[a-z0-9.-]+$/.test(host) || host.startsWith(".") || !host.includes(".")) {
    throw optionError(option, `has a URL pattern without a valid host: "${pattern}"`);
  }
  return { host, path: slash < 0 ? "" : withoutScheme.slice(slash) };
}

function urlMatches(pattern: UrlPattern, url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host !== pattern.host && !host.endsWith(`.${pattern.host}`)) return false;
  return pattern.path === "" || `${url.pathname}${url.search}`.startsWith(pattern.path);
}

/** Validates and compiles the `allow` or `block` option. */
export function compileRules(rules: unknown, option: "allow" | "block"): RuleSet {
  if (rules === undefined) rules = [];
  if (!Array.isArray(rules)) {
    throw optionError(option, "must be an array of rules");
  }
  const selectors: ElementMatcher[] = [];
  const urls: UrlPattern[] = [];
  for (const rule of rules as unknown[]) {
    if (rule !== null && typeof rule === "object" && "selector" in rule && "url" in rule) {
      throw optionError(option, "entries take a selector or a url, not both: give them as two rules");
    }
    if (typeof rule === "string") selectors.push(compileSelector(rule));
    else if (rule !== null && typeof rule === "object" && typeof (rule as { selector?: unknown }).selector === "string") {
      selectors.push(compileSelector((rule as { selector: string }).selector));
    } else if (rule !== null && typeof rule === "object" && typeof (rule as { url?: unknown }).url === "string") {
      urls.push(parseUrlPattern((rule as { url: string }).url, option));
    } else {
      throw optionError(option, "entries must be a selector string, { selector } or { url }");
    }
  }
  return {
    isEmpty: selectors.length === 0 && urls.length === 0,
    matchesElement: (element, ancestors) => selectors.some((matches) => matches(element, ancestors)),
    matchesUrl(absoluteUrl) {
      if (urls.length === 0 || absoluteUrl === undefined) return false;
      let url: URL;
      try {
        url = new URL(absoluteUrl);
      } catch {
        return false;
      }
      return urls.some((pattern) => urlMatches(pattern, url));
    },
  };
}
