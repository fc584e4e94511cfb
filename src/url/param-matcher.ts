/**
 * Tracking-parameter rules compiled once into fast lookups: an exact-name map and a prefix list for global
 * rules, and the same per host for per-site rules. Names match case-insensitively.
 */
import { trackingParams, type TrackingParamRule } from "../data/tracking-params.js";

/** A tracking-parameter rule as the cleaner reports it. */
export interface ParamRule {
  /** Short id for reports: "utm_*" -> "utm", "pd_rd_*" -> "pd_rd", "fbclid" -> "fbclid". */
  readonly id: string;
  readonly vendor: string;
}

interface RuleSet {
  readonly exact: Map<string, ParamRule>;
  readonly prefixes: Array<readonly [prefix: string, rule: ParamRule]>;
}

/** Short rule id for reports: "utm_*" -> "utm", "pd_rd_*" -> "pd_rd", "fbclid" -> "fbclid". */
export function paramRuleId(rule: TrackingParamRule): string {
  return rule.name.replace(/_?\*$/, "");
}

function emptyRuleSet(): RuleSet {
  return { exact: new Map(), prefixes: [] };
}

function addRule(set: RuleSet, rule: TrackingParamRule): void {
  const name = rule.name.toLowerCase();
  const compiled: ParamRule = { id: paramRuleId(rule), vendor: rule.vendor };
  if (name.endsWith("*")) set.prefixes.push([name.slice(0, -1), compiled]);
  else if (!set.exact.has(name)) set.exact.set(name, compiled);
}

function lookup(set: RuleSet, name: string): ParamRule | undefined {
  const exact = set.exact.get(name);
  if (exact) return exact;
  for (const [prefix, rule] of set.prefixes) if (name.startsWith(prefix)) return rule;
  return undefined;
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
  const { siteRules } = tables();
  if (siteRules.size === 0 || host === "") return sets;
  for (let suffix = host; ; ) {
    const set = siteRules.get(suffix);
    if (set) sets.push(set);
    const dot = suffix.indexOf(".");
    if (dot < 0) return sets;
    suffix = suffix.slice(dot + 1);
  }
}

/** Finds the rule that marks a normalized parameter name as tracking on one host. */
export type ParamRuleLookup = (normalizedName: string) => ParamRule | undefined;

/**
 * A lookup for the rule that marks a (normalized) parameter name as tracking on `host`: global rules first, then
 * the per-site rules of the host and its parent domains. The host's rule sets are found once, not per parameter.
 */
export function paramRulesFor(host: string): ParamRuleLookup {
  // Found on the first parameter a global rule does not claim: a URL without parameters never looks.
  let sites: RuleSet[] | undefined;
  const { globalRules } = tables();
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

// ---- A pre-check over every rule of every site, so most names are ruled out without building a string ----

/** Bits of the name-hash filter: ~400 names in 8192 bits leave about one unknown name in twenty to the lookup. */
const FILTER_BITS = 8192;

/** Case-insensitive hash of an ASCII name (the lower-case form, as the rules are stored), from char codes. */
function nameHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    hash = (Math.imul(hash, 31) + (code >= 0x41 && code <= 0x5a ? code | 0x20 : code)) | 0;
  }
  return hash & (FILTER_BITS - 1);
}

/** The rules compiled into lookups, and the pre-check's filter over all of them. */
interface Tables {
  readonly globalRules: RuleSet;
  readonly siteRules: ReadonlyMap<string, RuleSet>;
  /** Every exact name of every rule set, hashed. */
  readonly exactNameFilter: Uint8Array;
  /** Every prefix of every rule set (all ASCII, lower case). */
  readonly allPrefixes: readonly string[];
}

function compileTables(): Tables {
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
  const exactNameFilter = new Uint8Array(FILTER_BITS);
  const allPrefixes: string[] = [];
  for (const set of [globalRules, ...siteRules.values()]) {
    for (const name of set.exact.keys()) exactNameFilter[nameHash(name, 0, name.length)] = 1;
    for (const [prefix] of set.prefixes) if (!allPrefixes.includes(prefix)) allPrefixes.push(prefix);
  }
  return { globalRules, siteRules, exactNameFilter, allPrefixes };
}

let compiled: Tables | undefined;

/**
 * The tables, compiled on first use and shared: the rules never change. Compiling them at import cost every
 * import a few milliseconds (cold code over ~700 names), paid now only by a process that cleans a link.
 */
function tables(): Tables {
  return (compiled ??= compileTables());
}

/** True when `text` holds `prefix` (lower-case ASCII) at `start`, in any case, before `end`. */
function hasPrefixAt(text: string, start: number, end: number, prefix: string): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const code = text.charCodeAt(start + i);
    if ((code >= 0x41 && code <= 0x5a ? code | 0x20 : code) !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * False only when no rule of any site can match the parameter name `text.slice(start, end)`: a sound pre-check
 * for {@link paramRulesFor}, read from char codes without building a string. Names with "%" or non-ASCII
 * characters (which decode or lower-case to other characters) always answer true.
 */
export function mayBeTrackingName(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25 /* % */ || code >= 0x80) return true;
  }
  const { exactNameFilter, allPrefixes } = tables();
  if (exactNameFilter[nameHash(text, start, end)] === 1) return true;
  for (const prefix of allPrefixes) if (hasPrefixAt(text, start, end, prefix)) return true;
  return false;
}
