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
  // Blink's preload scanner reads <link> by tag name in svg/math (adversary26 F1).
  ["svg link rel=preload", `<svg><link rel="preload" as="image" href="https://ok.example/a.png"></svg>`, "<svg></svg>", ["removed-element"]],
  ["math link rel=prefetch", `<math><link rel="prefetch" href="https://ok.example/p"></math>`, "<math></math>", ["removed-element"]],
];

const kept: [string, string][] = [
  ["a stylesheet link", `<link rel="stylesheet" href="https://fonts.example/css">`],
  ["a meta charset", `<meta charset="utf-8">`],
  ["a meta viewport", `<meta name="viewport" content="width=device-width">`],
  ["a plain link", `<a href="https://shop.example/">go</a>`],
  ["the word script in text", `<p>&lt;script&gt; is removed</p>`],
  ["an svg link without a hint", `<svg><link rel="stylesheet" href="https://fonts.example/css"></svg>`],
  ["svg a and use", `<svg><a href="https://shop.example/"><use href="#i"/></a></svg>`],
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

describe("fetching-element: fetches with nothing to show (adversary19 F1, F9, F10)", () => {
  const MC = "https://us1.list-manage.com/track/open.php?u=abc123&id=def456";

  it("removes attributionsrc from an image and keeps the image", () => {
    const input = `<img src="https://cdn.example-shop.com/logo.png" width="200" height="50" alt="" attributionsrc="${MC}">`;
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(`<img src="https://cdn.example-shop.com/logo.png" width="200" height="50" alt="">`);
    expect(report.findings.map((finding) => finding.action)).toEqual(["removed-attribute"]);
  });

  it("removes attributionsrc whatever the image's src (a cid: image too) and whatever its URL", () => {
    expect(stripTrackingWithReport(`<img src="cid:logo" alt="" attributionsrc="${MC}">`).html).toBe(`<img src="cid:logo" alt="">`);
    expect(stripTrackingWithReport(`<img src="cid:logo" attributionsrc="https://cdn.example-shop.com/r">`).html).toBe(`<img src="cid:logo">`);
  });

  it("removes the whole space-separated list, the recipient's address in any URL of it included, never one URL for the list", () => {
    const input = `<img src="cid:logo" alt="" attributionsrc="https://a.example-shop.com/r?e=someone%40example.com https://b.example-shop.com/x">`;
    const { html, report } = stripTrackingWithReport(input, { recipient: "someone@example.com" });
    expect(html).toBe(`<img src="cid:logo" alt="">`);
    expect(report.findings.map((finding) => finding.url)).toEqual([
      "https://a.example-shop.com/r?e=someone%40example.com",
      "https://b.example-shop.com/x",
    ]);
  });

  it("keeps an empty attributionsrc (it requests nothing more; the image's own request is judged as the image)", () => {
    const input = `<img src="https://cdn.example-shop.com/logo.png" width="200" height="50" attributionsrc>`;
    expect(stripTrackingWithReport(input).html).toBe(input);
  });

  it("leaves attributionsrc alone where it fetches nothing on open (a link)", () => {
    const input = `<a href="https://shop.example/" attributionsrc="https://t.example/a">go</a>`;
    expect(stripTrackingWithReport(input).html).toBe(input);
  });

  it("removes <link rel=compression-dictionary>, any URL", () => {
    const { html, report } = stripTrackingWithReport(`<p>hi</p><link rel="compression-dictionary" href="https://cdn.example-shop.com/d.dict">`);
    expect(html).toBe("<p>hi</p>");
    expect(report.findings).toMatchObject([{ detector: "fetching-element", reason: "resource hint rel=compression-dictionary" }]);
  });

  it("removes <link rel=preload imagesrcset> without an href (or with an empty one), any URL", () => {
    for (const input of [
      `<p>hi</p><link rel="preload" as="image" imagesrcset="https://news.example-shop.com/o/8f14e45fceea167a5a36dedd4bea2543.gif 1x">`,
      `<p>hi</p><link rel="preload" as="image" imagesrcset="https://cdn.example-shop.com/a/banner.png 1x">`,
      `<p>hi</p><link rel="preload" as="image" href="" imagesrcset="https://cdn.example-shop.com/a/banner.png 1x, https://cdn.example-shop.com/a/banner2.png 2x">`,
    ]) {
      expect(stripTrackingWithReport(input).html).toBe("<p>hi</p>");
    }
  });
});
