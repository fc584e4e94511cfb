// Peer suites as seeds (docs/ADVERSARIAL.md §2, §9): every html5lib tokenizer `input` and every DOMPurify
// `payload`, raw and with T substituted into every URL slot. Read from ../shared/peer-suites at test time (never
// copied into the repository); skipped with a message when that folder is absent.
//
// For each seed x: strip(x) never throws (S2), is idempotent (P4), is chunking-invariant for 3 deterministic
// random chunkings (P3), and with `block: [{ url: "t.example" }]` parse5 finds no blocked fetch in the output,
// with scripting on and off and as a fragment (S1 / P1); P9 suffixes are checked on a deterministic sample.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type StripOptions, stripTrackingWithReport } from "../../src/index.js";
import { mulberry32, splitAt, streamed } from "../support/chunks.js";
import { blockedFetches, blockedFetchesWithSuffixes, T } from "../support/fetches.js";

const here = dirname(fileURLToPath(import.meta.url));
const peerRoot = join(here, "..", "..", "..", "shared", "peer-suites");
const html5libDir = join(peerRoot, "html5lib-tokenizer");
const dompurifyFile = join(peerRoot, "dompurify", "payloads.json");
const available = existsSync(html5libDir) && existsSync(dompurifyFile);
if (!available) {
  console.warn(`[peer-suites] SKIPPED: ${peerRoot} not found (html5lib-tokenizer/ and dompurify/payloads.json).`);
}

const block: StripOptions = { block: [{ url: "t.example" }] };

interface Seed {
  readonly label: string;
  readonly html: string;
}

// ---- loading -----------------------------------------------------------------------------------------------------

/** `doubleEscaped`: one more round of \uHHHH unescaping (tokenizer/FORMAT.md). */
const unescapeDouble = (s: string): string => s.replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Initial tokenizer states, reached here by opening an element whose content is in that state. */
const stateOpeners: Readonly<Record<string, (last: string | undefined) => string>> = {
  "Data state": () => "",
  "PLAINTEXT state": () => "<plaintext>",
  "RCDATA state": (last) => `<${last && ["title", "textarea"].includes(last) ? last : "textarea"}>`,
  "RAWTEXT state": (last) => `<${last && ["style", "xmp", "iframe", "noembed", "noframes"].includes(last) ? last : "xmp"}>`,
  "Script data state": () => "<script>",
  "CDATA section state": () => "<svg><![CDATA[",
};

interface Html5libTest {
  description: string;
  input: string;
  doubleEscaped?: boolean;
  initialStates?: string[];
  lastStartTag?: string;
}

function html5libSeeds(): { file: string; seeds: Seed[] }[] {
  if (!available) return [];
  return readdirSync(html5libDir)
    .filter((name) => name.endsWith(".test"))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(html5libDir, file), "utf8")) as Record<string, Html5libTest[]>;
      const tests = json["tests"] ?? json["xmlViolationTests"] ?? [];
      const seeds: Seed[] = [];
      tests.forEach((test, index) => {
        const input = test.doubleEscaped ? unescapeDouble(test.input) : test.input;
        for (const state of test.initialStates ?? ["Data state"]) {
          const opener = stateOpeners[state]?.(test.lastStartTag) ?? "";
          seeds.push({ label: `${file}#${index} ${state}: ${test.description}`, html: opener + input });
        }
      });
      return { file, seeds };
    });
}

function dompurifySeeds(): Seed[] {
  if (!available) return [];
  const payloads = JSON.parse(readFileSync(dompurifyFile, "utf8")) as { title: string; payload: string }[];
  return payloads.map((p, index) => ({ label: `dompurify#${index}: ${p.title}`, html: p.payload }));
}

// ---- T substitution ------------------------------------------------------------------------------------------------

