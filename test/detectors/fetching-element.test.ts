import { describe, expect, it } from "vitest";
import { stripTrackingWithReport } from "../../src/index.js";

// [title, input, expected output, expected actions]
const cases: [string, string, string, string[]][] = [
  ["inline script", "<p>a</p><script>track()</script><p>b</p>", "<p>a</p><p>b</p>", ["removed-element"]],
  ["remote script", `<script src="https://t.example/s.js"></script>x`, "x", ["removed-element"]],
  ["script with a fake end inside a string", `<script>var s="</scr"+"ipt>";</script>x`, "x", ["removed-element"]],
  ["iframe", `<iframe src="https://t.example/f"></iframe>x`, "x", ["removed-element"]],
  ["frame", `<frame src="https://t.example/f">x`, "x", ["removed-element"]],
  ["object with fallback", `<object data="https://t.example/o.swf"><param name="a" value="b">fallback</object>x`, "x", ["removed-element"]],
  ["embed", `<embed src="https://t.example/e.swf">x`, "x", ["removed-element"]],
  ["applet", `<applet codebase="https://t.example/"></applet>x`, "x", ["removed-element"]],
  ["bgsound", `<bgsound src="https://t.example/s.wav">x`, "x", ["removed-element"]],
  ["meta refresh", `<meta http-equiv="refresh" content="0; url=https://t.example/r">x`, "x", ["removed-element"]],
  ["link rel=prefetch", `<link rel="prefetch" href="https://t.example/p">x`, "x", ["removed-element"]],
  ["link rel=dns-prefetch", `<link rel="dns-prefetch" href="//t.example">x`, "x", ["removed-element"]],
  ["ping attribute", `<a href="https://shop.example/" ping="https://t.example/p">go</a>`, `<a href="https://shop.example/">go</a>`, ["removed-attribute"]],
  ["manifest", `<html manifest="https://t.example/m.appcache"><body>x</body></html>`, "<html><body>x</body></html>", ["removed-attribute"]],
  ["svg script", `<svg><script>x()</script></svg>`, "<svg></svg>", ["removed-element"]],
];

const kept: [string, string][] = [
  ["a stylesheet link", `<link rel="stylesheet" href="https://fonts.example/css">`],
  ["a meta charset", `<meta charset="utf-8">`],
  ["a meta viewport", `<meta name="viewport" content="width=device-width">`],
  ["a plain link", `<a href="https://shop.example/">go</a>`],
  ["the word script in text", `<p>&lt;script&gt; is removed</p>`],
];

describe("fetching-element detector", () => {
  it.each(cases)("%s", (_title, input, output, actions) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(output);
    expect(report.findings.map((finding) => finding.action)).toEqual(actions);
    expect(report.findings.every((finding) => finding.detector === "fetching-element")).toBe(true);
  });

  it.each(kept)("keeps %s", (_title, input) => {
    expect(stripTrackingWithReport(input).html).toBe(input);
  });
});
