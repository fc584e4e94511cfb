// Speed and memory of the built package (dist/) against htmlparser2's floors and the tools a user would
// otherwise pick.
//
//   npm run bench                     (builds dist/ first, then runs this file; a few minutes)
//   BENCH_ROUNDS=7 BENCH_VERBOSE=1 node bench/strip.bench.mjs   (more rounds; print every round's MB/s)
//   BENCH_SECTIONS=throughput,linearity,import,stream           (the default: all four)
//   BENCH_STREAM_MB=1000              (streamed megabytes per memory run; default 100)
//
// 1. throughput: two corpora (the team's shared corpus of real email, read in place from ../shared/corpus and
//    never copied, skipped with a message when absent; synthetic email from bench/synthetic-corpus.mjs), every
//    contestant run interleaved in rounds (rotating their order) so that they share the machine's noise:
//      tokenizer      htmlparser2 Tokenizer with no-op callbacks (the lowest floor)
//      parser         htmlparser2 Parser with no handlers
//      tokenizer-job  the peers' job (pixels, link parameters) as one pass on the bare Tokenizer (bench/peers.mjs)
//      stripTracking  stripTracking(doc) from dist/index.js
//      stripper/1024  createStripper from dist/index.js, fed 1024-character chunks
//      lol-html, cheerio, sanitize-html: the peers doing the same small job (bench/peers.mjs)
//    Reports the median MB/s (UTF-8 bytes, 1 MB = 1e6 bytes) over rounds and the median per-round ratios.
// 2. linearity: stripTracking and the Tokenizer on documents of ~10 KB, 100 KB, 1 MB and 10 MB.
// 3. import: cold import time of dist/index.js vs htmlparser2 alone, each in a fresh child process.
// 4. stream: peak RSS of a child process streaming tracked vs clean mail in 64 KB chunks (bench/stream-rss.mjs).
// No timing assertions: this prints numbers for people to compare.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser, Tokenizer } from "htmlparser2";
import { createStripper, stripTracking } from "../dist/index.js";
import { cheerioJob, lolHtml, sanitizeHtmlJob, tokenizerJob } from "./peers.mjs";
import { generateCorpus, generateDocumentOfLength } from "./synthetic-corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const sharedCorpus = join(here, "..", "..", "shared", "corpus");
const SYNTHETIC_BYTES = Number(process.env.BENCH_SYNTHETIC_BYTES ?? 20e6);
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? "throughput,linearity,import,stream").split(","));
const STREAM_MB = Number(process.env.BENCH_STREAM_MB ?? 100);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 11);
const MAX_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MIN_ROUNDS = Math.min(3, MAX_ROUNDS);
/** Rounds after MIN_ROUNDS start only while the run (after warm-up) is likely to stay within this. */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 150_000);
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
  { name: "tokenizer-job", run: (doc) => tokenizerJob(doc).length },
  { name: "lol-html", async: true, run: async (doc) => (await lolHtml(doc)).length },
  { name: "cheerio", run: (doc) => cheerioJob(doc).length },
  { name: "sanitize-html", run: (doc) => sanitizeHtmlJob(doc).length },
];
const peers = ["lol-html", "cheerio", "sanitize-html"];

// ---- measuring -----------------------------------------------------------------------------------------

let sink = 0;

/**
 * One measurement of one contestant on a corpus: whole passes over it, repeated until at least `minMs` have
 * passed (the floors finish the shared corpus in ~0.1 s, too short to time on a noisy machine). Returns MB/s.
 */
async function pass(contestant, corpus, minMs = 500) {
  const start = performance.now();
  let bytes = 0;
  let elapsed = 0;
  do {
    if (contestant.async) for (const doc of corpus.docs) sink += await contestant.run(doc);
    else for (const doc of corpus.docs) sink += contestant.run(doc);
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

// ---- sections ------------------------------------------------------------------------------------------

/** stripTracking's throughput as a multiple of each peer's (median of per-round ratios). */
function peerLine(results) {
  const parts = peers.map((peer) => `${fmt(ratio(results, "stripTracking", peer), 2)}x ${peer}`);
  return `stripTracking vs peers (higher is better): ${parts.join(", ")}`;
}

async function throughput() {
  const generateStart = performance.now();
  const synthetic = { name: `synthetic corpus (seed 1, ~${fmt(SYNTHETIC_BYTES / 1e6, 0)} MB)`, docs: generateCorpus({ seed: 1, totalBytes: SYNTHETIC_BYTES }) };
  console.log(`generated ${synthetic.docs.length} synthetic documents in ${fmt((performance.now() - generateStart) / 1000, 1)} s`);
  const corpora = [readShared(), synthetic].filter(Boolean).map(withSize);

  // Warm-up: every contestant over a slice of every corpus, so the JIT has seen all the code paths.
  for (const corpus of corpora) {
    const slice = withSize({ name: corpus.name, docs: corpus.docs.slice(0, Math.min(corpus.docs.length, 40)) });
    for (const contestant of contestants) await pass(contestant, slice, 0);
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
        results.get(corpus).get(contestant.name).push(await pass(contestant, corpus));
      }
    }
    rounds++;
    process.stdout.write(`round ${rounds} done (${fmt((performance.now() - runStart) / 1000, 1)} s)\n`);
  }

  for (const corpus of corpora) {
    table(corpus, results.get(corpus));
    console.log(peerLine(results.get(corpus)));
  }
  console.log(
    "\n/ parser, / tokenizer: median over rounds of the throughput ratio within each round (higher is better; 1 = as fast as the floor)." +
      "\ntime vs parser: how many times longer than the Parser floor the same work takes.",
  );
}

