// Peak memory while streaming: run in a child process of its own, so its peak RSS is this job's alone.
//
//   node bench/stream-rss.mjs tracked 1000           stream 1000 MB of tracked synthetic mail
//   node bench/stream-rss.mjs clean 1000             the same amount of clean synthetic mail
//   node bench/stream-rss.mjs tracked 1000 onFinding  pass an onFinding callback (the report is not kept)
//   node bench/stream-rss.mjs tracked 1000 tokenizer  the floor: the same chunks through a bare htmlparser2 Tokenizer
//                                                    (what this harness and the parser alone cost)
//
// The mail is ~20 MB of synthetic documents (bench/synthetic-corpus.mjs) written once to a file in the temp
// directory by another process (`pool` mode), then read from that file round and round in 64 KB chunks, each in a
// fresh buffer, into ONE createStripper, as a relay streams a mailbox. Generating the mail in this process made
// the generator's garbage part of the peak: the bare Tokenizer peaked at 121-126 MB that way.
// Prints one JSON line: peak RSS (process.resourceUsage().maxRSS), RSS before streaming, bytes, findings, seconds.

import { execFileSync } from "node:child_process";
import { closeSync, existsSync, openSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Tokenizer } from "htmlparser2";
import { createStripper } from "../dist/index.js";

const POOL_BYTES = 20e6;
const CHUNK = 64 * 1024;

if (process.argv[2] === "pool") {
  const [, , , mode, file] = process.argv;
  const { generateDocuments } = await import("./synthetic-corpus.mjs");
  const parts = [];
  let length = 0;
  for (const doc of generateDocuments({ seed: 7, tracked: mode === "tracked" })) {
    parts.push(doc);
    length += doc.length;
    if (length >= POOL_BYTES) break;
  }
  writeFileSync(`${file}.part`, parts.join(""));
  renameSync(`${file}.part`, file);
  process.exit(0);
}

const [mode = "tracked", megabytes = "100", reportMode = "report"] = process.argv.slice(2);
const target = Number(megabytes) * 1e6;
// Made again whenever the generator changes.
const generator = fileURLToPath(new URL("./synthetic-corpus.mjs", import.meta.url));
const poolFile = join(tmpdir(), `strip-tracking-bench-pool-${mode}-${Math.round(statSync(generator).mtimeMs)}.html`);
if (!existsSync(poolFile)) execFileSync(process.execPath, [fileURLToPath(import.meta.url), "pool", mode, poolFile]);
const pool = openSync(poolFile, "r");

const baselineRss = process.memoryUsage().rss;
let outputLength = 0;
let seen = 0;
const options = { onData: (chunk) => (outputLength += chunk.length) };
if (reportMode === "onFinding") options.onFinding = () => seen++;
const noop = () => {};
const floor = new Tokenizer({ decodeEntities: true }, new Proxy({}, { get: () => noop }));
const decoder = new TextDecoder();
const stripper =
  reportMode === "tokenizer"
    ? {
        write: (chunk) => floor.write(decoder.decode(chunk, { stream: true })),
        end: () => (floor.end(), { findings: [], warnings: [] }),
      }
    : createStripper(options);

const start = performance.now();
let fed = 0;
let position = 0;
while (fed < target) {
  // A fresh buffer per chunk, as a stream gives them.
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK, target - fed));
  const read = readSync(pool, chunk, 0, chunk.length, position);
  if (read === 0) {
    position = 0;
    continue;
  }
  stripper.write(read === chunk.length ? chunk : chunk.subarray(0, read));
  position += read;
  fed += read;
}
closeSync(pool);
const report = stripper.end();
const seconds = (performance.now() - start) / 1000;

console.log(
  JSON.stringify({
    mode,
    reportMode,
    megabytes: fed / 1e6,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    baselineRssMB: baselineRss / 2 ** 20,
    findings: reportMode === "onFinding" ? seen : report.findings.length,
    warnings: report.warnings.map((warning) => warning.code).filter((code, i, all) => all.indexOf(code) === i),
    outputMB: outputLength / 1e6,
    seconds,
  }),
);
