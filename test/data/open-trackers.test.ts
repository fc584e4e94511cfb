// The built-in open-tracker rules: every rule matches its own example and no rule without `evidence` matches a
// vendor's content URL; every rule cites a primary place; the list is as large as the README says. The rules'
// provenance lives in open-tracker-provenance.ts, out of the runtime bundle: every rule has exactly one entry there.

import { describe, expect, it } from "vitest";
import { openTrackerProvenance, openTrackersWithProvenance as openTrackers } from "../../src/data/open-tracker-provenance.js";
import { openTrackers as runtimeRules } from "../../src/data/open-trackers.js";
import { compileTrackers } from "../../src/detectors/known-tracker.js";

const all = compileTrackers(openTrackers);
const strictOnly = compileTrackers(openTrackers.filter((rule) => rule.evidence === undefined));
const withEvidence = () => true;

describe("open-tracker data", () => {
  it("has at least 370 rules covering at least 300 vendors", () => {
    expect(openTrackers.length).toBeGreaterThanOrEqual(370);
    const vendors = new Set(openTrackers.map((rule) => rule.vendor).filter((vendor) => vendor !== "Unattributed"));
    expect(vendors.size).toBeGreaterThanOrEqual(300);
  });

  it("has unique ids", () => {
    const ids = openTrackers.map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("has the provenance of every rule, in the rules' order, and none of a rule that does not exist", () => {
    expect(Object.keys(openTrackerProvenance)).toEqual(runtimeRules.map((rule) => rule.id));
  });

  it("keeps provenance out of the rules the runtime bundle carries", () => {
    const provenanceKeys = ["source", "verifiedBy", "example", "contentExample"];
    expect(runtimeRules.filter((rule) => Object.keys(rule).some((key) => provenanceKeys.includes(key))).map((rule) => rule.id)).toEqual([]);
  });

  it.each(openTrackers.map((rule) => [rule.id, rule] as const))("%s matches its example", (_id, rule) => {
    const alone = compileTrackers([rule]);
    expect(alone.match(rule.example, withEvidence)?.id).toBe(rule.id);
    // Through the whole list, some rule (perhaps an earlier one) claims it.
    expect(all.match(rule.example, withEvidence)).toBeDefined();
  });

  const withContent = openTrackers.filter((rule) => rule.contentExample !== undefined);
  it("names content URLs for the vendors that serve content next to their pixels", () => {
    expect(withContent.length).toBeGreaterThanOrEqual(10);
  });

  it.each(withContent.map((rule) => [rule.id, rule.contentExample!] as const))(
    "%s: no rule without evidence matches its content URL %s",
    (_id, url) => {
      expect(strictOnly.match(url, withEvidence)?.id).toBeUndefined();
    },
  );

  it("needs pixel evidence for broad rules", () => {
    const zoho = openTrackers.find((rule) => rule.evidence === "pixel" && rule.path.source.includes("open\\.gif"))!;
    expect(zoho).toBeDefined();
    expect(compileTrackers([zoho]).match("https://shop.example/open.gif", () => false)).toBeUndefined();
    expect(compileTrackers([zoho]).match("https://shop.example/open.gif", () => true)?.id).toBe(zoho.id);
  });

  it("cites a primary place with a licence for every rule", () => {
    const bad = openTrackers.filter(
      (rule) =>
        !/^(?:[\w.-]+\/[\w.-]+@[0-9a-f]{7,40} \S|\.\.\/shared\/corpus\/real-tracked\/\S|https:\/\/)/.test(rule.source.ref) ||
        rule.source.licence === "",
    );
    expect(bad.map((rule) => rule.id)).toEqual([]);
  });

  it("only uses sources whose licences allow bundling (never Disconnect, Ghostery, DuckDuckGo, EasyPrivacy)", () => {
    const refs = openTrackers.flatMap((rule) => [rule.source, ...(rule.verifiedBy ?? [])]).map((source) => source.ref);
    expect(refs.filter((ref) => /disconnect|ghostery|duckduckgo|tracker-radar|easylist|easyprivacy/i.test(ref))).toEqual([]);
  });

  it("keeps host names lower-case, without a scheme or path", () => {
    const bad = openTrackers.flatMap((rule) => (rule.hosts ?? []).filter((host) => !/^[a-z0-9.-]+$/.test(host)));
    expect(bad).toEqual([]);
  });

  it("matches on the decoded URL: &amp; in the raw HTML is & by the time rules see it", () => {
    const rule = all.match("https://sli.bloomberg.com/imp?s=126552500&li=29038310&m=6aa9&p=2&stpe=pixel&", () => false);
    expect(rule?.vendor).toBe("LiveIntent");
  });

  it("anchors on host and path where the vendor serves content from the same host", () => {
    const cases: [string, string | undefined][] = [
      ["https://us2.list-manage.com/track/open.php?u=1&id=2&e=3", "Mailchimp"],
      ["https://mcusercontent.com/abc/images/header.png", undefined],
      ["https://i1.cmail20.com/ei/d/A8/57E/075/060154/csfinal/github.png", undefined],
      ["https://i1.cmail20.com/t/d-o-abc-def/o.gif", "Campaign Monitor"],
      ["https://x4k2.mjt.lu/img/x4k2/b/abc/xyz.png", undefined],
      ["https://x4k2.mjt.lu/oo/BAAAAA/abcdefgh/e.gif", "Mailjet"],
      ["https://substackcdn.com/image/fetch/w_1100/https%3A%2F%2Fexample.com%2Fa.png", undefined],
      ["https://image.email.example.com/lib/fe92127274650d7c7c/m/1/hero.gif", undefined],
      ["https://click.email.example.com/open.aspx?ffcb10-abc", "Salesforce Marketing Cloud"],
      ["https://lists.example.org/uploads/logo.png", undefined],
      ["http://mi.homedepot.com/p/rp/457b45ebc8545eae.png?mi_u=239177652", undefined],
      ["http://mi.homedepot.com/p/cp/9855f5dc023762c7/o.gif?mi_u=239177652", "Movable Ink"],
      ["https://open.convertkit-mail4.com/r8und5ew3vioh27r27rs0", "Kit (ConvertKit)"],
      ["https://t.yesware.com/t/0123456789abcdef0123456789abcdef01234567/0123456789abcdef0123456789abcdef/spacer.gif", "Yesware"],
    ];
    for (const [url, vendor] of cases) expect([url, strictOnly.match(url, withEvidence)?.vendor]).toEqual([url, vendor]);
  });
});
