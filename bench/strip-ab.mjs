// stripTracking of this build against another build, on the same documents, in one process, with the
// htmlparser2 Tokenizer as the floor both are compared to.
//
//   npm run build && node bench/strip-ab.mjs /path/to/other/dist/index.js
//
// Two corpora (the shared corpus, read in place and skipped when absent; synthetic mail). Interleaved rounds
// (the order rotates), CPU time (user + system: a busy shared machine inflates wall time). Prints, per corpus,
// each contestant's median ms per pass and its median per-round ratio to the tokenizer; and the median per-round
// ratio other/this (above 1: this build is faster). No timing assertions.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Tokenizer } from "htmlparser2";
import { generateCorpus } from "./synthetic-corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
if (!process.argv[2]) throw new Error("usage: node bench/strip-ab.mjs /path/to/other/dist/index.js");
const thisBuild = await import(pathToFileURL(join(here, "..", "dist", "index.js")).href);
const otherBuild = await import(pathToFileURL(resolve(process.argv[2])).href);

const noop = () => {};
const callbacks = new Proxy({}, { get: () => noop });
const contestants = [
  ["tokenizer", (doc) => {
    const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
    tokenizer.write(doc);
    tokenizer.end();
  }],
  ["this build", (doc) => thisBuild.stripTracking(doc)],
  ["other build", (doc) => otherBuild.stripTracking(doc)],
];

const corpora = [["synthetic", generateCorpus({ seed: 1, totalBytes: Number(process.env.BENCH_SYNTHETIC_BYTES ?? 5e6) })]];
const sharedDirs = ["real-tracked", "templates"].map((d) => join(here, "..", "..", "shared", "corpus", d)).filter(existsSync);
if (sharedDirs.length > 0) {
  corpora.unshift(["shared corpus", sharedDirs.flatMap((dir) => readdirSync(dir).sort().map((name) => readFileSync(join(dir, name), "utf8")))]);
} else {
  console.log("Shared corpus not found: synthetic corpus only.");
}

function cpuMs(run, docs) {
  const start = process.cpuUsage();
  for (const doc of docs) run(doc);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const [name, docs] of corpora) {
  for (const [, run] of contestants) cpuMs(run, docs); // warm-up
  const times = new Map(contestants.map(([contestant]) => [contestant, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < contestants.length; i++) {
      const [contestant, run] = contestants[(i + round) % contestants.length];
      times.get(contestant).push(cpuMs(run, docs));
    }
  }
  const floor = times.get("tokenizer");
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc, "utf8"), 0);
  console.log(`${name}: ${docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB, ${ROUNDS} rounds`);
  for (const [contestant] of contestants) {
    const own = times.get(contestant);
    const ratio = median(own.map((ms, i) => ms / floor[i]));
    console.log(`  ${contestant.padEnd(12)} ${median(own).toFixed(0).padStart(6)} ms  ${ratio.toFixed(2)}x tokenizer`);
  }
  const other = times.get("other build");
  console.log(`  other/this   ${median(times.get("this build").map((ms, i) => other[i] / ms)).toFixed(2)}x (above 1: this build is faster)`);
}
