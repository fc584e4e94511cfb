// Peak memory while streaming: run in a child process of its own, so its peak RSS is this job's alone.
//
//   node bench/stream-rss.mjs tracked 1000           stream 1000 MB of tracked synthetic mail
//   node bench/stream-rss.mjs clean 1000             the same amount of clean synthetic mail
//   node bench/stream-rss.mjs tracked 1000 onFinding  pass an onFinding callback (the report is not kept)
//   node bench/stream-rss.mjs tracked 1000 tokenizer  the floor: the same chunks through a bare htmlparser2 Tokenizer
//                                                    (what this harness and the parser alone cost)
//
// Documents come from bench/synthetic-corpus.mjs one at a time and are fed back to back into ONE
// createStripper in 64 KB chunks, as a relay streams a mailbox. Prints one JSON line: peak RSS
// (process.resourceUsage().maxRSS), RSS before streaming, bytes, findings, seconds.

import { Tokenizer } from "htmlparser2";
import { createStripper } from "../dist/index.js";
import { generateDocuments } from "./synthetic-corpus.mjs";

const [mode = "tracked", megabytes = "100", reportMode = "report"] = process.argv.slice(2);
const CHUNK = 64 * 1024;
const target = Number(megabytes) * 1e6;

const baselineRss = process.memoryUsage().rss;
let outputLength = 0;
let seen = 0;
const options = { onData: (chunk) => (outputLength += chunk.length) };
if (reportMode === "onFinding") options.onFinding = () => seen++;
const noop = () => {};
const floor = new Tokenizer({ decodeEntities: true }, new Proxy({}, { get: () => noop }));
const stripper =
  reportMode === "tokenizer"
    ? { write: (chunk) => floor.write(chunk), end: () => (floor.end(), { findings: [], warnings: [] }) }
    : createStripper(options);

const start = performance.now();
let fed = 0;
let carry = "";
for (const doc of generateDocuments({ seed: 7, tracked: mode === "tracked" })) {
  let text = carry + doc;
  let at = 0;
  while (text.length - at >= CHUNK) {
    stripper.write(text.slice(at, at + CHUNK));
    at += CHUNK;
  }
  carry = text.slice(at);
  fed += at;
  text = "";
  if (fed >= target) break;
}
if (carry) stripper.write(carry);
fed += carry.length;
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
