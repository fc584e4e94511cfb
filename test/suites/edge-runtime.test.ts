// The strong edge guard (docs/ECOSYSTEM.md §3.5): bundle the built package for a neutral platform and run it
// inside an isolated edge context, where Node's globals do not exist.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EdgeVM } from "@edge-runtime/vm";
import * as esbuild from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const distEntry = join(root, "dist", "index.js");

const PIXEL = "https://t.example/o.gif?u=3f2a9c1e7b6d4a5f8e0c2b1a9d8e7f60";
const SAMPLE =
  "<!doctype html><html><body><table><tr><td>" +
  '<p style="color:#333">Hello &amp; welcome, *|FNAME|*</p>' +
  '<img src="https://cdn.example/logo.png" width="120" height="40" alt="Logo">' +
  `<img src="${PIXEL}" width="1" height="1" alt="">` +
  '<a href="https://shop.example/sale">Shop</a>' +
  "</td></tr></table></body></html>";

let bundle = "";
let vm: EdgeVM;

beforeAll(async () => {
  const built = await esbuild.build({
    entryPoints: [distEntry],
    bundle: true,
    platform: "neutral",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  bundle = built.outputFiles[0]!.text;
  // EdgeVM evaluates scripts, not modules: turn the same bundle's exports into one global.
  const script = await esbuild.transform(bundle, { format: "iife", globalName: "StripTracking" });
  vm = new EdgeVM();
  vm.evaluate(script.code);
}, 180_000);

describe("neutral bundle of dist/index.js (static)", () => {
  it("imports no node: builtin and calls no require()", () => {
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle).not.toMatch(/["']node:/);
    expect(bundle).not.toMatch(/(?<![\w$.])require\s*\(/);
  });

  it("uses no global process or Buffer (identifier check: `shiftBuffer` is fine)", () => {
    expect(bundle).not.toMatch(/(?<![\w$.])process\s*\./);
    expect(bundle).not.toMatch(/(?<![\w$.])Buffer\s*[.(]/);
  });
});

describe("dist/index.js inside an EdgeVM", () => {
  it("has no Node globals, and has the Web globals the core needs", () => {
    const globals = vm.evaluate(
      "({ Buffer: typeof Buffer, process: typeof process, require: typeof require, " +
        "TransformStream: typeof TransformStream, TextDecoder: typeof TextDecoder })",
    );
    expect({ ...globals }).toEqual({
      Buffer: "undefined",
      process: "undefined",
      require: "undefined",
      TransformStream: "function",
      TextDecoder: "function",
    });
  });

  it("stripTracking removes the pixel and keeps everything else", () => {
    vm.context.sample = SAMPLE;
    const out: string = vm.evaluate("StripTracking.stripTracking(sample)");
    expect(out).not.toContain(PIXEL);
    expect(out).toBe(SAMPLE.replace(`<img src="${PIXEL}" width="1" height="1" alt="">`, ""));
  });

  it("stripTrackingStream removes the pixel, across chunk boundaries, and reports it", async () => {
    vm.context.sample = SAMPLE;
    const result: { out: string; report: string } = await vm.evaluate(`(async () => {
      let report;
      const chunks = [];
      for (let i = 0; i < sample.length; i += 13) chunks.push(sample.slice(i, i + 13));
      const input = new ReadableStream({
        start(controller) { for (const c of chunks) controller.enqueue(c); controller.close(); },
      });
      const reader = input.pipeThrough(StripTracking.stripTrackingStream({ onReport: (r) => { report = r; } })).getReader();
      let out = "";
      for (;;) { const { done, value } = await reader.read(); if (done) break; out += value; }
      return { out, report: JSON.stringify(report) };
    })()`);
    expect(result.out).not.toContain(PIXEL);
    expect(result.out).toBe(vm.evaluate("StripTracking.stripTracking(sample)"));
    const report = JSON.parse(result.report);
    expect(report.changed).toBe(true);
    expect(report.findings.map((f: { url?: string }) => f.url)).toEqual([PIXEL]);
  });
});
