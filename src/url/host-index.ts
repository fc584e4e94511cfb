// Rules indexed by the hosts they name, so a URL is checked only against the rules that could apply to it
// instead of against every rule in turn.

import { getDomainWithoutSuffix } from "tldts";
import { hostMatches } from "./url-parts.js";

interface HostRule {
  /** Host suffixes; "name.*" means name.<any public suffix>. Absent: any host. */
  readonly hosts?: readonly string[];
  /** Hosts a suffix cannot express. */
  readonly hostPattern?: RegExp;
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

function matches(rule: HostRule, host: Host): boolean {
  if (rule.hostPattern && !rule.hostPattern.test(host.name)) return false;
  if (!rule.hosts) return true;
  return rule.hosts.some((entry) =>
    entry.endsWith(".*") ? host.registrableLabel === entry.slice(0, -2) : hostMatches(host.name, entry),
  );
}

export class HostIndex<Rule extends HostRule> {
  private readonly bySuffix = new Map<string, number[]>();
  private readonly byLabel = new Map<string, number[]>();
  private readonly anyHost: number[] = [];
  /** The rules for any host, when no rule names this host: the common case, answered without allocating. */
  private readonly anyHostRules: Rule[];
  private readonly anyHostNeedsPattern: boolean;

  constructor(private readonly rules: readonly Rule[]) {
    this.anyHostRules = rules.filter((rule) => !rule.hosts);
    this.anyHostNeedsPattern = this.anyHostRules.some((rule) => rule.hostPattern);
    rules.forEach((rule, index) => {
      if (!rule.hosts) {
        this.anyHost.push(index);
        return;
      }
      for (const entry of rule.hosts) {
        const [map, key] = entry.endsWith(".*") ? [this.byLabel, entry.slice(0, -2)] : [this.bySuffix, entry];
        const list = map.get(key) ?? [];
        list.push(index);
        map.set(key, list);
      }
    });
  }

  /**
   * A memo of `find` by host name. The answer depends only on the host and the rules, which never change, so
   * it cannot alter a result; mail repeats its few hosts in every link. Bounded: cleared when full.
   */
  private readonly memo = new Map<string, readonly Rule[]>();

  /** The rules that match this host, in their original order. */
  matching(host: Host): readonly Rule[] {
    let found = this.memo.get(host.name);
    if (found === undefined) {
      if (this.memo.size >= 4096) this.memo.clear();
      found = this.find(host);
      this.memo.set(host.name, found);
    }
    return found;
  }

  /** The rules that match this host, in their original order, found afresh (see `matching` for the memo). */
  find(host: Host): readonly Rule[] {
    // The index only narrows which named rules to check; `matches` decides, as for the rules for any host.
    let named: number[] | undefined;
    for (let suffix = host.name; ; ) {
      const found = this.bySuffix.get(suffix);
      if (found) (named ??= []).push(...found);
      const dot = suffix.indexOf(".");
      if (dot < 0) break;
      suffix = suffix.slice(dot + 1);
    }
    // Only ask tldts when the host has a label some rule names ("google" in "www.google.co.uk").
    for (const [label, found] of this.byLabel) {
      if (host.name.includes(label) && `.${host.name}.`.includes(`.${label}.`) && host.registrableLabel === label) {
        (named ??= []).push(...found);
      }
    }
    if (!named) {
      return this.anyHostNeedsPattern ? this.anyHostRules.filter((rule) => matches(rule, host)) : this.anyHostRules;
    }
    const candidates = named;
    return this.rules.filter((rule, index) => (!rule.hosts || candidates.includes(index)) && matches(rule, host));
  }
}
