// Ways to cut an input into chunks, and to stream chunks through the stripper: what the chunking-invariance
// tests share.

import { createStripper, type Report, type StripOptions } from "../../src/index.js";

/** mulberry32: a small seeded PRNG, so "random" chunkings are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts `text` at the given offsets (sorted). */
export function splitAt(text: string, cuts: readonly number[]): string[] {
  const chunks: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    chunks.push(text.slice(from, cut));
    from = cut;
  }
  chunks.push(text.slice(from));
  return chunks;
}

/** Chunks of `size` characters. */
export function fixedChunks(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** Streams the chunks through one stripper; the output is read after end(), which flushes the rest. */
export function streamed(chunks: readonly string[], options?: StripOptions): { html: string; report: Report } {
  const parts: string[] = [];
  const stripper = createStripper({ ...options, onData: (part) => parts.push(part) });
  for (const chunk of chunks) stripper.write(chunk);
  const report = stripper.end();
  return { html: parts.join(""), report };
}
