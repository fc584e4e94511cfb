// Consistency of the rule data: provenance on every entry, no unsafe names, enough coverage.
import { describe, expect, it } from "vitest";
import { clickTrackers } from "../../src/data/click-trackers.js";
import { redirectRules } from "../../src/data/redirect-rules.js";
import { trackingParams } from "../../src/data/tracking-params.js";

// Parameters that make links work, and broad names: never removed on every host.
const PROTECTED = ["token", "t", "key", "code", "id", "email", "e", "u", "sig", "signature", "hash", "ref", "source", "s", "cid", "p", "q", "page", "lang", "url", "redirect", "next", "state"];

describe("tracking-param data", () => {
  it("has at least 150 rules, each with a vendor and a source", () => {
    expect(trackingParams.length).toBeGreaterThanOrEqual(150);
    for (const rule of trackingParams) {
      expect(rule.vendor, rule.name).not.toBe("");
      expect(rule.source, rule.name).not.toBe("");
      expect(rule.name, rule.name).toMatch(/^[A-Za-z0-9_.$-]+\*?$/);
    }
  });

  it("never removes link-working or broad parameters globally", () => {
    const global = trackingParams.filter((rule) => !rule.hosts);
    for (const name of PROTECTED) {
      const hit = global.find((rule) =>
        rule.name.endsWith("*") ? name.startsWith(rule.name.slice(0, -1).toLowerCase()) : rule.name.toLowerCase() === name,
      );
      expect(hit, name).toBeUndefined();
    }
  });

  it("has no duplicate (name, hosts) entries", () => {
    const keys = trackingParams.map((rule) => `${rule.name.toLowerCase()} ${(rule.hosts ?? []).join(",")}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("lists per-site hosts in lower case without scheme", () => {
    for (const host of trackingParams.flatMap((rule) => rule.hosts ?? [])) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
  });
});

describe("redirect and click-tracker data", () => {
  it("gives every rule a unique id, a vendor and a source", () => {
    for (const rules of [redirectRules, clickTrackers]) {
      const ids = rules.map((rule) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const rule of rules) {
        expect(rule.vendor).not.toBe("");
        expect(rule.source).not.toBe("");
      }
    }
  });

  it("never identifies an opaque tracker by host alone", () => {
    for (const rule of clickTrackers) expect(rule.path.source, rule.id).not.toMatch(/^\^?\.?\*?\$?$/);
  });
});
