// The tracker matcher's shortcuts (a memoized host lookup, one pre-filter for the rules that name no host, the
// rules left taken in list order) against the plain definition: every rule in list order, its host condition
// (HostIndex.find over that rule alone), its path tested on the path and query, its evidence.

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { openTrackersWithProvenance as openTrackers } from "../../src/data/open-tracker-provenance.js";
import { compileTrackers } from "../../src/detectors/known-tracker.js";
import type { TrackerRule } from "../../src/types.js";
import { Host, HostIndex } from "../../src/url/host-index.js";
import { parameterFirst, serverSpelling } from "../../src/url/server-spellings.js";
import { afterHost, parseHttpUrl } from "../../src/url/url-parts.js";

/** The plain definition, for a rule list: the id of the first rule that matches `url`. */
function referenceFor(rules: readonly TrackerRule[]): (url: string, evidence: boolean) => string | undefined {
  const alone = rules.map((rule) => ({
    rule,
    index: new HostIndex([rule]),
    path: new RegExp(rule.path.source, rule.path.flags.replace(/[gy]/g, "")),
  }));
  return (url, evidence) => {
    const parts = parseHttpUrl(url);
    if (!parts) return undefined;
    const host = new Host(parts.host);
    const written = parts.query === "" ? parts.path || "/" : `${parts.path || "/"}?${parts.query}`;
    const first = (target: string, onlyNamingParameter = false): string | undefined =>
      alone.find(({ rule, index, path }) =>
        (!onlyNamingParameter || /\\\?[A-Za-z0-9_-]+=/.test(rule.path.source)) &&
        index.find(host).length > 0 && path.test(target) && (rule.evidence !== "pixel" || evidence))?.rule.id;
    // As a server reads it: unreserved escapes decoded and slashes merged, then each parameter first.
    const spelled = serverSpelling(written) ?? written;
    return first(written) ?? first(spelled) ?? parameterFirst(spelled).map((order) => first(order, true)).find((id) => id !== undefined);
  };
}

/** Upper-cases the characters of `text` picked by the bits of `mask` (0: as it is; -1: all of them). */
const mixCase = (text: string, mask: number): string =>
  [...text].map((char, i) => ((mask >>> (i % 32)) & 1 ? char.toUpperCase() : char)).join("");
const caseMask = fc.oneof(fc.constant(0), fc.constant(-1), fc.integer());

