/**
 * Tracking-parameter rules compiled once into fast lookups: an exact-name map and a prefix list for global
 * rules, and the same per host for per-site rules. Names match case-insensitively.
 */
import { trackingParams, type TrackingParamRule } from "../data/tracking-params.js";

interface RuleSet {
  readonly exact: Map<string, TrackingParamRule>;
  readonly prefixes: Array<readonly [prefix: string, rule: TrackingParamRule]>;
}

function emptyRuleSet(): RuleSet {
  return { exact: new Map(), prefixes: [] };
}

function addRule(set: RuleSet, rule: TrackingParamRule): void {
  const name = rule.name.toLowerCase();
  if (name.endsWith("*")) set.prefixes.push([name.slice(0, -1), rule]);
  else if (!set.exact.has(name)) set.exact.set(name, rule);
}

function lookup(set: RuleSet, name: string): TrackingParamRule | undefined {
  const exact = set.exact.get(name);
  if (exact) return exact;
  for (const [prefix, rule] of set.prefixes) if (name.startsWith(prefix)) return rule;
  return undefined;
}

const globalRules = emptyRuleSet();
const siteRules = new Map<string, RuleSet>();
for (const rule of trackingParams) {
  if (!rule.hosts) {
    addRule(globalRules, rule);
    continue;
  }
  for (const host of rule.hosts) {
    const key = host.toLowerCase();
    let set = siteRules.get(key);
    if (!set) siteRules.set(key, (set = emptyRuleSet()));
    addRule(set, rule);
  }
}

/** Short rule id for reports: "utm_*" -> "utm", "pd_rd_*" -> "pd_rd", "fbclid" -> "fbclid". */
export function paramRuleId(rule: TrackingParamRule): string {
  return rule.name.replace(/_?\*$/, "");
}

/** Lower-cased, percent-decoded parameter name ("utm%5Fsource" -> "utm_source"); raw on bad escapes. */
export function normalizeParamName(name: string): string {
  if (!name.includes("%")) return name.toLowerCase();
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** The per-site rule sets that apply on `host`: its own and its parent domains' (the registrable one included). */
function siteRulesFor(host: string): RuleSet[] {
  const sets: RuleSet[] = [];
  if (siteRules.size === 0 || host === "") return sets;
  for (let suffix = host; ; ) {
    const set = siteRules.get(suffix);
    if (set) sets.push(set);
    const dot = suffix.indexOf(".");
    if (dot < 0) return sets;
    suffix = suffix.slice(dot + 1);
  }
}

/**
 * A lookup for the rule that marks a (normalized) parameter name as tracking on `host`: global rules first, then
 * the per-site rules of the host and its parent domains. The host's rule sets are found once, not per parameter.
 */
export function paramRulesFor(host: string): (normalizedName: string) => TrackingParamRule | undefined {
  // Found on the first parameter a global rule does not claim: a URL without parameters never looks.
  let sites: RuleSet[] | undefined;
  return (normalizedName) => {
    const global = lookup(globalRules, normalizedName);
    if (global) return global;
    sites ??= siteRulesFor(host);
    for (const set of sites) {
      const rule = lookup(set, normalizedName);
      if (rule) return rule;
    }
    return undefined;
  };
}
