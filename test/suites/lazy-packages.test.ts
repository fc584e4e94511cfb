// The build evaluates tldts on first use instead of at import (tsup.config.ts, `lazyPackages`): the built bundle
// (ESM and CommonJS) must still decide every "name.*" host exactly as the sources and tldts do, from the first call on.

import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fc, test } from "@fast-check/vitest";
import { getDomainWithoutSuffix } from "tldts";
import { describe, expect, it } from "vitest";
import * as source from "../../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(root, "dist");
type Api = typeof source;
const esm = (await import(pathToFileURL(join(dist, "index.js")).href)) as Api;
const cjs = createRequire(import.meta.url)(join(dist, "index.cjs")) as Api;

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
