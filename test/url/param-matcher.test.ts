import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { trackingParams } from "../../src/data/tracking-params.js";
import { mayBeTrackingName, normalizeParamName, paramRuleId, paramRulesFor } from "../../src/url/param-matcher.js";

// Every host some rule names, a subdomain of each, and hosts no rule names.
const siteHosts = [...new Set(trackingParams.flatMap((rule) => rule.hosts ?? []))];
const hosts = ["example.com", "", ...siteHosts, ...siteHosts.map((host) => `www.${host}`)];
const lookups = hosts.map((host) => paramRulesFor(host));
/** The full path: some host's lookup finds a rule for the normalized name. */
const isTrackingSomewhere = (name: string): boolean => lookups.some((find) => find(normalizeParamName(name)) !== undefined);

const ruleNames = trackingParams.map((rule) => rule.name.replace("*", ""));
const flipCase = (text: string, mask: number): string =>
  [...text].map((c, i) => ((mask >> i % 30) & 1 ? c.toUpperCase() : c)).join("");
const nameChars = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.%;#", "é", "\u212a", "İ", "%5F", "%5f", "%ZZ");
// Rule names as written in links (any case, with a tail after a prefix, percent-encoded, cut short), and noise.
const name = fc.oneof(
  fc.tuple(fc.constantFrom(...ruleNames), fc.nat(), fc.constantFrom("", "", "x", "_source", "1", "%5F", "é")).map(([n, mask, tail]) => flipCase(n, mask) + tail),
  fc.tuple(fc.constantFrom(...ruleNames), fc.nat()).map(([n, cut]) => n.slice(0, cut % (n.length + 1))),
  fc.constantFrom(...ruleNames).map((n) => n.replace("_", "%5F")),
  fc.array(nameChars, { maxLength: 12 }).map((chars) => chars.join("")),
);

describe("mayBeTrackingName", () => {
  it.each(["utm_source", "UTM_Medium", "utm", "mc_eid", "fbclid", "_ga", "ref", "pd_rd_w", "PF_RD_P", "ScCid", "elqTrackId", "utm%5Fsource", "\u212Ax"])(
    "lets %s through to the lookup",
    (text) => {
      expect(mayBeTrackingName(`?${text}=1`, 1, text.length + 1)).toBe(true);
    },
  );

  it.each(["id", "q", "url", "page", "color", "size", "sku", "lang"])("rules out %s from char codes", (text) => {
    expect(mayBeTrackingName(text, 0, text.length)).toBe(false);
  });

  test.prop([name, fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })], { seed: 11, numRuns: 4000 })(
    "never rules out a name some host's rules remove (sound against the full lookup)",
    (text, before, after) => {
      if (isTrackingSomewhere(text)) expect(mayBeTrackingName(`${before}${text}${after}`, before.length, before.length + text.length)).toBe(true);
    },
  );

  it("lets every rule name through, in upper and lower case", () => {
    for (const n of ruleNames) {
      for (const text of [n, n.toUpperCase(), n.toLowerCase()]) expect(mayBeTrackingName(text, 0, text.length)).toBe(true);
    }
  });
});

describe("paramRulesFor", () => {
  it("finds global rules first, then the host's and its parent domains' rules, with report ids", () => {
    expect(paramRulesFor("example.com")("utm_source")).toEqual({ id: "utm", vendor: "Google Analytics" });
    expect(paramRulesFor("example.com")("tag")).toBeUndefined();
    expect(paramRulesFor("www.amazon.de")("tag")).toEqual({ id: "tag", vendor: "Amazon" });
    expect(paramRulesFor("www.amazon.de")("pd_rd_w")).toEqual({ id: "pd_rd", vendor: "Amazon" });
  });

  it("reports ids without the prefix star", () => {
    expect(trackingParams.map(paramRuleId)).toContain("utm");
    expect(paramRuleId({ name: "pd_rd_*", vendor: "", source: "" })).toBe("pd_rd");
    expect(paramRuleId({ name: "fbclid", vendor: "", source: "" })).toBe("fbclid");
  });
});
