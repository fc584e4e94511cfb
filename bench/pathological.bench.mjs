// Time per MB of the hostile shapes of issue 6 item 11 (and ADVERSARIAL.md §5), relative to a normal mail in the
// same run, with and without block/allow rules. Target: every shape within 10x of a normal mail per MB.
//
//   npm run bench                          (runs bench/strip.bench.mjs, then this file)
//   node bench/pathological.bench.mjs      (dist/ must be built)
//
// A normal mail is a synthetic document from bench/synthetic-corpus.mjs. Each shape is timed (best of 3) and
// printed as ms per MB and as a ratio to the normal mail's ms per MB. No assertions: numbers for people.

import { stripTracking } from "../dist/index.js";
import { generateCorpus } from "./synthetic-corpus.mjs";

const pixel = `<img src="https://t.example/p.gif" width="1" height="1">`;
const rules = { block: [{ url: "t.example" }, 'img[src*="/beacon/"]', "div.footer img"], allow: [{ url: "ok.example" }] };

const shapes = [
  ["40,000 nested <div>", () => `${"<div>".repeat(40_000)}${pixel}`],
  ["20,000 duplicate ping", () => `<a href="https://ok.example/"${' ping="https://t.example/p"'.repeat(20_000)}>x</a>`],
  ["200,000 duplicate ping", () => `<a href="https://ok.example/"${' ping="https://t.example/p"'.repeat(200_000)}>x</a>`],
  [
    "60,000 CDATA under deep svg",
    () => `${"<div>".repeat(600)}<svg>${"<g>".repeat(600)}${`<![CDATA[><img src="https://t.example/p.gif">]]>`.repeat(60_000)}`,
  ],
  ["60,000 CDATA in HTML content", () => `${"<div>".repeat(600)}${"<![CDATA[><b>x</b>]]>".repeat(60_000)}`],
  [
    "20,000 conditional comments, deep",
    () => `${"<div>".repeat(20_000)}${`<!--[if mso]>${pixel}<![endif]-->`.repeat(20_000)}`,
  ],
  ["500,000 entities", () => "&amp;".repeat(500_000)],
  ["500,000 empty comments", () => "<!---->".repeat(500_000)],
  // <style> rules with ancestors in their selectors (adversarial review of issue 11).
  ["20,000 nested <div> under .zz div", () => `<style>.zz div{width:1px}</style><div class=zz>${"<div>".repeat(20_000)}`],
  ["100,000 classes above 20,000 <p>", () => `<style>.zz p{width:1px}</style><div class="${"a ".repeat(100_000)}">${"<p></p>".repeat(20_000)}`],
  [
    "9,000 .qN div rules, 70,000 <div>",
    () => `<style>${Array.from({ length: 9000 }, (_, i) => `.q${i} div{width:1px}`).join("")}</style>${"<div></div>".repeat(70_000)}`,
  ],
  [
    "20,000 fostered and in-cell elements under .a .b",
    () => `<style>.a .b{display:none}</style><div class=a>${"<div>".repeat(20_000)}<table><tr>${"<i class=b></i><td><i class=b></i></td>".repeat(20_000)}`,
  ],
  ["10,000 rows and <colgroup> in a nested table", () => `<table><tr><td><table>${"<tr><td>a</td></tr><colgroup>".repeat(10_000)}`],
  // Every rule matches every element: as many as one key keeps (maxRulesPerKey, 64).
  // Removals from the middle of the stack and the list of active formatting elements (adversary22).
  ["20,000 <a><div>", () => "<a><div>".repeat(20_000)],
  ["20,000 <b><div>x</b>", () => "<b><div>x</b>".repeat(20_000)],
  ["20,000 <form><div>x</form>", () => "<form><div>x</form>".repeat(20_000)],
  ["20,000 distinct <i>", () => Array.from({ length: 20_000 }, (_, i) => `<i class="c${i}">`).join("")],
  ["16 <i> reopened 20,000 times", () => `<p>${Array.from({ length: 16 }, (_, i) => `<i class="c${i}">`).join("")}</p>${"<div>x</div>".repeat(20_000)}`],
  ["64 div rules, 60,000 <div>", () => `<style>${Array.from({ length: 64 }, (_, i) => `div{width:${i}px}`).join("")}</style>${"<div></div>".repeat(60_000)}`],
];

const megabytes = (text) => Buffer.byteLength(text, "utf8") / 1e6;

/** Best of `rounds` runs, in ms per MB; a throw is reported, never hidden. */
function msPerMb(input, options, rounds = 3) {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    try {
      stripTracking(input, options);
    } catch (error) {
      return `threw ${error.constructor.name}`;
    }
    best = Math.min(best, performance.now() - start);
  }
  return best / megabytes(input);
}

const normal = generateCorpus({ seed: 1, totalBytes: 2e6 }).join("");
const baseline = { none: msPerMb(normal, undefined, 5), rules: msPerMb(normal, rules, 5) };

console.log(`\npathological shapes: ms per MB and ratio to a normal mail (${megabytes(normal).toFixed(1)} MB synthetic) in this run`);
console.log(`normal mail: ${baseline.none.toFixed(1)} ms/MB without rules, ${baseline.rules.toFixed(1)} ms/MB with rules`);
console.log("shape                                 MB   ms/MB    ratio   ms/MB+rules  ratio+rules");
console.log("-----------------------------------  ----  ------  -------  -----------  -----------");
for (const [name, make] of shapes) {
  const input = make();
  const cells = [];
  for (const [options, base] of [[undefined, baseline.none], [rules, baseline.rules]]) {
    const ms = msPerMb(input, options);
    cells.push(typeof ms === "string" ? [ms.padStart(6), ""] : [ms.toFixed(1).padStart(6), `${(ms / base).toFixed(1)}x`]);
  }
  console.log(
    `${name.padEnd(35)}  ${megabytes(input).toFixed(1).padStart(4)}  ${cells[0][0]}  ${cells[0][1].padStart(7)}  ${cells[1][0].padStart(11)}  ${cells[1][1].padStart(11)}`,
  );
}
