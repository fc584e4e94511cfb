// Hostile inputs for the resource-extraction layer (issue 6, items 5, 7 and 8), in the shape of
// adversarial-cases.ts so they can join the Chromium suite: each fetches T in Chromium when loaded unstripped
// (measured with Debian Chromium, JavaScript off, frames served from https:// and http://mail.invalid/m/), and
// must fetch nothing from t.example once stripped with `block: [{ url: "t.example" }]`.
//
// `$T` stands for T = https://t.example/p.gif, `$OK` for an allowed image URL; `fill` replaces them.

import { type Case, fill } from "./adversarial-cases.js";
import { T } from "./fetches.js";

const c = (title: string, html: string, extra: Omit<Case, "title" | "html"> = {}): Case => ({
  title,
  html: fill(html),
  ...extra,
  ...(extra.expected !== undefined ? { expected: fill(extra.expected) } : {}),
});

const base64 = (text: string, encoding: BufferEncoding = "utf8"): string => Buffer.from(text, encoding).toString("base64");
const percent = (text: string): string => encodeURIComponent(text);
/** A data: style sheet importing `inner` (a URL), `levels` deep. */
const nestedImports = (inner: string, levels: number): string => {
  let url = inner;
  for (let i = 0; i < levels; i++) url = `data:text/css,${percent(`@import url("${url}");`)}`;
  return url;
};
const background = `body{background:url(${T})}`;

// ---- item 5: data: style sheets -----------------------------------------------------------------------------------

export const dataStylesheetCases: readonly Case[] = [
  c("link data: @import (the issue's repro)", `<link rel=stylesheet href="data:text/css,@import url($T);">`, {
    expected: "<link rel=stylesheet>",
  }),
  c("link data: background", `<link rel=stylesheet href="data:text/css,${background}">`),
  c("link data: percent-encoded", `<link rel=stylesheet href="data:text/css,${percent(background)}">`),
  c("link data: base64", `<link rel=stylesheet href="data:text/css;base64,${base64(background)}">`),
  c("link data: no type, base64 (quirks mode)", `<link rel=stylesheet href="data:;base64,${base64(background)}">`),
  c("link data: text/plain (quirks mode)", `<link rel=stylesheet href="data:text/plain,${background}">`),
  c("link DATA:TEXT/CSS", `<link rel=stylesheet href="DATA:TEXT/CSS,${background}">`),
  c("link data: charset utf-16", `<link rel=stylesheet href="data:text/css;charset=utf-16le;base64,${base64(background, "utf16le")}">`),
  c("link data: newline in the scheme", `<link rel=stylesheet href="da&#10;ta:text/css,${background}">`),
  c("link data: @font-face", `<link rel=stylesheet href="data:text/css,@font-face{font-family:x;src:url($T)} p{font-family:x}"><p>hi</p>`),
  c("link data: scheme-relative URL resolves against the document", `<link rel=stylesheet href="data:text/css,body{background:url(//t.example/p.gif)}">`),
  c("link data: relative URL resolves against the base", `<base href=https://t.example/u/><link rel=stylesheet href="data:text/css,body{background:url(p.gif)}">`),
  c("<style> @import url(data:)", `<style>@import url("data:text/css,${background}");</style>`, {
    expected: "<style></style>",
  }),
  c("<style> @import string data:", `<style>@import "data:text/css,${background}";</style>`),
  c("<style> @import data: base64", `<style>@import url(data:text/css;base64,${base64(background)});p{color:red}</style>`, {
    expected: "<style>p{color:red}</style>",
  }),
  c("svg <style> @import data:", `<svg><style>@import url("data:text/css,${background}");</style></svg>`),
  c("nested: data: importing data: importing T", `<style>@import url("${nestedImports(T, 2)}");</style>`),
  c("nested: link data: importing data:", `<link rel=stylesheet href="${nestedImports(T, 3)}">`),
  c("nested 6 deep (past the limit: fails closed)", `<style>@import url("${nestedImports(T, 6)}");</style>`),
];

// ---- item 7: svg animation and paint references ---------------------------------------------------------------------

const svg = (body: string): string => `<svg width=50 height=50>${body}</svg>`;

