// Two builds, the same answers: the html and the report of every document, under several option sets. Speed work
// must keep this at "0 differ" (a shortcut that skips work must never change a decision).
//
//   npm run build && node bench/same-output.mjs /path/to/other/dist/index.js      (this build vs another)
//
// Documents: synthetic mail (seeds 1-3, ~3 MB each) and every .html/.eml file of ../shared/corpus (read in place,
// skipped when absent). Prints the first differences (where the two JSON answers part) and a count; exits 1 when
// any document differs.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateCorpus } from "./synthetic-corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
if (!process.argv[2]) throw new Error("usage: node bench/same-output.mjs /path/to/other/dist/index.js");
const thisBuild = await import(pathToFileURL(join(here, "..", "dist", "index.js")).href);
const otherBuild = await import(pathToFileURL(resolve(process.argv[2])).href);

const docs = [];
for (const seed of [1, 2, 3]) docs.push(...generateCorpus({ seed, totalBytes: 3e6 }));
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(html?|eml)$/i.test(name)) docs.push(readFileSync(path, "utf8"));
  }
};
const shared = join(here, "..", "..", "shared", "corpus");
if (existsSync(shared)) walk(shared);
else console.log(`Shared corpus not found at ${shared}: synthetic documents only.`);

const optionSets = [undefined, { preset: "strict" }, { recipient: "jane.doe@example.com" }, { preset: "audit" }];
let differ = 0;
for (const options of optionSets) {
  for (const [index, doc] of docs.entries()) {
    // stripTracking returns no report and makes no report lines: its output is compared too.
    const a = JSON.stringify([otherBuild.stripTrackingWithReport(doc, options), otherBuild.stripTracking(doc, options)]);
    const b = JSON.stringify([thisBuild.stripTrackingWithReport(doc, options), thisBuild.stripTracking(doc, options)]);
    if (a === b) continue;
    if (differ++ < 5) {
      let at = 0;
      while (a[at] === b[at]) at++;
      console.log(`document ${index}, options ${JSON.stringify(options)}, from character ${at}:`);
      console.log(`  other: ${a.slice(Math.max(0, at - 120), at + 120)}`);
      console.log(`  this:  ${b.slice(Math.max(0, at - 120), at + 120)}`);
    }
  }
}
console.log(`${docs.length} documents x ${optionSets.length} option sets: ${differ} differ`);
process.exitCode = differ > 0 ? 1 : 0;
