// The oracle's CSS part (support/fetches.ts: cssUrls, preloadScannerImports), checked on a table of inputs and,
// when /usr/bin/chromium is present, against what Chromium itself fetches for the same inputs.
//
// Each row is an HTML input whose URLs are written $A, $B...; `oracle` lists the ones the oracle reports, `chromium`
// the ones Chromium fetches when it differs (the oracle may list more than a browser fetches, where browsers differ
// or where it does not model the rule; never less). Every row, the @import ones included, was checked in Chromium
// (156 when written): the differential below loads each row as a page from a 127.0.0.1 server and compares the
// requests it makes with the table, so the table stays checked (about 10 s).
//
// Quiet: nothing is printed; the differential is skipped, with a message, when /usr/bin/chromium is absent (as in
// browser.test.ts).

import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs } from "../../src/cli/verify/optional-deps.js";
import { cssUrls, fetches, preloadScannerImports } from "./fetches.js";

interface Row {
  readonly html: string;
  /** The labels the oracle reports. */
  readonly oracle: readonly string[];
  /** The labels Chromium fetches, when not the same; with why the oracle lists more. */
  readonly chromium?: readonly string[];
  readonly why?: string;
}

const sheet = (css: string): string => `<style>${css}</style>`;
const attribute = (css: string): string => `<p style="${css.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">x</p>`;
const row = (html: string, oracle: string[], differs?: { chromium: string[]; why: string }): Row => ({
  html,
  oracle,
  ...differs,
});

