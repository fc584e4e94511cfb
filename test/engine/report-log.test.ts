import { describe, expect, it } from "vitest";
import { createStripper, stripTracking, stripTrackingWithReport } from "../../src/index.js";
import type { ReportEntry, StripOptions } from "../../src/index.js";
import { maxReportFindings, ReportLog } from "../../src/engine/report-log.js";

const pixel = (i: number) => `<img src="https://t.example/o/${i}.gif" width="1" height="1">`;
const manyPixels = (n: number) => `<p>start</p>${Array.from({ length: n }, (_, i) => pixel(i)).join("\n")}<p>end</p>`;

function streamed(html: string, options: Omit<StripOptions, "onData"> = {}, chunkSize = html.length) {
  const parts: string[] = [];
  const stripper = createStripper({ ...options, onData: (chunk) => parts.push(chunk) });
  for (let i = 0; i < html.length; i += chunkSize) stripper.write(html.slice(i, i + chunkSize));
  return { html: parts.join(""), report: stripper.end() };
}

describe("a kept report is capped", () => {
  it("keeps the first 10,000 findings and says how many more there were", () => {
    const html = manyPixels(maxReportFindings + 5);
    const { html: out, report } = stripTrackingWithReport(html);
    expect(maxReportFindings).toBe(10_000);
    expect(report.findings).toHaveLength(maxReportFindings);
    expect(report.findings.at(-1)?.url).toBe(`https://t.example/o/${maxReportFindings - 1}.gif`);
    const truncated = report.warnings.filter((warning) => warning.code === "report-truncated");
    expect(truncated).toHaveLength(1);
    expect(truncated[0]!.message).toContain("5 more");
    expect(truncated[0]!.offset).toBe(html.indexOf(pixel(maxReportFindings)));
    // The cap limits the report, never the stripping.
    expect(out).toBe(`<p>start</p>${"\n".repeat(maxReportFindings + 4)}<p>end</p>`);
  });

  it("adds no warning at exactly the cap", () => {
    const { report } = stripTrackingWithReport(manyPixels(maxReportFindings));
    expect(report.findings).toHaveLength(maxReportFindings);
    expect(report.warnings).toEqual([]);
  });

  it("counts findings inside conditional comments once, and warns once", () => {
    const body = manyPixels(maxReportFindings + 2);
    const { report } = stripTrackingWithReport(`<!--[if mso]>${body}<![endif]-->${pixel(-1)}`);
    expect(report.findings).toHaveLength(maxReportFindings);
    expect(report.warnings.map((warning) => warning.code)).toEqual(["report-truncated"]);
    expect(report.warnings[0]!.message).toContain("3 more");
  });
});

describe("onFinding", () => {
  const html = `<p>a</p><!--[if mso]>${pixel(1)}<![endif]--><a href="https://shop.example/x?utm_source=n&amp;id=2">x</a>${pixel(2)}<script src="https://t.example/s.js"></script>`;

  it("receives every report line, in document order, and the report keeps none", () => {
    const seen: ReportEntry[] = [];
    const withCallback = streamed(html, { onFinding: (entry) => seen.push(entry) });
    const kept = streamed(html);
    expect(kept.report.findings.length).toBe(4);
    expect(seen).toEqual(kept.report.findings);
    expect(withCallback.report.findings).toEqual([]);
    expect(withCallback.html).toBe(kept.html);
    expect(withCallback.report.changed).toBe(true);
  });

  it("sees the same lines for any chunking", () => {
    const whole: ReportEntry[] = [];
    const byChar: ReportEntry[] = [];
    streamed(html, { onFinding: (entry) => whole.push(entry) });
    streamed(html, { onFinding: (entry) => byChar.push(entry) }, 1);
    expect(byChar).toEqual(whole);
  });

  it("is never capped", () => {
    let count = 0;
    const { report } = streamed(manyPixels(maxReportFindings + 5), { onFinding: () => count++ });
    expect(count).toBe(maxReportFindings + 5);
    expect(report.warnings).toEqual([]);
  });

  it("works with the one-call API and in audit", () => {
    const seen: ReportEntry[] = [];
    expect(stripTracking(html, { preset: "audit", onFinding: (entry) => seen.push(entry) })).toBe(html);
    expect(seen.map((entry) => entry.applied)).toEqual([false, false, false, false]);
  });

  it.each([[42], ["log"], [null], [{}]])("rejects %j with a TypeError naming onFinding", (value) => {
    expect(() => stripTracking("<p>x</p>", { onFinding: value } as never)).toThrow(TypeError);
    expect(() => stripTracking("<p>x</p>", { onFinding: value } as never)).toThrow('"onFinding"');
  });
});

describe("past the cap", () => {
  it("counts every finding of an element with several, and the first one dropped gives the warning's offset", () => {
    // Each image has two findings (a 1x1 pixel, and a tracker in its srcset).
    const twoFindings = (i: number) => `<img src="https://t.example/o/${i}.gif" srcset="https://t.example/p/${i}.gif 2x" width="1" height="1">`;
    const count = stripTrackingWithReport(twoFindings(0)).report.findings.length;
    expect(count).toBe(2);
    const half = maxReportFindings / 2;
    const html = Array.from({ length: half + 3 }, (_, i) => twoFindings(i)).join("");
    const { report } = stripTrackingWithReport(html);
    expect(report.findings).toHaveLength(maxReportFindings);
    expect(report.warnings[0]!.message).toContain("6 more");
    expect(report.warnings[0]!.offset).toBe(html.indexOf(twoFindings(half)));
  });
});

describe("a log no one reads (stripTracking without onFinding)", () => {
  const entry = { offset: 5 } as ReportEntry;

  it("wants no lines, keeps none pushed, and gives no truncation warning", () => {
    const log = new ReportLog(undefined, false);
    expect(log.wantsLines).toBe(false);
    expect(log.makesLines).toBe(false);
    log.push([entry, entry]);
    log.drop(3, 9);
    expect(log.findings).toEqual([]);
    expect(log.truncation()).toBeUndefined();
  });

  it("still hands lines to onFinding", () => {
    const seen: ReportEntry[] = [];
    const log = new ReportLog((line) => seen.push(line), false);
    expect(log.wantsLines).toBe(true);
    expect(log.makesLines).toBe(true);
    log.push([entry]);
    expect(seen).toEqual([entry]);
  });

  it("is what a kept log is otherwise", () => {
    const log = new ReportLog(undefined);
    expect(log.wantsLines).toBe(true);
    expect(log.makesLines).toBe(true);
    log.push([entry]);
    expect(log.findings).toEqual([entry]);
  });
});
