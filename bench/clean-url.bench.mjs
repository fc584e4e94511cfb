// Link cleaning alone: cleanUrl from the built package over every link of the synthetic corpus (and of the
// shared corpus when present), A/B against another build when one is given.
//
//   npm run build && node bench/clean-url.bench.mjs                       (this build)
//   node bench/clean-url.bench.mjs /path/to/other/dist/index.js           (this build vs another, ratio)
//
// Three URL sets, each cleaned by one-shot cleanUrl calls: every href as written in the corpora (decoded), the
// same with their query and fragment cut (plain links: no query), and the tracked ones only. A fourth line
// cleans every href with one createUrlCleaner per document, as stripTracking does (a cleaner keeps per-host
// rules between its calls). Interleaved rounds; the ratio is the median of per-round ratios (B's time / A's
// time: above 1 means this build is faster). Times are CPU time, not wall time. No timing assertions.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateCorpus } from "./synthetic-corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const builds = [["this build", join(here, "..", "dist", "index.js")]];
if (process.argv[2]) builds.push(["other build", resolve(process.argv[2])]);
const libraries = await Promise.all(builds.map(async ([name, path]) => [name, await import(pathToFileURL(path).href)]));
const cleaners = libraries.map(([name, library]) => [name, library.cleanUrl]);

const href = /\bhref\s*=\s*"([^"]*)"/gi;
const decode = (url) => url.replaceAll("&amp;", "&");
const docs = generateCorpus({ seed: 1, totalBytes: 6e6 });
const sharedDirs = ["real-tracked", "templates"].map((d) => join(here, "..", "..", "shared", "corpus", d)).filter(existsSync);
for (const dir of sharedDirs) for (const name of readdirSync(dir)) docs.push(readFileSync(join(dir, name), "utf8"));
const linksByDoc = docs.map((doc) => [...doc.matchAll(href)].map((match) => decode(match[1])));
const all = linksByDoc.flat();
const plain = all.map((url) => url.replace(/[?#].*$/, ""));
const [first] = cleaners;
const tracked = all.filter((url) => first[1](url).changes.length > 0 || first[1](url).opaqueRedirect);
const sets = [
  ["all links", all],
  ["no query", plain],
  ["tracked", tracked],
];

/** CPU nanoseconds per URL (user + system time of this process: a busy shared machine inflates wall time). */
function time(clean, urls) {
  return timeRuns(() => {
    let n = 0;
    for (const url of urls) n += clean(url).url.length;
    return n;
  }, urls.length);
}

/** CPU nanoseconds per link of one createUrlCleaner per document. */
function timePerDocument(library) {
  return timeRuns(() => {
    let n = 0;
    for (const links of linksByDoc) {
      const clean = library.createUrlCleaner();
      for (const url of links) n += clean(url).url.length;
    }
    return n;
  }, all.length);
}

function timeRuns(run, count) {
  const start = process.cpuUsage();
  let n = 0;
  let runs = 0;
  let micros = 0;
  do {
    n += run();
    runs++;
    const used = process.cpuUsage(start);
    micros = used.user + used.system;
  } while (micros < 300_000);
  if (n === 0) console.log("");
  return (micros * 1e3) / (runs * count);
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (const [, clean] of cleaners) for (const [, urls] of sets) time(clean, urls.slice(0, 2000));
console.log(`cleanUrl: ${all.length} links (${tracked.length} tracked), ${ROUNDS} rounds, ns per URL (median)`);
for (const [label, urls] of sets) {
  const results = cleaners.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < cleaners.length; k++) {
      const index = (k + round) % cleaners.length;
      results[index].push(time(cleaners[index][1], urls));
    }
  }
  const cells = cleaners.map(([name], i) => `${name} ${median(results[i]).toFixed(0)} ns`);
  const ratio = cleaners.length > 1 ? `  speedup ${median(results[0].map((a, round) => results[1][round] / a)).toFixed(2)}x` : "";
  console.log(`${label.padEnd(10)} ${cells.join("  ")}${ratio}`);
}
{
  const results = libraries.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < libraries.length; k++) {
      const index = (k + round) % libraries.length;
      results[index].push(timePerDocument(libraries[index][1]));
    }
  }
  const cells = libraries.map(([name], i) => `${name} ${median(results[i]).toFixed(0)} ns`);
  const ratio = libraries.length > 1 ? `  speedup ${median(results[0].map((a, round) => results[1][round] / a)).toFixed(2)}x` : "";
  console.log(`${"per doc".padEnd(10)} ${cells.join("  ")}${ratio}  (all links, one cleaner per document)`);
}
