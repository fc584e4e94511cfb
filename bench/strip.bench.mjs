// Throughput of the built package (dist/) against htmlparser2's parse-only floors.
//
//   npm run bench                     (builds dist/ first, then runs this file)
//   BENCH_ROUNDS=7 BENCH_VERBOSE=1 node bench/strip.bench.mjs   (more rounds; print every round's MB/s)
//
// Corpora: (a) the team's shared corpus of real email, read in place from ../shared/corpus (never copied;
// skipped with a message when absent), (b) ~30 MB of synthetic email from bench/synthetic-corpus.mjs.
// Contestants, run interleaved in rounds (rotating their order) so they share the machine's noise:
//   tokenizer      htmlparser2 Tokenizer with no-op callbacks (the lowest floor)
//   parser         htmlparser2 Parser with no handlers: new Parser({}), write(doc), end()
//   stripTracking  stripTracking(doc) from dist/index.js
//   stripper/1024  createStripper from dist/index.js, fed 1024-character chunks
// Reports the median MB/s (UTF-8 bytes, 1 MB = 1e6 bytes) over rounds, and the median per-round ratio to each floor.
// No timing assertions: this prints numbers for people to compare.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser, Tokenizer } from "htmlparser2";
import { createStripper, stripTracking } from "../dist/index.js";
import { generateCorpus } from "./synthetic-corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const sharedCorpus = join(here, "..", "..", "shared", "corpus");
const SYNTHETIC_BYTES = Number(process.env.BENCH_SYNTHETIC_BYTES ?? 30e6);
const MAX_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MIN_ROUNDS = Math.min(3, MAX_ROUNDS);
/** Rounds after MIN_ROUNDS start only while the run (after warm-up) is likely to stay within this. */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 85_000);
const CHUNK = 1024;

// ---- corpora -------------------------------------------------------------------------------------------

function readShared() {
  const dirs = ["real-tracked", "templates"].map((d) => join(sharedCorpus, d)).filter((d) => existsSync(d));
  if (dirs.length === 0) {
    console.log(`Shared corpus not found at ${sharedCorpus}: skipping it (synthetic corpus only).`);
    return undefined;
  }
  const docs = dirs.flatMap((dir) =>
    readdirSync(dir)
      .sort()
      .map((name) => readFileSync(join(dir, name), "utf8")),
  );
  return { name: "shared corpus (real-tracked + templates)", docs };
}

function withSize(corpus) {
  const bytes = corpus.docs.reduce((sum, doc) => sum + Buffer.byteLength(doc, "utf8"), 0);
  return { ...corpus, bytes };
}

// ---- contestants ---------------------------------------------------------------------------------------
// Each returns a number derived from its work so that nothing can be optimised away.

const noop = () => {};
const tokenizerCallbacks = {
  onattribdata: noop,
  onattribentity: noop,
  onattribend: noop,
  onattribname: noop,
  oncdata: noop,
  onclosetag: noop,
  oncomment: noop,
  ondeclaration: noop,
  onend: noop,
  onopentagend: noop,
  onopentagname: noop,
  onprocessinginstruction: noop,
  onselfclosingtag: noop,
  ontext: noop,
  ontextentity: noop,
};

const contestants = [
  {
    name: "tokenizer",
    run(doc) {
      const tokenizer = new Tokenizer({ decodeEntities: true }, tokenizerCallbacks);
      tokenizer.write(doc);
      tokenizer.end();
      return 1;
    },
  },
  {
    name: "parser",
    run(doc) {
      const parser = new Parser({});
      parser.write(doc);
      parser.end();
      return parser.endIndex;
    },
  },
  {
    name: "stripTracking",
    run(doc) {
      return stripTracking(doc).length;
    },
  },
  {
    name: `stripper/${CHUNK}`,
    run(doc) {
      let length = 0;
      const stripper = createStripper({ onData: (chunk) => (length += chunk.length) });
      for (let i = 0; i < doc.length; i += CHUNK) stripper.write(doc.slice(i, i + CHUNK));
      stripper.end();
      return length;
    },
  },
];

// ---- measuring -----------------------------------------------------------------------------------------

let sink = 0;

/**
 * One measurement of one contestant on a corpus: whole passes over it, repeated until at least `minMs` have
 * passed (the floors finish the shared corpus in ~0.1 s, too short to time on a noisy machine). Returns MB/s.
 */
