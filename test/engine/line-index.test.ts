import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/engine/line-index.js";
import { stripTrackingWithReport } from "../../src/strip-tracking.js";
import { fixedChunks, mulberry32, streamed } from "../support/chunks.js";

/** The obvious O(n) answer, to compare with. */
function naive(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - lastBreak };
}

describe("LineIndex", () => {
  it("answers like a naive count, across chunks and after forgetting", () => {
    const random = mulberry32(9);
    const text = Array.from({ length: 400 }, () => (random() < 0.15 ? "\n" : "x")).join("");
    const index = new LineIndex();
    for (const chunk of fixedChunks(text, 7)) index.append(chunk);
    for (let offset = 0; offset <= text.length; offset += 3) {
      expect(index.position(offset)).toEqual(naive(text, offset));
      index.forget(offset);
    }
  });

  it("starts at 1:1 and counts a column past the last newline", () => {
    const index = new LineIndex();
    index.append("ab\r\ncd");
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(5)).toEqual({ line: 2, column: 2 });
  });
});

describe("line and column in the report", () => {
  const html = '<p>one</p>\n<a href="https://x.example/?utm_source=a">x</a>\n\n   <img src="https://t.example/o.gif" width="1" height="1">\n<!--[if mso]>\n<img src="https://t.example/p.gif" width="1" height="1"><![endif]-->';

  it("gives each finding the 1-based line and column of its offset", () => {
    const { findings } = stripTrackingWithReport(html).report;
    for (const { offset, line, column } of findings) expect({ line, column }).toEqual(naive(html, offset));
    expect(findings.map(({ line, column }) => `${line}:${column}`)).toEqual(["2:1", "4:4", "6:1"]);
  });

  it("is the same for any chunking", () => {
    const whole = stripTrackingWithReport(html).report.findings;
    for (const size of [1, 2, 5, 13]) expect(streamed(fixedChunks(html, size)).report.findings).toEqual(whole);
  });

  const corpus = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "real-tracked");
  const files = (() => {
    try {
      return readdirSync(corpus).filter((name) => name.endsWith(".html"));
    } catch {
      return [];
    }
  })();

  it.skipIf(files.length === 0)("matches a naive count on every real tracked email, whole and in 64-character chunks", () => {
    for (const name of files) {
      const text = readFileSync(join(corpus, name), "utf8");
      const { findings } = stripTrackingWithReport(text).report;
      for (const finding of findings) expect([name, finding.line, finding.column]).toEqual([name, ...Object.values(naive(text, finding.offset))]);
      expect(streamed(fixedChunks(text, 64)).report.findings).toEqual(findings);
    }
  });
});
