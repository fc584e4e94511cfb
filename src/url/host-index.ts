// Rules indexed by the hosts they name, so a URL is checked only against the rules that could apply to it
// instead of against every rule in turn.

import { getDomainWithoutSuffix } from "tldts";
import { ownString } from "../base/own-string.js";
import { hostMatches } from "./url-parts.js";

interface HostRule {
  /** Host suffixes; "name.*" means name.<any public suffix>. Absent: any host. */
  readonly hosts?: readonly string[] | undefined;
  /** Hosts a suffix cannot express. */
  readonly hostPattern?: RegExp | undefined;
}

/** A host, with its registrable label (`google` for `www.google.co.uk`) looked up at most once: tldts is costly. */
export class Host {
  private label: string | null | undefined;

  constructor(readonly name: string) {}

  get registrableLabel(): string | null {
    if (this.label === undefined) this.label = getDomainWithoutSuffix(this.name);
    return this.label;
  }
}

/**
 * One rule's host condition, in the same object shape for every rule: the rules themselves come in many shapes
 * (optional fields), and reading them in the lookup loops is then slow.
 */
interface HostCondition {
  /** False for a rule without `hosts` (any host, subject to `pattern`). */
  readonly named: boolean;
  readonly hosts: readonly string[];
  readonly pattern: RegExp | undefined;
}

function conditionOf(rule: HostRule): HostCondition {
  return { named: rule.hosts !== undefined, hosts: rule.hosts ?? [], pattern: rule.hostPattern };
}

function matches(condition: HostCondition, host: Host): boolean {
  if (condition.pattern !== undefined && !condition.pattern.test(host.name)) return false;
  if (!condition.named) return true;
  return condition.hosts.some((entry) =>
    entry.endsWith(".*") ? host.registrableLabel === entry.slice(0, -2) : hostMatches(host.name, entry),
  );
}

/**
 * The host patterns in one alternation, which matches exactly when one of them does: a miss answers for all
 * in one scan. Undefined when joining could change a pattern's meaning (mixed or stateful flags, back-references).
 */
function joinedPattern(patterns: readonly RegExp[]): RegExp | undefined {
  const flags = patterns[0]?.flags ?? "";
  const joinable = patterns.every(
    (pattern) => pattern.flags === flags && !/[gy]/.test(flags) && !/\\[1-9]|\\k<|\(\?</.test(pattern.source),
  );
  return joinable ? new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join("|"), flags) : undefined;
}

export class HostIndex<Rule extends HostRule> {
  private readonly bySuffix = new Map<string, number[]>();
  private readonly byLabel: Array<readonly [label: string, indexes: number[]]> = [];
  private readonly conditions: readonly HostCondition[];
  /** The rules for any host, when no rule names this host and no host pattern matches: answered without allocating. */
  private readonly anyHostUnpatterned: readonly Rule[];
  /** The rules for any host that have a host pattern, and their patterns joined (see `joinedPattern`). */
  private readonly anyHostPatterned: readonly Rule[];
  /** Built on the first lookup that needs it: an index made per configuration may never need it. */
  private anyHostPattern: RegExp | null | undefined;

  constructor(private readonly rules: readonly Rule[]) {
    this.conditions = rules.map(conditionOf);
    const anyHost = rules.filter((rule) => !rule.hosts);
    this.anyHostUnpatterned = anyHost.filter((rule) => !rule.hostPattern);
    this.anyHostPatterned = anyHost.filter((rule) => rule.hostPattern);
    rules.forEach((rule, index) => {
      for (const entry of rule.hosts ?? []) {
        if (entry.endsWith(".*")) {
          const label = entry.slice(0, -2);
          const found = this.byLabel.find(([known]) => known === label);
          if (found) found[1].push(index);
          else this.byLabel.push([label, [index]]);
        } else {
          const list = this.bySuffix.get(entry) ?? [];
          list.push(index);
          this.bySuffix.set(entry, list);
        }
      }
    });
  }

  /**
   * A memo of `find` by host name. The answer depends only on the host and the rules, which never change, so
   * it cannot alter a result; mail repeats its few hosts in every link. Bounded: cleared when full. An index
   * can live as long as the process (a module's rules), so its keys are its own (see `ownString`).
   */
  private readonly memo = new Map<string, readonly Rule[]>();

  /**
   * The rules that match the host `name` (lower case, as `parseHttpUrl` gives it), in their original order.
   * A host seen before costs one map lookup, and no allocation.
   */
  matching(name: string): readonly Rule[] {
    let found = this.memo.get(name);
    if (found === undefined) {
      if (this.memo.size >= 4096) this.memo.clear();
      found = this.find(new Host(name));
      // The name is often a slice of the URL, itself a slice of an input chunk: kept as it is, the key would
      // keep the whole chunk alive for as long as the index lives.
      this.memo.set(ownString(name), found);
    }
    return found;
  }

  /** The rules that match this host, in their original order, found afresh (see `matching` for the memo). */
  find(host: Host): readonly Rule[] {
    // The index only narrows which named rules to check; `matches` decides, as for the rules for any host.
    const name = host.name;
    let named: number[] | undefined;
    for (let suffix = name; ; ) {
      const found = this.bySuffix.get(suffix);
      if (found) (named ??= []).push(...found);
      const dot = suffix.indexOf(".");
      if (dot < 0) break;
      suffix = suffix.slice(dot + 1);
    }
    // Only ask tldts when the host has a label some rule names ("google" in "www.google.co.uk").
    for (const [label, found] of this.byLabel) {
      if (name.includes(label) && `.${name}.`.includes(`.${label}.`) && host.registrableLabel === label) {
        (named ??= []).push(...found);
      }
    }
    const candidates = named;
    if (candidates === undefined) {
      if (this.anyHostPatterned.length === 0) return this.anyHostUnpatterned;
      this.anyHostPattern ??= joinedPattern(this.anyHostPatterned.flatMap((rule) => (rule.hostPattern ? [rule.hostPattern] : []))) ?? null;
      if (this.anyHostPattern !== null && !this.anyHostPattern.test(name)) return this.anyHostUnpatterned;
    }
    return this.rules.filter((_, index) => {
      const condition = this.conditions[index]!;
      return (!condition.named || (candidates?.includes(index) ?? false)) && matches(condition, host);
    });
  }
}
