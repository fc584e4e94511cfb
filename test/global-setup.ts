// Runs once before the test files: builds dist/ when it is missing or older than the sources, so the tests that
// exercise the built package (edge runtime, examples) share one build instead of racing to make their own.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const distEntry = join(root, "dist", "index.js");

/** Newest modification time of a file, or of any file under a directory. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function distIsStale(): boolean {
  if (!existsSync(distEntry)) return true;
  const built = statSync(distEntry).mtimeMs;
  const inputs = ["src", "tsup.config.ts", "package.json"].map((path) => join(root, path));
  return inputs.some((input) => existsSync(input) && newestMtime(input) > built);
}

export default function setup(): void {
  if (distIsStale()) execFileSync("npx", ["tsup"], { cwd: root, stdio: "pipe", timeout: 170_000 });
}
