// The known-tracker detector on the shared corpus of real mail (../shared/corpus, read in place, never copied):
// after stripping, parse5 finds no open-time fetch of a known endpoint; what the detector removes is tracking,
// never a visible content image; clean templates give it nothing to do.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openTrackers } from "../../src/data/open-trackers.js";
import { compileTrackers } from "../../src/detectors/known-tracker.js";
import { stripTrackingWithReport } from "../../src/index.js";
import { fetches } from "../support/fetches.js";

const corpus = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus");
const trackedDir = join(corpus, "real-tracked");
const templatesDir = join(corpus, "templates");
const read = (dir: string): [string, string][] =>
  existsSync(dir) ? readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), "utf8")]) : [];

const rules = compileTrackers(openTrackers);
const strictRule = (url: string) => rules.match(url, () => false);
const anyRule = (url: string) => rules.match(url, () => true);

/**
 * Fetches left that only a broad (`evidence: "pixel"`) rule matches, reviewed by hand: they stay because their
 * element is neither tiny nor hidden.
 * - money-stuff: LiveIntent ad slots (`stpe=default`, 550 and 108 px wide), visible ads; the 2x6 `stpe=pixel`
 *   beacons of the same mail are removed.
 * - mail_test_5: quoted-printable source (`3D"https://...`), so the URL is relative and names no tracker host.
 */
const reviewedLeft = new Set(["omnivore__money-stuff_source.html liveintent", "spamscope-mailparser__mail_test_5 epsilon-2"]);

/** What only this detector removes from the corpus, reviewed by hand: every entry is an open-tracking endpoint. */
const reviewedRemoved: Record<string, string[]> = {
  "mailtrackerblocker__multibgcsstrackers.html": ["Litmus x7"],
  "omnivore__axios-am_source.html": ["Sailthru x1"],
  "omnivore__axios-chicago_source.html": ["Sailthru x1"],
  "omnivore__bloomberg_source.html": ["Sailthru x1"],
  "omnivore__convertkit-confirmation.html": ["Kit (ConvertKit) x1"],
  "omnivore__convertkit-newsletter.html": ["Kit (ConvertKit) x1"],
  "omnivore__forte-labs_source.html": ["WordPress.com x1"],
  // Cooper Press 3x1 and LiveIntent 2x6 beacons carry tokens: the pixel detector removes them as well.
  "omnivore__money-stuff_source.html": ["Sailthru x1"],
  // A hidden image with no token by our rules: only its known endpoint gives it away.
  "omnivore__morning-brew_source.html": ["Sailthru x1"],
  "omnivore__tomasz-tunguz-newsletter.html": ["Kit (ConvertKit) x1"],
};

function dimension(tag: string, name: string): number | undefined {
  const attribute = new RegExp(`\\s${name}\\s*=\\s*["']?\\s*(\\d+)`, "i").exec(tag);
  const style = new RegExp(`[;"'\\s]${name}\\s*:\\s*(\\d+)px`, "i").exec(tag);
  const found = attribute ?? style;
  return found ? Number(found[1]) : undefined;
}

describe.skipIf(!existsSync(trackedDir))(`known-tracker on real tracked mail (${trackedDir}; skipped when absent)`, () => {
  const tracked = read(trackedDir);

  it("leaves no open-time fetch of a known endpoint after stripping (parse5 oracle)", () => {
    const left: string[] = [];
    for (const [name, html] of tracked) {
      for (const fetch of fetches(stripTrackingWithReport(html).html)) {
        if (fetch.absolute === undefined) continue;
        const strict = strictRule(fetch.absolute);
        if (strict) left.push(`${name}: ${strict.id} ${fetch.absolute}`);
        const broad = anyRule(fetch.absolute);
        if (!strict && broad && !reviewedLeft.has(`${name} ${broad.id}`)) left.push(`${name}: ${broad.id} (broad) ${fetch.absolute}`);
      }
    }
    expect(left).toEqual([]);
  });

  it("removes exactly the reviewed tracking endpoints beyond what the other detectors remove", () => {
    // known-tracker runs first, so it also names the vendor of pixels the pixel detector would remove anyway;
    // what it adds on its own is the list reviewed by hand.
    const removed: Record<string, string[]> = {};
    for (const [name, html] of tracked) {
      const without = stripTrackingWithReport(html, { disable: ["known-tracker"] }).report.findings;
      const removedAnyway = new Set(without.filter((finding) => finding.action !== "kept").map((finding) => `${finding.offset} ${finding.url}`));
      const counts = new Map<string, number>();
      for (const finding of stripTrackingWithReport(html).report.findings) {
        if (finding.detector !== "known-tracker" || removedAnyway.has(`${finding.offset} ${finding.url}`)) continue;
        counts.set(finding.vendor!, (counts.get(finding.vendor!) ?? 0) + 1);
      }
      if (counts.size > 0) removed[name] = [...counts].map(([vendor, n]) => `${vendor} x${n}`).sort();
    }
    expect(removed).toEqual(reviewedRemoved);
  });

  it("never removes a visible, normally sized image", () => {
    const content: string[] = [];
    for (const [name, html] of tracked) {
      for (const finding of stripTrackingWithReport(html).report.findings) {
        if (finding.detector !== "known-tracker" || finding.tag !== "img") continue;
        const tag = html.slice(finding.offset, html.indexOf(">", finding.offset) + 1);
        const width = dimension(tag, "width");
        const height = dimension(tag, "height");
        const hidden = /display\s*:\s*none|visibility\s*:\s*hidden/i.test(tag);
        if (!hidden && (width ?? 0) > 6 && (height ?? 0) > 6) content.push(`${name}: ${tag}`);
      }
    }
    expect(content).toEqual([]);
  });
});

describe.skipIf(!existsSync(templatesDir))(`known-tracker on clean templates (${templatesDir}; skipped when absent)`, () => {
  it("finds nothing", () => {
    const found = read(templatesDir).flatMap(([name, html]) =>
      stripTrackingWithReport(html)
        .report.findings.filter((finding) => finding.detector === "known-tracker")
        .map((finding) => `${name}: ${finding.url}`),
    );
    expect(found).toEqual([]);
  });
});
