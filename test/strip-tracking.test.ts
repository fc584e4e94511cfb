// The one-call API. `stripTracking` returns no report, so it describes no finding (unless `onFinding` asks): its
// output must still be exactly what `stripTrackingWithReport` and the streaming stripper give.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createStripper, stripTracking, stripTrackingWithReport } from "../src/index.js";
import type { ReportEntry, StripOptions } from "../src/index.js";
import { adversarialSections, fill } from "./support/adversarial-cases.js";
import { treeSoup } from "./support/tree-arbitraries.js";

const optionSets: readonly StripOptions[] = [{}, { preset: "strict" }, { preset: "audit" }, { recipient: "ann@example.com" }];

function streamed(html: string, options: StripOptions): string {
  let out = "";
  const stripper = createStripper({ ...options, onData: (chunk) => (out += chunk) });
  stripper.write(html);
  stripper.end();
  return out;
}

const tracked = [
  '<p>Hi</p><img src="https://t.example/o.gif" width="1" height="1">',
  '<a href="https://shop.example/?utm_source=n&amp;id=7">Buy</a>',
  '<div style="background:url(https://t.example/b.png?u=ann@example.com)">x</div>',
  '<!--[if mso]><img src="https://t.example/o.gif" width="1" height="1"><![endif]-->',
  "<style>.px{width:1px;height:1px}</style><img class=px src=https://t.example/c.gif>",
  "<p>cut off at the end <img src=https://t.example/o.gif width=1 height=1",
];

describe("stripTracking", () => {
  it.each(tracked)("gives what stripTrackingWithReport and the stripper give: %s", (html) => {
    for (const options of optionSets) {
      const { html: withReport, report } = stripTrackingWithReport(html, options);
      expect(stripTracking(html, options)).toBe(withReport);
      expect(streamed(html, options)).toBe(withReport);
      if (options.preset !== "audit") expect(report.findings.length).toBeGreaterThan(0);
    }
  });

  it("gives what stripTrackingWithReport gives on every adversarial case", () => {
    for (const [, cases] of adversarialSections) {
      for (const { html } of cases) expect(stripTracking(fill(html)), html).toBe(stripTrackingWithReport(fill(html)).html);
    }
  });

  test.prop([treeSoup], { numRuns: 300, seed: 11 })("gives what stripTrackingWithReport gives on markup soup", (html) => {
    expect(stripTracking(html)).toBe(stripTrackingWithReport(html).html);
  });

  it("gives what stripTrackingWithReport gives on the shared corpus", () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "corpus", "real-tracked");
    const names = readdirSync(dir).sort().slice(0, 40);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const html = readFileSync(join(dir, name), "utf8");
      expect(stripTracking(html), name).toBe(stripTrackingWithReport(html).html);
    }
  });

  it("still hands every finding to onFinding, as stripTrackingWithReport does", () => {
    const html = tracked.join("\n");
    const seen: ReportEntry[] = [];
    const out = stripTracking(html, { onFinding: (entry) => seen.push(entry) });
    const { html: withReport, report } = stripTrackingWithReport(html);
    expect(out).toBe(withReport);
    expect(seen).toEqual(report.findings);
  });

  it("rejects bad options as stripTrackingWithReport does", () => {
    expect(() => stripTracking("<p>x</p>", { preset: "loose" } as never)).toThrow(TypeError);
    expect(() => stripTracking("<p>x</p>", { preset: "loose" } as never)).toThrow('"preset"');
    for (const options of ["standard", [], 5]) {
      expect(() => stripTracking("<p>x</p>", options as never)).toThrow("options must be an object");
      expect(() => stripTrackingWithReport("<p>x</p>", options as never)).toThrow("options must be an object");
    }
    expect(stripTracking("<p>x</p>", null as never)).toBe("<p>x</p>");
  });
});

describe("stripTracking with onFinding", () => {
  it("places findings on the lines and columns stripTrackingWithReport gives, across many lines", () => {
    const html = Array.from({ length: 50 }, (_, i) => (i % 7 === 3 ? `  <img src="https://t.example/${i}.gif" width="1" height="1">` : `<p>line ${i}</p>`)).join("\r\n");
    const seen: ReportEntry[] = [];
    stripTracking(html, { onFinding: (entry) => seen.push(entry) });
    expect(seen.map(({ line, column }) => [line, column])).toEqual(stripTrackingWithReport(html).report.findings.map(({ line, column }) => [line, column]));
    expect(seen[0]).toMatchObject({ line: 4, column: 3 });
  });
});

describe("a link removed by a block selector", () => {
  it("is one report line, with no newUrl; a link only cleaned keeps its rewrote-url line", () => {
    const html = '<p>Hi <a href="https://x.example/?utm_source=a">click here</a> bye</p>';
    const blocked = stripTrackingWithReport(html, { block: ["a"] });
    expect(blocked.html).toBe("<p>Hi  bye</p>");
    expect(blocked.report.findings.map((entry) => [entry.detector, entry.action, entry.newUrl])).toEqual([["block-rule", "removed-element", undefined]]);
    const cleaned = stripTrackingWithReport(html);
    expect(cleaned.report.findings.map((entry) => [entry.detector, entry.action, entry.newUrl])).toEqual([["click-tracking", "rewrote-url", "https://x.example/"]]);
  });
});