const hostOf = (url: string): string => /^https?:\/\/([^/?#]*)/i.exec(url)?.[1] ?? "";
const suffix = fc.constantFrom("com", "co.uk", "de", "com.br");
const subdomain = fc.constantFrom("", "", "www.", "t.", "us2.", "email.", "click.", "link.", "sli.", "mandrill.", "open.", "x-");
const randomHost = fc.stringMatching(/^[a-z0-9-]{1,10}(?:\.[a-z0-9-]{1,6}){0,3}$/);
const randomPath = fc.stringMatching(/^(?:\/[A-Za-z0-9._~%-]{0,10}){0,4}(?:\?[A-Za-z0-9=&_.,%-]{0,16})?(?:#[a-z0-9/?]{0,6})?$/);

/** Scheme, host and port over the given hosts: subdomains, near misses, random hosts; mixed case. */
function origins(hosts: readonly string[]): fc.Arbitrary<string> {
  const namedHost = fc.tuple(fc.constantFrom(...hosts), suffix).map(([host, tld]) => host.replace(/\.\*$/, `.${tld}`));
  const host = fc.oneof(
    { arbitrary: fc.tuple(subdomain, namedHost).map(([sub, name]) => sub + name), weight: 4 },
    { arbitrary: namedHost.map((name) => `${name}.evil.example`), weight: 1 },
    { arbitrary: randomHost, weight: 2 },
  );
  return fc
    .tuple(fc.constantFrom("https://", "http://", "HTTPS://"), host, caseMask, fc.constantFrom("", "", ":8080", "."))
    .map(([scheme, name, mask, port]) => `${scheme}${mixCase(name, mask)}${port}`);
}

/** Paths, queries and fragments over the given ones: as they are, cut, extended, random; mixed case. */
function paths(known: readonly string[]): fc.Arbitrary<string> {
  const knownPath = fc.constantFrom(...known);
  const path = fc.oneof(
    { arbitrary: knownPath, weight: 4 },
    { arbitrary: fc.tuple(knownPath, fc.nat()).map(([p, n]) => p.slice(0, n % (p.length + 1))), weight: 1 },
    { arbitrary: fc.tuple(knownPath, randomPath).map(([p, more]) => p + more), weight: 1 },
    { arbitrary: randomPath, weight: 2 },
    { arbitrary: fc.constantFrom("", "?", "/?", "?id=1", "#x", "/a?", "/a?#b"), weight: 1 },
  );
  return fc.tuple(path, caseMask).map(([p, mask]) => mixCase(p, mask));
}

describe("compileTrackers over the built-in rules", () => {
  const matcher = compileTrackers(openTrackers);
  const reference = referenceFor(openTrackers);
  const examples = openTrackers.flatMap((rule) => (rule.contentExample ? [rule.example, rule.contentExample] : [rule.example]));

  it("answers as the plain definition for every example and content example", () => {
    const differ = examples.flatMap((url) =>
      [false, true].flatMap((evidence) => {
        const found = matcher.match(url, () => evidence)?.id;
        return found === reference(url, evidence) ? [] : [`${url} ${evidence}: ${found}`];
      }),
    );
    expect(differ).toEqual([]);
  });

  const hosts = [...new Set([...openTrackers.flatMap((rule) => rule.hosts ?? []), ...examples.map(hostOf)])];
  const examplePaths = [...new Set(examples.map(afterHost))];
  test.prop([origins(hosts), paths(examplePaths), fc.boolean()], { seed: 11, numRuns: 4000 })(
    "finds the same first rule as the plain definition",
    (origin, path, evidence) => {
      expect(matcher.match(origin + path, () => evidence)?.id).toBe(reference(origin + path, evidence));
    },
  );
});

describe("compileTrackers over generated rule lists", () => {
  // Host-less rules (the pre-filter's), named hosts, host patterns. Paths the case-insensitive pre-filter cannot
  // stand for: a back-reference, a named group, a lookbehind (joining changes them), a negated class or a negative
  // lookahead without `i` (`i` narrows them), other flags (m, s, u).
  const sources = [
    "^\\/o\\/", "\\/open", "\\/T\\/", "\\.gif$", "\\?id=\\d+", "^\\/$", "px", "\\/(\\w)\\1", "(?<n>\\d)\\.gif",
    "(?<=\\/)t\\/", "\\/px\\/[^A-Z]+\\.gif$", "^\\/(?!o)", "\\/a.b",
  ];
  const flags = ["", "i", "g", "gi", "m", "s", "u", "iu"];
  const ruleHosts = ["t.acme.example", "acme.example", "px.other.example", "google.*"];
  const hostPatterns = [/^px\d+\./, /\.example$/, /^T\./i];
  const rule = fc.record({
    path: fc.tuple(fc.constantFrom(...sources), fc.constantFrom(...flags)).map(([source, flag]) => new RegExp(source, flag)),
    hosts: fc.option(fc.subarray(ruleHosts, { minLength: 1 }), { nil: undefined, freq: 2 }),
    hostPattern: fc.option(fc.constantFrom(...hostPatterns), { nil: undefined, freq: 2 }),
    pixel: fc.boolean(),
  });
  const ruleLists = fc.array(rule, { minLength: 1, maxLength: 8 }).map((list) =>
    list.map(
      ({ path, hosts, hostPattern, pixel }, i): TrackerRule => ({
        id: `r${i}`,
        vendor: "V",
        path,
        ...(hosts ? { hosts } : {}),
        ...(hostPattern ? { hostPattern } : {}),
        ...(pixel ? { evidence: "pixel" as const } : {}),
      }),
    ),
  );
  const pathPool = [
    "/o/1", "/O/1", "/open", "/T/x", "/t/x.gif", "/x.gif", "/p?id=12", "/", "/px", "/aa", "/AA/b", "/a/b", "/px/abc.gif",
    "/x\n/o/1", "/a\nb", "/a\u{1F600}b",
  ];
  const hosts = [...ruleHosts, "px7.acme.example", "t.other.example", "cdn.example.com"];
  // Each list is tried on a few hosts, with every path of the pool (in one mixed case) and a few generated ones.
  test.prop([ruleLists, fc.array(origins(hosts), { minLength: 1, maxLength: 3 }), fc.array(paths(pathPool), { maxLength: 4 }), caseMask], {
    seed: 12,
    numRuns: 1500,
  })("finds the same first rule as the plain definition", (rules, hostsTried, more, mask) => {
    const matcher = compileTrackers(rules);
    const reference = referenceFor(rules);
    for (const origin of hostsTried) {
      for (const path of [...pathPool.map((p) => mixCase(p, mask)), ...more]) {
        for (const evidence of [false, true]) {
          expect(matcher.match(origin + path, () => evidence)?.id).toBe(reference(origin + path, evidence));
        }
      }
    }
  });
});