const rows: Row[] = [
  // @import where it fetches: at the top of a sheet.
  row(sheet(`@import "$A";`), ["A"]),
  row(sheet(`@import url($A);`), ["A"]),
  row(sheet(`@import url("$A");`), ["A"]),
  row(sheet(`@import url( "$A" );`), ["A"]),
  row(sheet(`@import "$A"`), ["A"]),
  row(sheet(`@IMPORT"$A";`), ["A"]),
  row(sheet(`@\\69mport "$A";`), ["A"]),
  row(sheet(`/*c*/ <!-- @import "$A"; -->`), ["A"]),
  row(sheet(`@charset "utf-8"; @import "$A";`), ["A"]),
  row(sheet(`@layer x, y; @import "$A";`), ["A"]),
  row(sheet(`@import "$A"; @layer x; @import "$B";`), ["A", "B"]),
  row(sheet(`@import "$A"; @import "$B";`), ["A", "B"]),
  row(sheet(`@import "$A" print;`), ["A"]),
  row(sheet(`@import "$A" !!garbage;`), ["A"]),
  row(sheet(`@import "$A" layer(x) supports(display:grid);`), ["A"]),
  row(sheet(`@import "$A" layer;`), ["A"]),
  row(sheet(`@import url($A) screen and (min-width: 1px);`), ["A"]),
  row(sheet(`@import "$A" supports(foo:bar);`), ["A"], { chromium: [], why: "supports() is not evaluated" }),
  // Imports after rules a browser drops still fetch.
  row(sheet(`@foo; @import "$A";`), ["A"]),
  row(sheet(`@foo{} @import "$A";`), ["A"]),
  row(sheet(`@media; @import "$A";`), ["A"]),
  row(sheet(`@import; @import "$A";`), ["A"]),
  row(sheet(`@import url($A b); @import "$B";`), ["B"]),
  row(sheet(`@font-face x{} @import "$A";`), ["A"]),
  row(sheet(`%%{} @import "$A";`), ["A"]),
  row(sheet(`p:foo{} @import "$A";`), ["A"]),
  row(sheet(`p,{} @import "$A";`), ["A"]),
  // An @import fetches its first component only, and nothing with a block.
  row(sheet(`@import "$A" url($B);`), ["A"]),
  row(sheet(`@import url($A) "$B";`), ["A"]),
  row(sheet(`@import x "$A";`), []),
  row(sheet(`@import "$A" {}`), []),
  row(sheet(`@import "$A" {} @import "$B";`), ["B"]),
  // Not after a rule that closes the imports.
  row(sheet(`p{} @import "$A";`), []),
  row(sheet(`p{color:red} @import url($A);`), []),
  row(sheet(`body, td > p.a, #b ~ *{} @import "$A";`), []),
  row(sheet(`@import "$A"; p{} @import "$B";`), ["A"]),
  row(sheet(`@media all{} @import "$A";`), []),
  row(sheet(`@media !!{} @import "$A";`), []),
  row(sheet(`@font-face{} @import "$A";`), []),
  row(sheet(`@page{} @import "$A";`), []),
  row(sheet(`@namespace svg url(http://www.w3.org/2000/svg); @import "$A";`), []),
  row(sheet(`@import "$A"; @namespace "x"; @import "$B";`), ["A"]),
  row(sheet(`@layer x{} @import "$A";`), ["A"], { chromium: [], why: "engines without cascade layers drop @layer" }),
  row(sheet(`@supports (display:grid){} @import "$A";`), ["A"], { chromium: [], why: "@supports is not modelled" }),
  row(sheet(`@keyframes k{} @import "$A";`), ["A"], { chromium: [], why: "@keyframes is not modelled" }),
  row(sheet(`a:hover{} @import "$A";`), ["A"], { chromium: [], why: "pseudo-classes are not modelled" }),
  // Not in a rule's prelude: a `;` or `}` does not end a qualified rule, nor does anything inside a block.
  row(sheet(`; @import "$A";`), []),
  row(sheet(`} @import "$A";`), []),
  row(sheet(`x; @import "$A";`), []),
  row(sheet(`Uurl(x) ; @import "$A";`), []),
  row(sheet(`Uurl(; @import "$A";`), []),
  row(sheet(`url(x y) ; @import "$A";`), []),
  row(sheet(`[; @import "$A";`), []),
  row(sheet(`x( } @import "$A";`), []),
  row(sheet(`@media all{ @import "$A"; }`), []),
  row(sheet(`p{color:red; @import "$A";}`), []),
  // Chromium's preload scanner fetches these, although its CSS parser does not.
  row(sheet(`/x@import "$A";`), ["A"]),
  row(sheet(`@1@import "$A";`), ["A"]),
  row(sheet(`@x{}"y";@import "$A";`), ["A"]),
  row(sheet(`@x{}"y";@import url('$A');`), ["A"]),
  row(sheet(`@x{}"y";@import $A;`), ["A"]),
  row(sheet(`@import $A;`), ["A"]),
  row(sheet(`@x{}"y";@import "$A" print;`), []),
  row(sheet(`//@import "$A";`), ["A"]),
  row(sheet(`@import "$A\\";x";`), ["A"]),
  row(sheet(`\ufeff@import "$A";`), []),
  row(sheet(`@foo x y@import "$A";`), []),
  row(`<svg><style>@x{}"y";@import "$A";</style></svg>`, ["A"]),
  // A style attribute is a declaration list: no @import there.
  row(attribute(`@import "$A";`), []),
  row(attribute(`@import url($A);`), []),
  row(attribute(`color:red; @import "$A";`), []),
  row(attribute(`@import "$A"; background:url($B)`), ["B"]),
  row(attribute(`@import url($A); background-image:url($B)`), ["B"]),
  // data: style sheets import too, by the same rules.
  row(sheet(`@import "data:text/css,@import '$B';";`), ["B"]),
  row(sheet(`@import "data:text/css,p{} @import '$B';";`), []),
  row(`<link rel=stylesheet href="data:text/css,@import '$A';p{}@import '$B';">`, ["A"]),
  // Other URLs, unchanged.
  row(attribute(`background:url($A)`), ["A"]),
  row(`${sheet(`p{background:image-set("$A" 1x)} a{background:url("$B")}`)}<p>x <a>y</a>`, ["A", "B"]),
];

/**
 * Generated inputs for the differential only: what comes before an @import, times how it is written. For these the
 * oracle must list at least what Chromium fetches (it may list more).
 */
const importForms = [`@import "$A";`, `@import url($A) print;`, `@import $A;`];
const generated: string[] = [
  ...["", "p{}", ";", "/x", "@1", '@x{}"y";', '@charset "x";', "@layer a;", "@layer a{}", "a:hover{}", "%%{}",
    "@media;", "@foo x y", "Uurl(;", "<!--", "@import x;"].flatMap((before) => importForms.map((form) => sheet(before + form))),
  ...["", "color:red;"].flatMap((before) => importForms.map((form) => attribute(before + form))),
];

/** `html` with $X written as `<prefix>X`. */
const fill = (html: string, prefix: string): string => html.replace(/\$([A-Z])/g, (_, label: string) => `${prefix}${label}`);

