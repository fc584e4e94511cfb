// The known-tracker detector: open-time fetches of known open-tracking endpoints (src/data/open-trackers.ts and
// the user's `trackers`), whatever their size or visibility. Links are never judged here: a link is fetched
// only on click, and cleaning it is the click-tracking detector's job.

import { openTrackers } from "../data/open-trackers.js";
import type { Detector, Element, Finding, Resource, TrackerRule } from "../types.js";
import { HostIndex } from "../url/host-index.js";
import { parameterFirst, serverSpelling } from "../url/server-spellings.js";
import { parseHttpUrl, type HttpUrlParts } from "../url/url-parts.js";
import { fitsIn, hasNoArea, sizeOf } from "./element-size.js";

/** The largest width or height (px) of an element that counts as pixel evidence for an `evidence: "pixel"` rule. */
const tinySize = 6;
const imageVectors: ReadonlySet<string> = new Set(["img", "srcset", "input-image", "source", "svg-image"]);

/**
 * A compiled rule list: a host index for the rules with a host condition (`hosts` or `hostPattern`), one pre-filter
 * for the rules without.
 */
export interface TrackerMatcher {
  /** The first rule this URL matches; `evidence` rules only when `hasEvidence()` says the element is a pixel. */
  match(url: string, hasEvidence: () => boolean): TrackerRule | undefined;
}

/**
 * A rule as the matcher reads it, in the same object shape for every rule (rules come in many shapes, and reading
 * them in the lookup loop is then slow), with its place in the list: the first match in list order wins.
 */
interface CompiledRule {
  /** The rule `match` answers with: a copy with a stateless path (see `stateless`). */
  readonly rule: TrackerRule;
  readonly order: number;
  readonly hosts: readonly string[] | undefined;
  readonly hostPattern: RegExp | undefined;
  readonly path: RegExp;
  readonly pixel: boolean;
  /** Its path names the query's first parameter (`/track/open.php\?u=`): it is also tried on other orders. */
  readonly namesParameter: boolean;
}

/** A path whose query part starts with a parameter name and `=`. */
const namedParameter = /\\\?[A-Za-z0-9_-]+=/;
/** Each parameter name a path names first (`\?u=` in its source). */
const namedParameters = /\\\?([A-Za-z0-9_-]+)=/g;

/** Copies a rule with a stateless path (a `g` or `y` flag would make `test` depend on the previous call). */
function stateless(rule: TrackerRule): TrackerRule {
  const { path } = rule;
  const hosts = rule.hosts?.map((host) => host.toLowerCase().replace(/^\./, ""));
  return {
    ...rule,
    ...(hosts ? { hosts } : {}),
    path: path.global || path.sticky ? new RegExp(path.source, path.flags.replace(/[gy]/g, "")) : path,
  };
}

/** The rule at `order` in the list, as the matcher reads it. */
function compile(original: TrackerRule, order: number): CompiledRule {
  const rule = stateless(original);
  return {
    rule,
    order,
    hosts: rule.hosts,
    hostPattern: rule.hostPattern,
    path: rule.path,
    pixel: rule.evidence === "pixel",
    namesParameter: namedParameter.test(rule.path.source),
  };
}

/**
 * Whether the case-insensitive pre-filter can stand for this host-less path: it must match wherever the path
 * does. Joined, a back-reference, a named group or a lookbehind may change meaning. Adding `i` widens a path,
 * except a negated class (`/[^A-Z]/` matches "a", `/[^A-Z]/i` does not) or a negative lookahead, which it narrows;
 * any other flag (`m`, `s`, `u`...) changes what the path matches. Such paths are tested on every URL instead.
 */
