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

  constructor(private readonly rules: readonly Rule[]) {
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

  /** The rules that match this host, in their original order. */
  matching(host: Host): Rule[] {
    let indexes: number[] | undefined;
    const add = (found: readonly number[] | undefined | null | ""): void => {
      if (found) indexes = [...(indexes ?? this.anyHost), ...found];
    };
    for (let suffix = host.name; ; ) {
      add(this.bySuffix.get(suffix));
      const dot = suffix.indexOf(".");
      if (dot < 0) break;
      suffix = suffix.slice(dot + 1);
    }
    // Only ask tldts when the host has a label some rule names ("google" in "www.google.co.uk").
    const dotted = `.${host.name}.`;
    for (const label of this.byLabel.keys()) {
      if (dotted.includes(`.${label}.`) && host.registrableLabel === label) add(this.byLabel.get(label));
    }
    const candidates = indexes ? [...new Set(indexes)].sort((a, b) => a - b) : this.anyHost;
    return candidates.map((index) => this.rules[index]!).filter((rule) => matches(rule, host));
  }
}