const urlAttribute = /(\s(?:src|href|xlink:href|srcset|background|poster|data|lowsrc|dynsrc|action|formaction|codebase)\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)/gi;
const cssUrl = /url\(\s*(?:"[^"]*"|'[^']*'|[^)]*)\s*\)/gi;

/** The seed with T in every URL slot (`src`, `href`, `srcset`, `background`, `poster`, `data`, `url(...)`). */
export function substituteT(html: string): string {
  return html
    .replace(urlAttribute, (_m, prefix: string, value: string) => {
      const q = value[0] === '"' || value[0] === "'" ? value[0] : "";
      return `${prefix}${q}${T}${q}`;
    })
    .replace(cssUrl, `url(${T})`);
}

// ---- checks --------------------------------------------------------------------------------------------------------



function randomChunks(html: string, random: () => number): string[] {
  const count = 1 + Math.floor(random() * 4);
  const cuts = Array.from({ length: count }, () => Math.floor(random() * (html.length + 1))).sort((a, b) => a - b);
  return splitAt(html, cuts);
}


interface Outcome {
  readonly failures: string[];
}

function checkSeeds(seeds: readonly Seed[], randomSeed: number, suffixEvery: number): Outcome {
  const random = mulberry32(randomSeed);
  const failures: string[] = [];
  let n = 0;
  for (const seed of seeds) {
    for (const [variant, html] of [["raw", seed.html], ["T", substituteT(seed.html)]] as const) {
      if (variant === "T" && html === seed.html) continue;
      const where = `${seed.label} [${variant}] ${JSON.stringify(html).slice(0, 300)}`;
      try {
        for (const options of [{}, block]) {
          const once = stripTrackingWithReport(html, options);
          const twice = stripTrackingWithReport(once.html, options).html;
          if (twice !== once.html) failures.push(`not idempotent: ${where} -> ${JSON.stringify(once.html)} -> ${JSON.stringify(twice)}`);
          for (let k = 0; k < 3; k++) {
            const chunks = randomChunks(html, random);
            const s = streamed(chunks, options);
            if (s.html !== once.html) {
              failures.push(`chunking changes output: ${where} chunks=${JSON.stringify(chunks)} options=${JSON.stringify(options)} one-shot=${JSON.stringify(once.html)} chunked=${JSON.stringify(s.html)}`);
            } else if (JSON.stringify(s.report) !== JSON.stringify(once.report)) {
              failures.push(`chunking changes report: ${where} chunks=${JSON.stringify(chunks)}`);
            }
          }
          if (options === block) {
            const out = once.html;
            const leaks = n++ % suffixEvery === 0 ? blockedFetchesWithSuffixes(out).map((l) => `${JSON.stringify(l.suffix)} ${l.fetch.mode} <${l.fetch.tag} ${l.fetch.attribute}>`) : blockedFetches(out).map((f) => `${f.mode} <${f.tag} ${f.attribute}>`);
            if (leaks.length > 0) {
              failures.push(`blocked fetch survives: ${where} -> ${JSON.stringify(out)} ${leaks.slice(0, 3).join("; ")}`);
            }
          }
        }
      } catch (error) {
        failures.push(`throws: ${where}: ${String(error)}`);
      }
    }
  }
  return { failures };
}


// ---- tests ---------------------------------------------------------------------------------------------------------

describe.skipIf(!available)("peer suites (../shared/peer-suites)", () => {
  const files = html5libSeeds();
  describe("html5lib tokenizer inputs", () => {
    it.each(files.map(({ file, seeds }, index) => [file, seeds, index] as const))("%s", (file, seeds, index) => {
      expect(seeds.length).toBeGreaterThan(0);
      // namedEntities is 4,000+ near-identical inputs: check P9 suffixes on every 50th, the rest fully.
      const outcome = checkSeeds(seeds, 1000 + index, file === "namedEntities.test" ? 50 : 5);
      expect(outcome.failures.slice(0, 20)).toEqual([]);
    });
    it("reads about 6,800 inputs", () => {
      const total = files.reduce((sum, { seeds }) => sum + seeds.length, 0);
      expect(total).toBeGreaterThan(6800);
    });
  });

  describe("DOMPurify payloads", () => {
    const seeds = dompurifySeeds();
    it("reads every payload", () => {
      expect(seeds.length).toBeGreaterThanOrEqual(223);
    });
    it("all payloads, raw and with T", () => {
      const outcome = checkSeeds(seeds, 7, 1);
      expect(outcome.failures.slice(0, 20)).toEqual([]);
    });
    it("T substitution reaches the URL slots", () => {
      const withT = seeds.filter((seed) => substituteT(seed.html) !== seed.html);
      expect(withT.length).toBeGreaterThan(80);
      expect(withT.filter((seed) => blockedFetches(substituteT(seed.html)).length > 0).length).toBeGreaterThan(50);
    });
  });
});