/** The labels of the http(s) URLs in `urls` (`.../r/X...` or `.../r/<row>/X...`), sorted, once each. */
const labels = (urls: readonly (string | undefined)[]): string[] => [
  ...new Set(urls.flatMap((url) => (url?.startsWith("http") ? (/\/r\/(?:\d+\/)?([A-Z])/.exec(url)?.[1] ?? []) : []))),
].sort();

describe("the oracle's @import rules", () => {
  it.each(rows.map((r) => [r.html, r] as const))("%s", (_html, r) => {
    const found = labels(fetches(fill(r.html, "https://t.example/r/")).map((fetch) => fetch.absolute));
    expect(found).toEqual(r.oracle);
  });

  it("reads a style attribute as a declaration list and <style> as a sheet", () => {
    expect(cssUrls(`@import "a";`, "sheet")).toEqual(["a"]);
    expect(cssUrls(`@import "a";`, "declarations")).toEqual([]);
    expect(cssUrls(`@import url(a); background:url(b)`, "declarations")).toEqual(["b"]);
    expect(cssUrls(`p{} @import url(a); a{background:url(b)}`, "sheet")).toEqual(["b"]);
  });

  it("scans like Chromium's preload scanner", () => {
    expect(preloadScannerImports(`@import "a";@import url('b') layer(x);@import c`)).toEqual(["a", "b", "c"]);
    expect(preloadScannerImports(`@import "a" print; @import "b";`)).toEqual(["b"]);
    expect(preloadScannerImports(`p{} @import "a";`)).toEqual([]);
    expect(preloadScannerImports(`@namespace x; @import "a";`)).toEqual([]);
    expect(preloadScannerImports(`@import "a\\";b";`)).toEqual(['a\\";b']);
  });
});

// ---- Chromium ----------------------------------------------------------------------------------------------------

const executablePath = "/usr/bin/chromium";
const browserAvailable = existsSync(executablePath);
if (!browserAvailable) {
  console.warn(`fetches.test: ${executablePath} is absent; skipping the Chromium differential of the oracle.`);
}

describe.skipIf(!browserAvailable)("Chromium fetches what the table says", () => {
  /** The table's inputs, then the generated ones. */
  const pages = [...rows.map((r) => r.html), ...generated];
  /** The labels each page fetched. */
  const fetched = pages.map(() => new Set<string>());
  const other: string[] = [];

  beforeAll(async () => {
    // One page of frames, an input each, all served from 127.0.0.1: input i's URLs are /r/<i>/<label>, its frame
    // /row/<i>.
    let lastRequest = Date.now();
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const url = request.url ?? "";
      const page = /^\/row\/(\d+)$/.exec(url);
      const resource = /^\/r\/(\d+)\/([A-Z])/.exec(url);
      let body = "";
      if (url === "/") body = pages.map((_, i) => `<iframe src="/row/${i}" width=40 height=20></iframe>`).join("");
      else if (page) body = `<!DOCTYPE html>${fill(pages[Number(page[1])]!, `http://${request.headers.host}/r/${page[1]}/`)}`;
      else if (resource) fetched[Number(resource[1])]?.add(resource[2]!), (lastRequest = Date.now());
      else if (url !== "/favicon.ico") other.push(url);
      response.writeHead(200, { "content-type": url === "/" || page ? "text/html; charset=utf-8" : "text/css" });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // Nothing leaves the machine: every request that is not to 127.0.0.1 goes to a proxy that is not there.
    const browser = await chromium.launch({
      executablePath,
      timeout: 60_000,
      proxy: { server: "http://127.0.0.1:9", bypass: "127.0.0.1" },
      args: [...chromiumArgs],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: "load", timeout: 30_000 });
      // Imports load before `load`; wait a little more for any late one.
      lastRequest = Math.max(lastRequest, Date.now());
      while (Date.now() - lastRequest < 300) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);

  it.each(rows.map((r, i) => [r.html, r, i] as const))("%s", (_html, r, i) => {
    expect([...fetched[i]!].sort(), r.why).toEqual(r.chromium ?? r.oracle);
  });

  it.each(generated.map((html, i) => [html, rows.length + i] as const))("generated: %s", (html, i) => {
    const listed = labels(fetches(fill(html, "https://t.example/r/")).map((fetch) => fetch.absolute));
    expect(listed, "the oracle misses a fetch").toEqual(expect.arrayContaining([...fetched[i]!]));
  });

  it("makes no request but the rows' own (every frame loaded, no URL went astray)", () => {
    expect(other).toEqual([]);
  });
});