/** MB/s of stripTracking and the Tokenizer on ~10 MB of documents of each size: is the cost per byte flat? */
async function linearity() {
  const totalBytes = Number(process.env.BENCH_LINEAR_BYTES ?? 10e6);
  const sizes = [
    ["~10 KB", 8_000],
    ["~100 KB", 100_000],
    ["~1 MB", 1e6],
    ["~10 MB", 10e6],
  ];
  const groups = sizes.map(([label, length]) => {
    const docs = [];
    let total = 0;
    for (let seed = 1; total < totalBytes; seed++) {
      const doc = generateDocumentOfLength({ seed, length });
      docs.push(doc);
      total += doc.length;
    }
    return withSize({ name: label, docs });
  });
  const pair = contestants.filter((c) => c.name === "tokenizer" || c.name === "stripTracking");
  const results = new Map(groups.map((g) => [g, new Map(pair.map((c) => [c.name, []]))]));
  for (const group of groups) for (const contestant of pair) await pass(contestant, group, 0);
  for (let round = 0; round < 3; round++) {
    for (const group of groups) {
      for (let k = 0; k < pair.length; k++) {
        const contestant = pair[(k + round) % pair.length];
        results.get(group).get(contestant.name).push(await pass(contestant, group));
      }
    }
  }
  console.log(`\nlinearity: stripTracking on ~${fmt(totalBytes / 1e6, 0)} MB of documents of each size, 3 rounds`);
  console.log("documents        count  mean size  stripTracking MB/s  tokenizer MB/s  / tokenizer");
  const perByte = [];
  for (const group of groups) {
    const r = results.get(group);
    const toFloor = ratio(r, "stripTracking", "tokenizer");
    perByte.push(toFloor);
    console.log(
      `${group.name.padEnd(15)}  ${String(group.docs.length).padStart(5)}  ${`${fmt(group.bytes / group.docs.length / 1e3, 0)} KB`.padStart(9)}  ${fmt(median(r.get("stripTracking"))).padStart(18)}  ${fmt(median(r.get("tokenizer"))).padStart(14)}  ${fmt(toFloor, 3).padStart(11)}`,
    );
  }
  console.log(`spread of / tokenizer across sizes: ${fmt((Math.max(...perByte) / Math.min(...perByte) - 1) * 100, 0)}% (target: within 20%)`);
}

/** Milliseconds to import `specifier` in a fresh Node process (module loading only, not Node's own start). */
function importOnce(specifier) {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: join(here, ".."), encoding: "utf8" }));
}

function importTime() {
  const targets = [
    ["dist/index.js (strip-tracking)", new URL("../dist/index.js", import.meta.url).href],
    ["htmlparser2 alone", "htmlparser2"],
  ];
  const times = new Map(targets.map(([label]) => [label, []]));
  // Interleaved, as the throughput rounds are: both share the machine's noise.
  for (let run = 0; run < IMPORT_RUNS; run++) for (const [label, specifier] of targets) times.get(label).push(importOnce(specifier));
  console.log(`\nimport: cold import in a fresh process, median of ${IMPORT_RUNS} (range)`);
  for (const [label] of targets) {
    const runs = times.get(label);
    console.log(`${label.padEnd(32)} ${fmt(median(runs)).padStart(7)} ms  (${fmt(Math.min(...runs))}-${fmt(Math.max(...runs))})`);
  }
}

function streamRss() {
  let hasOnFinding = true;
  try {
    createStripper({ onData: () => {}, onFinding: () => {} }).end();
  } catch {
    hasOnFinding = false;
  }
  const runs = [["tracked", "report"], ...(hasOnFinding ? [["tracked", "onFinding"]] : []), ["clean", "report"], ["tracked", "tokenizer"]];
  console.log(`\nstream: peak RSS of a child process streaming ${STREAM_MB} MB of synthetic mail through createStripper in 64 KB chunks`);
  console.log("mail      report     peak RSS  before  findings  MB/s  warnings");
  for (const [mode, reportMode] of runs) {
    const line = execFileSync(process.execPath, [join(here, "stream-rss.mjs"), mode, String(STREAM_MB), reportMode], { encoding: "utf8" });
    const r = JSON.parse(line);
    console.log(
      `${mode.padEnd(8)}  ${reportMode.padEnd(9)}  ${`${fmt(r.peakRssMB, 0)} MB`.padStart(8)}  ${`${fmt(r.baselineRssMB, 0)} MB`.padStart(6)}  ${String(r.findings).padStart(8)}  ${fmt(r.megabytes / r.seconds).padStart(4)}  ${r.warnings.join(",") || "-"}`,
    );
  }
}

// ---- main ----------------------------------------------------------------------------------------------

console.log(`strip-tracking bench: Node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
if (SECTIONS.has("throughput")) await throughput();
if (SECTIONS.has("linearity")) await linearity();
if (SECTIONS.has("import")) importTime();
if (SECTIONS.has("stream")) streamRss();
if (sink === 0) console.log("");
