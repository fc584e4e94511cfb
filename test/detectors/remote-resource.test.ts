import { describe, expect, it } from "vitest";
import { stripTracking, stripTrackingWithReport } from "../../src/index.js";

// [title, input, expected output in strict]
const strict: [string, string, string][] = [
  ["a remote stylesheet link", `<link rel="stylesheet" href="https://fonts.example/css?family=A">x`, "x"],
  ["an @import", `<style>@import url("https://fonts.example/a.css");p{color:red}</style>`, "<style>p{color:red}</style>"],
  [
    "a remote font",
    `<style>@font-face{font-family:A;src:url(https://fonts.example/a.woff2)}p{color:red}</style>`,
    "<style>@font-face{font-family:A;}p{color:red}</style>",
  ],
  [
    "a visible content image with a per-recipient token",
    `<img src="https://img.example/hero?u=8c8bea88-af43-4f66-9a1e-6b1e2a3c4d5e" width="600" height="200">x`,
    "x",
  ],
  [
    "a background image with a token",
    `<td background="https://img.example/bg/3f2a9c8e7d6b5a4f3e2d1c0b9a8f7e6d.jpg?r=3f2a9c8e7d6b5a4f3e2d1c0b">x</td>`,
    "<td>x</td>",
  ],
];

const kept: [string, string][] = [
  ["a clean content image", `<img src="https://img.example/logo.png" width="200" height="50">`],
  ["a CDN image whose path names the asset", `<img src="https://cdn.example/3f2a9c8e7d6b5a4f/images/8c8bea88-af43-4f66-9a1e-6b1e2a3c4d5e.png">`],
  ["a data: font", `<style>@font-face{src:url(data:font/woff2;base64,AAAA)}</style>`],
  ["a link with a token (links are never removed)", `<a href="https://shop.example/o/8c8bea88-af43-4f66-9a1e-6b1e2a3c4d5e">x</a>`],
];

describe("remote-resource detector (strict preset)", () => {
  it.each(strict)("removes %s", (_title, input, output) => {
    const { html, report } = stripTrackingWithReport(input, { preset: "strict" });
    expect(html).toBe(output);
    expect(report.findings.some((finding) => finding.detector === "remote-resource")).toBe(true);
    // The standard preset keeps these.
    expect(stripTracking(input)).toBe(input);
  });

  it.each(kept)("keeps %s", (_title, input) => {
    expect(stripTracking(input, { preset: "strict" })).toBe(input);
  });
});
