import { describe, expect, it } from "vitest";
import { ownedEntry, reportEntries } from "../../src/engine/report-entry.js";
import { retained } from "../support/retained.js";
import type { ReportEntry } from "../../src/index.js";

describe("ownedEntry", () => {
  it("copies every field, strings included", () => {
    const entry: ReportEntry = {
      vector: "anchor",
      tag: "a",
      url: "https://shop.example/x?utm_source=n",
      newUrl: "https://shop.example/x",
      changes: ["utm_source"],
      vendor: "Example",
      detector: "click-tracking",
      rewriter: "default",
      action: "rewrote-url",
      applied: true,
      reason: "removed utm_source",
      offset: 12,
      line: 1,
      column: 13,
    };
    expect(ownedEntry(entry)).toEqual(entry);
    const minimal: ReportEntry = { vector: "element", tag: "script", detector: "x", action: "removed-element", applied: true, reason: "r", offset: 0, line: 1, column: 1 };
    expect(ownedEntry(minimal)).toEqual(minimal);
    expect(Object.keys(ownedEntry(minimal)).sort()).toEqual(Object.keys(minimal).sort());
  });

  it("keeps no slice of a large input alive", () => {
    const entryFrom = (parent: string): string => {
      const entry = ownedEntry({ vector: "img", tag: "img", url: parent.slice(10, 90), detector: "pixel", action: "removed-element", applied: true, reason: `1x1 image at ${parent.slice(5, 40)}`, offset: 0, line: 1, column: 1 });
      return entry.url! + entry.reason;
    };
    expect(retained(entryFrom)).toBeLessThan(2_000_000);
  });
});

describe("reportEntries", () => {
  const resourceOf = (url: string) => ({ vector: "img", url, absoluteUrl: url, fetch: "open", attribute: "src", location: { kind: "attribute" } });

  it("makes one line per decision, placed, with the keys in the order of ReportEntry", () => {
    const decisions = [
      { finding: { detector: "pixel", reason: "1x1 image", resource: resourceOf("https://t.example/o.gif") }, edit: { kind: "remove-element" }, rewriter: "default" },
      { finding: { detector: "known-tracker", reason: "known", vendor: "V" }, edit: { kind: "keep" }, rewriter: "default" },
    ] as unknown as Parameters<typeof reportEntries>[0];
    const lines = reportEntries(decisions, "img", 40, true, undefined, { line: 3, column: 7 });
    expect(lines).toEqual([
      { vector: "img", tag: "img", url: "https://t.example/o.gif", detector: "pixel", rewriter: "default", action: "removed-element", applied: true, reason: "1x1 image", offset: 40, line: 3, column: 7 },
      { vector: "element", tag: "img", vendor: "V", detector: "known-tracker", rewriter: "default", action: "kept", applied: false, reason: "known", offset: 40, line: 3, column: 7 },
    ]);
    expect(Object.keys(lines[0]!)).toEqual(["vector", "tag", "url", "detector", "rewriter", "action", "applied", "reason", "offset", "line", "column"]);
  });

  it("keeps no slice of a large input alive", () => {
    const lineFrom = (parent: string): string => {
      const decision = { finding: { detector: "pixel", reason: parent.slice(5, 40), resource: resourceOf(parent.slice(10, 90)) }, edit: { kind: "remove-element" }, rewriter: "default" };
      const [line] = reportEntries([decision] as unknown as Parameters<typeof reportEntries>[0], parent.slice(200, 230), 0, true, undefined, { line: 1, column: 1 });
      return line!.url! + line!.reason + line!.tag;
    };
    expect(retained(lineFrom)).toBeLessThan(2_000_000);
  });
});
