// Two readers, one email: each pair in test/fixtures/recipient-pairs is the same message as sent to two
// recipients (different tokens, addresses and hashes, in pixels, CSS, VML, srcset, backgrounds, AMP and SVG).
// After stripping with each reader's own `recipient`, a mail client fetches the same URLs on open for both
// (parse5 oracle, test/support/fetches.ts): nothing left tells the sender who opened it.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stripTrackingWithReport } from "../../src/index.js";
import { fetches } from "../support/fetches.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "recipient-pairs");
const recipients = JSON.parse(readFileSync(join(dir, "recipients.json"), "utf8")) as Record<string, { a: string; b: string }>;
const names = readdirSync(dir)
  .filter((file) => file.endsWith(".a.html"))
  .map((file) => file.slice(0, -".a.html".length))
  .sort();

/** The URLs fetched on open, whatever reading (scripting on/off, fragment, conditional comments) found them. */
function openFetches(html: string): string[] {
  return [...new Set(fetches(html).map((fetch) => fetch.absolute ?? fetch.url))].sort();
}

describe("two-recipient pairs", () => {
  it("has at least 10 pairs, each with both readers' addresses", () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(recipients[name]).toBeDefined();
  });

  it.each(names)("%s: the same fetches for both readers after stripping", (name) => {
    const { a, b } = recipients[name] as { a: string; b: string };
    const inputA = readFileSync(join(dir, `${name}.a.html`), "utf8");
    const inputB = readFileSync(join(dir, `${name}.b.html`), "utf8");
    // The inputs tell the readers apart: otherwise this pair proves nothing.
    expect(openFetches(inputA)).not.toEqual(openFetches(inputB));
    const outA = stripTrackingWithReport(inputA, { recipient: a });
    const outB = stripTrackingWithReport(inputB, { recipient: b });
    expect(openFetches(outA.html)).toEqual(openFetches(outB.html));
    // The shared content (the logo at least) is still fetched: stripping did not empty the mail.
    expect(openFetches(outA.html)).toContain("https://cdn.shop.example/img/logo.png");
    // Both reports name the same trackers, in the same order.
    const summary = (findings: typeof outA.report.findings) => findings.map((finding) => [finding.detector, finding.vector, finding.action]);
    expect(summary(outA.report.findings)).toEqual(summary(outB.report.findings));
    expect(outA.report.findings.length).toBeGreaterThan(0);
  });
});