function joinable(path: RegExp): boolean {
  if (/\\[1-9]|\\k<|\(\?</.test(path.source)) return false;
  return path.flags === "i" || (path.flags === "" && !/\[\^|\(\?!/.test(path.source));
}

/** One case-insensitive alternation of the paths: a superset, so a miss rules them all out at once. */
function preFilter(rules: readonly CompiledRule[]): RegExp | undefined {
  if (rules.length === 0) return undefined;
  return new RegExp(rules.map((rule) => `(?:${rule.path.source})`).join("|"), "i");
}

/**
 * What a rule's `path` is tested on: the path ("/" when empty) and the query, without the fragment. Both present,
 * it is one slice of the URL (a concatenation would be flattened into a fresh copy by the first regex).
 */
function targetOf(url: string, parts: HttpUrlParts): string {
  if (parts.query === "") return parts.path || "/";
  if (parts.path === "") return `/?${parts.query}`;
  return url.slice(parts.pathStart, parts.pathStart + parts.path.length + 1 + parts.query.length);
}

/**
 * The first rule of `named` and `anyHost` (each in list order) that matches, taking the two in list order;
 * `reordered`: the target is the query in another order, only rules that name a parameter are tried.
 */
function firstMatch(
  named: readonly CompiledRule[],
  anyHost: readonly CompiledRule[],
  target: string,
  hasEvidence: () => boolean,
  reordered = false,
): TrackerRule | undefined {
  let i = 0;
  let j = 0;
  while (i < named.length || j < anyHost.length) {
    const a = named[i];
    const b = anyHost[j];
    let rule: CompiledRule;
    if (a !== undefined && (b === undefined || a.order < b.order)) {
      rule = a;
      i++;
    } else {
      rule = b!;
      j++;
    }
    if (reordered && !rule.namesParameter) continue;
    if (rule.path.test(target) && (!rule.pixel || hasEvidence())) return rule.rule;
  }
  return undefined;
}

/**
 * Compiles rules into a matcher. A URL costs one memoized host lookup (the rules whose host condition it meets:
 * none, for most hosts) and one pre-filter test for the rules without one; only the rules left are tested one by
 * one, in list order. The same answer as testing every rule in turn (test/detectors/known-tracker.property.test.ts).
 * When none matches the URL as written, the rules are tried on the spellings a server reads the same
 * (`server-spellings.ts`): escapes of unreserved characters decoded and slashes merged, then each query
 * parameter moved first (for the rules that name one).
 */
export function compileTrackers(rules: readonly TrackerRule[]): TrackerMatcher {
  const compiled = rules.map(compile);
  const index = new HostIndex(compiled.filter((rule) => rule.hosts !== undefined || rule.hostPattern !== undefined));
  const anyHost = compiled.filter((rule) => rule.hosts === undefined && rule.hostPattern === undefined);
  const covered = anyHost.filter((rule) => joinable(rule.path));
  /** The host-less rules to test when the pre-filter misses: those it cannot stand for. */
  const uncovered = anyHost.filter((rule) => !joinable(rule.path));
  const anyHostFilter = preFilter(covered);
  // Other orders of a query matter only for the rules that name its first parameter, and only for those names.
  const parameterRules = anyHost.filter((rule) => rule.namesParameter);
  const firstParameters = new Set(compiled.flatMap((rule) => [...rule.path.source.matchAll(namedParameters)].map((match) => match[1]!.toLowerCase())));
  return {
    match(url, hasEvidence) {
      const parts = parseHttpUrl(url);
      if (!parts) return undefined;
      const named = index.matching(parts.host);
      if (named.length === 0 && anyHost.length === 0) return undefined;
      // A miss (almost every content URL) leaves only the rules for this host and those the pre-filter does not cover.
      const matchOn = (target: string): TrackerRule | undefined =>
        firstMatch(named, anyHostFilter !== undefined && anyHostFilter.test(target) ? anyHost : uncovered, target, hasEvidence);
      const written = targetOf(url, parts);
      const spelled = serverSpelling(written);
      const target = spelled ?? written;
      let rule = matchOn(written) ?? (spelled === undefined ? undefined : matchOn(spelled));
      if (rule !== undefined || !target.includes("&")) return rule;
      for (const order of parameterFirst(target, firstParameters)) {
        if ((rule = firstMatch(named, parameterRules, order, hasEvidence, true)) !== undefined) return rule;
      }
      return undefined;
    },
  };
}

/**
 * Tiny (every given dimension at most 6 px, or one of them 0, read as the pixel detector reads sizes: HTML dimensions, `<style>`
 * rules, inline style) or hidden.
 */
function isPixelLike(element: Element): boolean {
  if (element.hiddenBy !== undefined) return true;
  const size = sizeOf(element);
  return fitsIn(size, tinySize) || hasNoArea(size);
}

function judge(element: Element, resource: Resource, matcher: TrackerMatcher, name: string): Finding | undefined {
  if (resource.fetch !== "open" || resource.absoluteUrl === undefined) return undefined;
  let evidence: boolean | undefined;
  const rule = matcher.match(resource.absoluteUrl, () => (evidence ??= isPixelLike(element)));
  if (!rule) return undefined;
  return { detector: name, reason: reasonFor(rule, imageVectors.has(resource.vector) ? "open pixel" : "open tracker"), vendor: rule.vendor, resource };
}

/**
 * The report's phrase. A rule that names no host matches a path shape other senders use too (`/track/open.php`,
 * `/open.gif`): it says whose shape the path has ("Mailchimp-style open pixel path"), not that the vendor sent it.
 */
function reasonFor(rule: TrackerRule, what: string): string {
  const onlyWhenPixelLike = rule.evidence === "pixel";
  if (!rule.hosts && !rule.hostPattern) return `${rule.vendor}-style ${what} path${onlyWhenPixelLike ? " (tiny or hidden)" : ""}`;
  return `${rule.vendor} ${what} (known endpoint${onlyWhenPixelLike ? ", tiny or hidden" : ""})`;
}

function detectorFor(matcher: TrackerMatcher): Detector {
  return {
    name: "known-tracker",
    needs: "resources",
    // Every element: resources reach detectors from many vectors (attributes, srcset, inline and <style> CSS).
    // The engine asks only about elements that may have a resource, and has found them before any detector runs.
    detect(element) {
      let findings: Finding[] | undefined;
      for (const resource of element.resources) {
        const finding = judge(element, resource, matcher, this.name);
        if (finding) (findings ??= []).push(finding);
      }
      return findings;
    },
  };
}

let builtIn: Detector | undefined;

/**
 * Creates the known-tracker detector over the built-in rules plus `extra` (already validated).
 * @example knownTrackerDetector([{ id: "acme", vendor: "Acme", hosts: ["t.acme.example"], path: /^\/o\// }])
 */
export function knownTrackerDetector(extra: readonly TrackerRule[] = []): Detector {
  if (extra.length > 0) return detectorFor(compileTrackers([...openTrackers, ...extra]));
  // The built-in rules compile once, on first use, and are shared: they never change.
  return (builtIn ??= detectorFor(compileTrackers(openTrackers)));
}

const ruleKeys: ReadonlySet<string> = new Set([
  "id", "vendor", "hosts", "hostPattern", "path", "evidence", "source", "verifiedBy", "example", "contentExample",
]);
const hostName = /^(?:\.?[a-z0-9_-]+)(?:\.[a-z0-9_-]+)*(?:\.\*)?$/i;

/** Validates the `trackers` option; throws a TypeError naming the bad rule and field, e.g. `trackers[3].path`. */
export function checkTrackerRules(value: unknown): readonly TrackerRule[] {
  if (value === undefined) return [];
  const fail = (field: string, expectation: string): never => {
    throw new TypeError(`strip-tracking: option "${field}" ${expectation}`);
  };
  if (!Array.isArray(value)) fail("trackers", "must be an array of tracker rules ({ id, vendor, hosts | hostPattern, path })");
  (value as unknown[]).forEach((rule, i) => {
    const at = `trackers[${i}]`;
    if (typeof rule !== "object" || rule === null) fail(at, "must be an object");
    const r = rule as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!ruleKeys.has(key)) fail(`${at}.${key}`, "is not a tracker rule field");
    if (typeof r["id"] !== "string" || r["id"] === "") fail(`${at}.id`, "must be a non-empty string");
    if (typeof r["vendor"] !== "string" || r["vendor"] === "") fail(`${at}.vendor`, "must be a non-empty string");
    if (!(r["path"] instanceof RegExp)) fail(`${at}.path`, "must be a RegExp");
    const hosts = r["hosts"];
    if (hosts !== undefined) {
      if (!Array.isArray(hosts) || hosts.length === 0) fail(`${at}.hosts`, "must be a non-empty array of host names");
      (hosts as unknown[]).forEach((host, j) => {
        if (typeof host !== "string" || !hostName.test(host)) fail(`${at}.hosts[${j}]`, "must be a host name such as \"t.example.com\"");
      });
    }
    if (r["hostPattern"] !== undefined && !(r["hostPattern"] instanceof RegExp)) fail(`${at}.hostPattern`, "must be a RegExp");
    if (r["evidence"] !== undefined && r["evidence"] !== "pixel") fail(`${at}.evidence`, "must be \"pixel\" or absent");
    const source = r["source"] as Record<string, unknown> | undefined;
    if (source !== undefined && (typeof source !== "object" || source === null || typeof source["ref"] !== "string" || typeof source["licence"] !== "string")) {
      fail(`${at}.source`, "must be { ref: string, licence: string } or absent");
    }
  });
  return Object.freeze([...(value as TrackerRule[])]);
}
