// The input the engine holds: read back exactly as written, whatever the chunking and however much was forgotten,
// without ever joining a chunk to what came before it.

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Output } from "../../src/engine/output.js";

/** Chunks of `input` at the given cut points (sorted, deduplicated). */
function chunksOf(input: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of [...points, input.length]) {
    if (point > from) chunks.push(input.slice(from, point));
    from = Math.max(from, point);
  }
  return chunks;
}

describe("Output holds the input", () => {
  // Short alphabets, so that searches find something and cross chunk boundaries.
  const text = fc.string({ unit: fc.constantFrom("a", "b", "<", ">", "é", "\u{1F600}"), maxLength: 60 });

  test.prop([text, fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 })], {
    numRuns: 2000,
  })("reads every offset it still holds as the whole input reads it", (input, cuts, forgets, probes) => {
    const output = new Output(() => {});
    let written = 0;
    let start = 0;
    const chunks = chunksOf(input, cuts);
    chunks.forEach((chunk, index) => {
      output.append(chunk);
      written += chunk.length;
      // Forget some of what was written (as the engine does once it is decided).
      const forget = Math.min(written, start + ((forgets[index] ?? 0) % (written - start + 1)));
      output.advance(forget, true);
      output.flush(forget);
      start = forget;
      for (const probe of probes) {
        const from = start + (probe % (written - start + 1));
        const to = from + ((probe >> 3) % (written - from + 1));
        expect(output.slice(from, to)).toBe(input.slice(from, to));
        if (from < written) expect(output.charCodeAt(from)).toBe(input.charCodeAt(from));
        for (const search of [">", "<", "a"]) {
          const expected = input.slice(0, written).indexOf(search, from);
          expect(output.indexOf(search, from)).toBe(expected);
        }
      }
    });
    expect(output.total).toBe(input.length);
  });

  it("keeps the last chunk as it was written: reading it copies nothing of what came before", () => {
    const output = new Output(() => {});
    output.append("<p>unfinished <b");
    output.advance(14, true);
    output.flush(14);
    const chunk = "x".repeat(1000);
    output.append(chunk);
    expect(output.slice(14, 16 + 1000)).toBe(`<b${chunk}`);
    expect(output.slice(16, 16 + 1000)).toBe(chunk);
    expect(output.indexOf("x", 0)).toBe(16);
  });
});
