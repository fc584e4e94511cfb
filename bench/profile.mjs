// CPU profile of stripTracking over the synthetic corpus, summarised: self time per function, top first.
//
//   npm run build && node bench/profile.mjs            (8 MB of synthetic mail, twice; BENCH_PROFILE_BYTES to change)
//   node bench/profile.mjs --summary some.cpuprofile    (summarise a profile made elsewhere)
//
// Runs `node --cpu-prof` in a child process over the built dist/, then prints the functions with the most self
// time (share of all samples), grouped by function and file, and the share of each dist/ or dependency file.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./synthetic-corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 30);

function profileFile() {
  const summaryAt = process.argv.indexOf("--summary");
  if (summaryAt >= 0) return process.argv[summaryAt + 1];
  const dir = mkdtempSync(join(tmpdir(), "strip-prof-"));
  const bytes = Number(process.env.BENCH_PROFILE_BYTES ?? 8e6);
  // Generated here, read there: the child's profile is the stripping, not the generator.
  const corpusFile = join(dir, "corpus.json");
  writeFileSync(corpusFile, JSON.stringify(generateCorpus({ seed: 1, totalBytes: bytes })));
  const code = `
    const { readFileSync } = await import("node:fs");
    const { stripTracking } = await import(${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)});
    const docs = JSON.parse(readFileSync(${JSON.stringify(corpusFile)}, "utf8"));
    let n = 0;
    for (let pass = 0; pass < 2; pass++) for (const doc of docs) n += stripTracking(doc).length;
    if (n === 0) console.log("");`;
  execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-interval=250", `--cpu-prof-dir=${dir}`, "--input-type=module", "-e", code], { cwd: join(here, ".."), stdio: "inherit" });
  return join(dir, readdirSync(dir).find((name) => name.endsWith(".cpuprofile")));
}

const file = profileFile();
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
const total = profile.samples.length;

const functions = new Map();
const files = new Map();
for (const [id, count] of selfSamples) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url ? `${basename(url)}:${lineNumber + 1}` : "";
  const key = `${functionName || "(anonymous)"} ${where}`.trim();
  functions.set(key, (functions.get(key) ?? 0) + count);
  const fileKey = url ? url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/dist\//, "dist/") : functionName;
  files.set(fileKey, (files.get(fileKey) ?? 0) + count);
}

// Inclusive time: a sample counts once for every distinct function on its stack.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const keyOf = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || "(anonymous)"} ${url ? `${basename(url)}:${lineNumber + 1}` : ""}`.trim();
};
const inclusive = new Map();
for (const [id, count] of selfSamples) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(byId.get(at)));
  for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + count);
}

const pct = (count) => `${((100 * count) / total).toFixed(1).padStart(5)}%`;
console.log(`profile: ${file} (${total} samples)`);
console.log(`\ntop ${TOP} functions by self time`);
for (const [key, count] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(count)}  ${key}`);
console.log(`\ntop ${TOP} functions by inclusive time (dist/ and its dependencies)`);
const ours = [...inclusive].filter(([key]) => /index\.js|\.js:/.test(key) && !/\[eval|synthetic-corpus|node:/.test(key));
for (const [key, count] of ours.sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(count)}  ${key}`);
console.log("\nby file");
for (const [key, count] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${pct(count)}  ${key}`);