export const svgResourceCases: readonly Case[] = [
  c("set href on an image (the issue's repro)", svg(`<image width=10 height=10><set attributeName=href to=$T /></image>`), {
    expected: svg("<image width=10 height=10></image>"),
  }),
  c("set xlink:href", svg(`<image width=10 height=10><set attributeName="xlink:href" to="$T"/></image>`)),
  c("set targeting by href", svg(`<image id=i width=10 height=10 /><set href="#i" attributeName="href" to="$T"/>`)),
  c("animate values", svg(`<image width=10 height=10><animate attributeName=href values="$OK;$T" dur=1s /></image>`)),
  c("animate from/to", svg(`<image width=10 height=10><animate attributeName=href from=$OK to=$T dur=1s /></image>`)),
  c("animate by", svg(`<image width=10 height=10><animate attributeName=href by=$T dur=1s /></image>`)),
  c("animateTransform href (read anyway)", svg(`<image width=10 height=10><animateTransform attributeName=href to=$T /></image>`)),
  c("feImage set", svg(`<filter id=f><feImage width=10 height=10><set attributeName=href to=$T /></feImage></filter><rect width=10 height=10 filter="url(#f)"/>`)),
  c("set fill url()", svg(`<rect width=10 height=10><set attributeName=fill to="url(https://t.example/f.svg#p)"/></rect>`)),
  c("fill url('T') (paint server)", svg(`<rect width="10" height="10" fill="url('https://t.example/f.svg#p')"/>`), {
    expected: svg(`<rect width="10" height="10"/>`),
  }),
  c("stroke url()", svg(`<path d="M0 0L9 9" stroke="url(https://t.example/s.svg#p) red"/>`)),
  c("mask url()", svg(`<rect width=10 height=10 mask="url(https://t.example/m.svg#p)"/>`)),
  c("clip-path url()", svg(`<rect width=10 height=10 clip-path="url(https://t.example/c.svg#p)"/>`)),
  c("filter url()", svg(`<rect width=10 height=10 filter="url(https://t.example/fi.svg#p)"/>`)),
  c("marker-end url()", svg(`<path d="M0 0L9 9" stroke=black marker-end="url(https://t.example/mk.svg#p)"/>`)),
  c("marker-start, marker-mid", svg(`<path d="M0 0L9 9" marker-start="url(https://t.example/a.svg#p)" marker-mid="url(https://t.example/b.svg#p)"/>`)),
  c("cursor url()", svg(`<rect width=10 height=10 cursor="url($T), auto"/>`)),
  c("escaped url( in fill", svg(`<rect width=10 height=10 fill="\\75 rl(https://t.example/f.svg#p)"/>`)),
  c("fill url(#local) stays", svg(`<rect width=10 height=10 fill="url(#p)"/>`), {
    expected: svg(`<rect width=10 height=10 fill="url(#p)"/>`),
  }),
  c("svg style= url()", svg(`<rect width=10 height=10 style="fill:url(https://t.example/sa.svg#p)"/>`)),
];

// ---- item 8: URLs read differently in https and http documents ------------------------------------------------------

export const documentSchemeCases: readonly Case[] = [
  c("img https:host (the issue's repro)", `<img src="https:t.example/p.gif">`, { expected: "" }),
  c("img HTTPS:host", `<img src="HTTPS:t.example/p.gif">`),
  c("img http:host", `<img src="http:t.example/p.gif">`),
  c("img https:/host", `<img src="https:/t.example/p.gif">`),
  c("img https:\\host", `<img src="https:\\t.example\\p.gif">`),
  c("img https:host with a tab", `<img src="https:&#9;t.example/p.gif">`),
  c("srcset https:host", `<img srcset="https:t.example/p.gif 2x">`),
  c("style url(https:host)", `<div style="background:url(https:t.example/p.gif)">x</div>`),
  c("base https:host (the issue's repro)", `<base href="https:t.example/u/"><img src="p.gif">`),
  c("base //host, then img https:host", `<base href="//ok.example/"><img src="https:t.example/p.gif">`),
  // The later <base> fetches nothing, but names the blocked host: it goes. The image stays (it reads /u/p.gif).
  c("relative first base wins over a later one", `<base href="/u/"><base href="https:t.example/u/"><img src="p.gif">`, {
    expected: `<base href="/u/"><img src="p.gif">`,
  }),
];

/** The sections, in order, as adversarialSections lists its own. */
export const adversarialResourceSections: readonly (readonly [string, readonly Case[]])[] = [
  ["issue 6 item 5: data: style sheets", dataStylesheetCases],
  ["issue 6 item 7: svg animation and paint references", svgResourceCases],
  ["issue 6 item 8: https and http document readings", documentSchemeCases],
];
