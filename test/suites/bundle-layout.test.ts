// What the built bundle evaluates at import (tsup.config.ts). tldts and @noble/hashes are evaluated on first use
// (`lazyPackages`): the ESM and CommonJS builds must still decide every "name.*" host as the sources and tldts do,
// and find every hash of the recipient's address as the sources and node:crypto do, from the first call on. The
// engine reads htmlparser2's Tokenizer module alone (`tokenizerOnly`): htmlparser2's Parser and domhandler stay in
// the dom entry, which must still clean a tree as the sources do.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fc, test } from "@fast-check/vitest";
import render from "dom-serializer";
import { parseDocument } from "htmlparser2";
import { getDomainWithoutSuffix } from "tldts";
import { describe, expect, it } from "vitest";
import * as sourceDom from "../../src/adapters/dom.js";
import * as source from "../../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(root, "dist");
type Api = typeof source;
const esm = (await import(pathToFileURL(join(dist, "index.js")).href)) as Api;
const cjs = createRequire(import.meta.url)(join(dist, "index.cjs")) as Api;
const esmDom = (await import(pathToFileURL(join(dist, "dom.js")).href)) as typeof sourceDom;
const cjsDom = createRequire(import.meta.url)(join(dist, "dom.cjs")) as typeof sourceDom;

/** The text of the chunks a built entry imports, directly or through other chunks. */
function chunksOf(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    const text = readFileSync(join(dist, file), "utf8");
    found.set(file, text);
    for (const [, next] of text.matchAll(/(?:from |require\()["']\.\/(chunk-[\w-]+\.c?js)["']/g)) visit(next!);
  };
  visit(entry);
  return found;
}

// Hosts around the trie's corners: plain, multi-label, wildcard (*.kawasaki.jp) and exception (!city.kawasaki.jp)
// suffixes, private suffixes (github.io, blogspot.com: off by default), IP addresses, single labels.
const labels = ["tracker", "www", "t", "trackers", "xtracker", "city", "kawasaki", "github", "blogspot", "co", "1"];
const suffixes = ["com", "co.uk", "uk", "kawasaki.jp", "city.kawasaki.jp", "jp", "github.io", "blogspot.com", "ck", "www.ck", "example", "2.3.4", ""];
const host = fc
  .tuple(fc.array(fc.constantFrom(...labels), { maxLength: 2 }), fc.oneof(fc.constant("tracker"), fc.constantFrom(...labels)), fc.constantFrom(...suffixes))
  .map(([left, label, suffix]) => [...left, label, suffix].filter((part) => part !== "").join("."));

const trackers = [{ id: "t", vendor: "Tracker", hosts: ["tracker.*"], path: /^\/o\.gif$/ }];
const pixel = (name: string) => `<p>Hi</p><img src="https://${name}/o.gif" width="600">`;

describe("tldts, loaded on first use by the built bundle", () => {
  test.prop([host], { seed: 17, numRuns: 600 })("decides a tracker.* rule as the sources and tldts do (ESM and CommonJS)", (name) => {
    const fromSource = source.stripTrackingWithReport(pixel(name), { trackers });
    // A host whose last label is a number is an IPv4 address to a browser (WHATWG URL): "tracker.1" is not a valid
    // one, so no rule is asked about it.
    if (!/\.\d+$/.test(name)) expect(fromSource.report.findings.length > 0).toBe(getDomainWithoutSuffix(name) === "tracker");
    for (const built of [esm, cjs]) expect(built.stripTrackingWithReport(pixel(name), { trackers })).toEqual(fromSource);
  });

  it("builds the public-suffix trie inside a lazy init, not at the top level of a chunk", () => {
    const chunks = readdirSync(dist)
      .filter((name) => /^chunk-.*\.c?js$/.test(name))
      .map((name) => [name, readFileSync(join(dist, name), "utf8")] as const)
      .filter(([, text]) => text.includes("nodeFlags"));
    expect(chunks.some(([name]) => name.endsWith(".cjs")) && chunks.some(([name]) => name.endsWith(".js"))).toBe(true);
    for (const [name, text] of chunks) {
      // esbuild declares a lazily evaluated module's bindings at the top level and assigns them, indented, in its init.
      expect(text, name).toMatch(/^\s+nodeFlags\d* = .*new Uint8Array\(/m);
      expect(text, name).not.toMatch(/^(?:var|let|const) nodeFlags\d* = /m);
    }
  });
});

describe("@noble/hashes, loaded on first use by the built bundle", () => {
  const algorithms = [
    ["md5", "MD5"],
    ["sha1", "SHA-1"],
    ["sha256", "SHA-256"],
    ["sha512", "SHA-512"],
  ] as const;
  const address = fc.emailAddress().map((text) => text.toLowerCase());

  test.prop([address], { seed: 23, numRuns: 60 })("finds each hash of the recipient's address as the sources and node:crypto do", (recipient) => {
    const html = algorithms
      .map(([algorithm]) => `<img src="https://cdn.example/p.png?u=${createHash(algorithm).update(recipient).digest("hex")}" width="600">`)
      .join("");
    const fromSource = source.stripTrackingWithReport(html, { recipient });
    expect(fromSource.report.findings.map((finding) => finding.reason)).toEqual(
      algorithms.map(([, name]) => `removed the recipient's address as ${name} from a content image's URL`),
    );
    for (const built of [esm, cjs]) expect(built.stripTrackingWithReport(html, { recipient })).toEqual(fromSource);
  });
});

describe("htmlparser2's Parser and domhandler, only in the dom entry", () => {
  it("leaves them out of what the main entry loads", () => {
    for (const entry of ["index.js", "index.cjs"]) {
      const loaded = [...chunksOf(entry).values()].join("\n");
      expect(loaded, entry).toMatch(/\bTokenizer = class\b/);
      expect(loaded, entry).not.toMatch(/\b(?:Parser|DomHandler) = class\b/);
    }
  });

  it.each([
    '<div><p>Hi</p><a href="https://x.example/?utm_source=a&amp;id=1">x</a><img src="https://t.example/o.gif" width="1" height="1"></div>',
    "<p>plain</p>",
    '<table><tr><td><img src="https://cdn.example/a.png" width="600"></td></tr></table><img src="https://t.example/o.gif" style="display:none">',
  ])("the built dom entry cleans a tree as the sources do: %s", (html) => {
    const expected = parseDocument(html);
    const report = sourceDom.stripTrackingFromDom(expected);
    for (const built of [esmDom, cjsDom]) {
      const document = parseDocument(html);
      expect(built.stripTrackingFromDom(document)).toEqual(report);
      expect(render(document)).toBe(render(expected));
    }
  });
});

describe("the built files", () => {
  it("are ASCII (one non-ASCII character makes V8 hold and scan a whole file as two-byte text)", () => {
    const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((name) => /\.c?js$/.test(name));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) expect(readFileSync(join(dist, name), "utf8"), name).not.toMatch(/[^\0-\x7f]/u);
  });

  it("still read a non-ASCII name the sources name (<html \u26a14email>, escaped in the built string)", () => {
    const html = '<html \u26a14email><head><script async src="https://cdn.ampproject.org/v0.js"></script></head></html>';
    expect(source.stripTrackingWithReport(html).html).toBe(html);
    for (const built of [esm, cjs]) expect(built.stripTrackingWithReport(html).html).toBe(html);
  });
});
