// How much heap a kept value holds: for tests that prove a kept string does not keep its parent alive.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect } from "vitest";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap bytes still held after keeping `keep(parent)` for each of 20 fresh 1 MB parents. */
export function retained(keep: (parent: string) => unknown): number {
  const kept: unknown[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 20; i++) {
    const parent = `${"x".repeat(1_000_000)}${i}`;
    kept.push(keep(parent));
  }
  gc();
  gc();
  const held = process.memoryUsage().heapUsed - before;
  expect(kept).toHaveLength(20);
  return held;
}

