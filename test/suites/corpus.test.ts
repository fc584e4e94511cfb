// The shared corpus of real email (../shared/corpus, never copied into this repository): clean templates pass
// through byte-identical; real tracked mail strips idempotently, the same for any chunking, and `audit` sees
// what `standard` sees while changing nothing.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Report, stripTracking, stripTrackingWithReport } from "../../src/index.js";
import { fixedChunks, mulberry32, streamed } from "../support/chunks.js";

const corpus = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus");
const templatesDir = join(corpus, "templates");
const trackedDir = join(corpus, "real-tracked");

function files(dir: string): [string, string][] {
  if (!existsSync(dir)) {
    console.warn(`corpus.test: ${dir} is absent; skipping these corpus tests.`);
    return [];
  }
  return readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(join(dir, name), "utf8")]);
}



function randomChunks(text: string, seed: number): string[] {
  const random = mulberry32(seed);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    // Mostly small pieces, sometimes large ones, now and then an empty write.
    const size = random() < 0.1 ? Math.floor(random() * 4096) : Math.floor(random() * 64);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}


/** What a finding is about, independent of what was done with it. */
function seen(report: Report): { detector: string; url: string | undefined; reason: string }[] {
  return report.findings.map(({ detector, url, reason }) => ({ detector, url, reason }));
}

const templates = files(templatesDir);
const tracked = files(trackedDir);

describe.skipIf(!existsSync(templatesDir))(`clean templates (${templatesDir})`, () => {
  it.each(templates)("%s comes back byte-identical, with no findings", (_name, html) => {
    const { html: out, report } = stripTrackingWithReport(html);
    expect(out === html).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.changed).toBe(false);
  });
});

describe.skipIf(!existsSync(trackedDir))(`real tracked mail (${trackedDir})`, () => {
  it.each(tracked)("%s: no throw, and idempotent", (_name, html) => {
    const once = stripTracking(html);
    expect(stripTracking(once) === once).toBe(true);
  });

  it.each(tracked)("%s: the same output and report for any chunking", (name, html) => {
    const whole = stripTrackingWithReport(html);
    const wholeReport = JSON.stringify(whole.report);
    const splits: [string, string[]][] = [
      ["1", fixedChunks(html, 1)],
      ["7", fixedChunks(html, 7)],
      ["1024", fixedChunks(html, 1024)],
      ["random", randomChunks(html, 0x5eed + name.length)],
    ];
    for (const [label, chunks] of splits) {
      const chunked = streamed(chunks);
      expect(chunked.html === whole.html, `chunk size ${label}: html differs`).toBe(true);
      expect(JSON.stringify(chunked.report), `chunk size ${label}: report differs`).toBe(wholeReport);
    }
  });

  for (const [name, html] of tracked) {
    it(`${name}: audit changes nothing and sees what standard sees`, () => {
      const standard = stripTrackingWithReport(html, { preset: "standard" });
      const audit = stripTrackingWithReport(html, { preset: "audit" });
      expect(audit.html === html).toBe(true);
      expect(audit.report.changed).toBe(false);
      expect(audit.report.findings.every((finding) => !finding.applied)).toBe(true);
      expect(seen(audit.report)).toEqual(seen(standard.report));
    });
  }
});
