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

describe("fetching-element: AMP for Email", () => {
  const head = `<script async src="https://cdn.ampproject.org/v0.js"></script><script async custom-element="amp-carousel" src="https://cdn.ampproject.org/v0/amp-carousel-0.2.js"></script>`;

  it.each(["\u26a14email", "amp4email"])("keeps the runtime and component scripts in <html %s>", (flag) => {
    const input = `<!doctype html><html ${flag}><head>${head}</head><body><p>hi</p></body></html>`;
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(input);
    expect(report.findings).toEqual([]);
  });

  it("removes the same scripts outside an AMP email, and other scripts inside one", () => {
    const { report } = stripTrackingWithReport(`<html><head>${head}</head></html>`);
    expect(report.findings.map((finding) => finding.reason)).toEqual(["script in email", "script in email"]);
    const amp = stripTrackingWithReport(`<html amp4email><head><script src="https://cdn.ampproject.org.evil.example/v0.js"></script></head></html>`);
    expect(amp.html).toBe(`<html amp4email><head></head></html>`);
  });

  it("removes amp-pixel and amp-analytics", () => {
    const input = `<html amp4email><body><amp-pixel src="https://t.example/p?r=RANDOM" layout="nodisplay"></amp-pixel><amp-analytics><script type="application/json">{"requests":{"p":"https://t.example/a"}}</script></amp-analytics><p>x</p></body></html>`;
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(`<html amp4email><body><p>x</p></body></html>`);
    expect(report.findings.map((finding) => [finding.detector, finding.reason, finding.action])).toEqual([
      ["fetching-element", "AMP open pixel", "removed-element"],
      ["fetching-element", "AMP analytics", "removed-element"],
    ]);
  });

  it("judges amp-img and amp-anim as images", () => {
    const input = `<html amp4email><body><amp-img src="https://t.example/o.gif" width="1" height="1"></amp-img><amp-anim src="https://cdn.example/a.gif" width="300" height="200"></amp-anim></body></html>`;
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(`<html amp4email><body><amp-anim src="https://cdn.example/a.gif" width="300" height="200"></amp-anim></body></html>`);
    expect(report.findings).toMatchObject([{ detector: "pixel", tag: "amp-img", reason: "1x1 image" }]);
  });
});
