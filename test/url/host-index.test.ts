import { fc, test } from "@fast-check/vitest";
import { getDomainWithoutSuffix } from "tldts";
import { describe, expect, it } from "vitest";
import { clickTrackers } from "../../src/data/click-trackers.js";
import { redirectRules } from "../../src/data/redirect-rules.js";
import { Host, HostIndex } from "../../src/url/host-index.js";

interface R {
  readonly id: string;
  readonly hosts?: readonly string[];
  readonly hostPattern?: RegExp;
}

const rules: R[] = [
  { id: "any" },
  { id: "mc", hosts: ["list-manage.com", "list-manage1.com"] },
  { id: "google", hosts: ["google.*"] },
  { id: "kit", hostPattern: /^open\.convertkit-mail\d*\.com$/ },
  { id: "sub", hosts: ["t.example.com"], hostPattern: /^eu\./ },
];
const index = new HostIndex(rules);
const ids = (host: string): string[] => index.matching(host).map((rule) => rule.id);

describe("HostIndex", () => {
  it.each([
    ["us2.list-manage.com", ["any", "mc"]],
    ["list-manage1.com", ["any", "mc"]],
    ["xlist-manage.com", ["any"]],
    ["list-manage.com.evil.example", ["any"]],
    ["www.google.co.uk", ["any", "google"]],
    ["google.evil.example", ["any"]],
    ["open.convertkit-mail4.com", ["any", "kit"]],
    ["x.open.convertkit-mail4.com", ["any"]],
    ["eu.t.example.com", ["any", "sub"]],
    ["us.t.example.com", ["any"]],
    ["cdn.example", ["any"]],
  ] as [string, string[]][])("%s -> %j", (host, expected) => {
    expect(ids(host)).toEqual(expected);
  });

  it("answers the same from its memo, in rule order", () => {
    expect(ids("us2.list-manage.com")).toEqual(ids("us2.list-manage.com"));
    const reversed = new HostIndex([...rules].reverse());
    expect(reversed.matching("us2.list-manage.com").map((rule) => rule.id)).toEqual(["mc", "any"]);
  });

  it("checks host patterns one by one when they cannot be joined (mixed flags)", () => {
    const mixed = new HostIndex([{ id: "a", hostPattern: /^a\.x$/i }, { id: "b", hostPattern: /^b\./ }, { id: "any" }]);
    const found = (host: string) => mixed.find(new Host(host)).map((rule) => rule.id);
    expect(found("a.x")).toEqual(["a", "any"]);
    expect(found("b.x")).toEqual(["b", "any"]);
    expect(found("c.x")).toEqual(["any"]);
  });

  it("returns nothing when no rule is host-less and none names the host", () => {
    const named = new HostIndex([{ id: "mc", hosts: ["list-manage.com"] }]);
    expect(named.matching("cdn.example")).toEqual([]);
  });
});

describe("HostIndex.find", () => {
  // Every rule checked in turn: what the index must narrow to, in rule order.
  const byEveryRule = <R extends { hosts?: readonly string[]; hostPattern?: RegExp }>(list: readonly R[], host: string): R[] =>
    list.filter(
      (rule) =>
        (!rule.hostPattern || rule.hostPattern.test(host)) &&
        (!rule.hosts ||
          rule.hosts.some((entry) =>
            entry.endsWith(".*") ? getDomainWithoutSuffix(host) === entry.slice(0, -2) : host === entry || host.endsWith(`.${entry}`),
          )),
    );
  const named = [...redirectRules, ...clickTrackers].flatMap((rule) => rule.hosts ?? []).map((entry) => entry.replace(".*", ".co.uk"));
  const host = fc.oneof(
    fc.tuple(fc.constantFrom("", "www.", "us2.", "eu.", "x-dot-", "click.", "email.", "ablink."), fc.constantFrom(...named, "klclick3.com", "yamm-track.appspot.com", "google.com", "google.evil.example", "example.com", "mkt42.net")).map(([a, b]) => a + b),
    fc.stringMatching(/^[a-z0-9.-]{1,20}$/),
  );
  const indexes = [new HostIndex(redirectRules), new HostIndex(clickTrackers)] as const;
  test.prop([host], { seed: 9, numRuns: 1500 })("finds exactly the rules that match, in rule order (the real rule data)", (name) => {
    expect(indexes[0].find(new Host(name))).toEqual(byEveryRule(redirectRules, name));
    expect(indexes[1].find(new Host(name))).toEqual(byEveryRule(clickTrackers, name));
    expect(indexes[1].matching(name)).toEqual(indexes[1].find(new Host(name)));
  });
});