function pass(contestant, corpus, minMs = 500) {
  const start = performance.now();
  let bytes = 0;
  let elapsed = 0;
  do {
    for (const doc of corpus.docs) sink += contestant.run(doc);
    bytes += corpus.bytes;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return bytes / 1e6 / (elapsed / 1000);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A cheap correctness check during warm-up (not timed): chunked output must equal one-shot output. */
function checkChunking(corpus) {
  let mismatches = 0;
  for (const doc of corpus.docs.slice(0, 20)) {
    let out = "";
    const stripper = createStripper({ onData: (chunk) => (out += chunk) });
    for (let i = 0; i < doc.length; i += CHUNK) stripper.write(doc.slice(i, i + CHUNK));
    stripper.end();
    if (out !== stripTracking(doc)) mismatches++;
  }
  if (mismatches > 0) console.log(`  note: ${mismatches} document(s) of ${corpus.name} strip differently in 1024-char chunks`);
}

const fmt = (n, digits = 1) => n.toFixed(digits);

/** Median over rounds of (contestant MB/s / floor MB/s in the same round): the ratio shares each round's noise. */
function ratio(results, name, floor) {
  const runs = results.get(name);
  const floors = results.get(floor);
  return median(runs.map((mbs, round) => mbs / floors[round]));
}

function table(corpus, results) {
  const rows = contestants.map(({ name }) => {
    const runs = results.get(name);
    const toParser = ratio(results, name, "parser");
    return [
      name,
      fmt(median(runs)),
      `${fmt(Math.min(...runs))}-${fmt(Math.max(...runs))}`,
      fmt(toParser, 3),
      fmt(ratio(results, name, "tokenizer"), 3),
      `${fmt(1 / toParser, 1)}x`,
    ];
  });
  const header = ["contestant", "median MB/s", "range MB/s", "/ parser", "/ tokenizer", "time vs parser"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${corpus.name}: ${corpus.docs.length} documents, ${fmt(corpus.bytes / 1e6, 2)} MB, ${results.get("parser").length} rounds`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  if (process.env.BENCH_VERBOSE) {
    for (const { name } of contestants) console.log(`  ${name} per round: ${results.get(name).map((v) => fmt(v)).join(" ")}`);
  }
}

// ---- main ----------------------------------------------------------------------------------------------

console.log(`strip-tracking bench: Node ${process.version}, ${process.platform}/${process.arch}`);
const generateStart = performance.now();
const synthetic = { name: `synthetic corpus (seed 1, ~${fmt(SYNTHETIC_BYTES / 1e6, 0)} MB)`, docs: generateCorpus({ seed: 1, totalBytes: SYNTHETIC_BYTES }) };
console.log(`generated ${synthetic.docs.length} synthetic documents in ${fmt((performance.now() - generateStart) / 1000, 1)} s`);
const corpora = [readShared(), synthetic].filter(Boolean).map(withSize);

// Warm-up: every contestant over a slice of every corpus, so the JIT has seen all the code paths.
for (const corpus of corpora) {
  const slice = withSize({ name: corpus.name, docs: corpus.docs.slice(0, Math.min(corpus.docs.length, 40)) });
  for (const contestant of contestants) pass(contestant, slice, 0);
  checkChunking(corpus);
}

const results = new Map(corpora.map((c) => [c, new Map(contestants.map((k) => [k.name, []]))]));
const runStart = performance.now();
let rounds = 0;
while (rounds < MAX_ROUNDS) {
  const elapsed = performance.now() - runStart;
  if (rounds >= MIN_ROUNDS && elapsed + elapsed / rounds > BUDGET_MS) break;
  for (const corpus of corpora) {
    for (let k = 0; k < contestants.length; k++) {
      const contestant = contestants[(k + rounds) % contestants.length];
      results.get(corpus).get(contestant.name).push(pass(contestant, corpus));
    }
  }
  rounds++;
  process.stdout.write(`round ${rounds} done (${fmt((performance.now() - runStart) / 1000, 1)} s)\n`);
}

for (const corpus of corpora) table(corpus, results.get(corpus));
console.log(
  "\n/ parser, / tokenizer: median over rounds of the throughput ratio within each round (higher is better; 1 = as fast as the floor)." +
    "\ntime vs parser: how many times longer than the Parser floor the same work takes.",
);
if (sink === 0) console.log("");
