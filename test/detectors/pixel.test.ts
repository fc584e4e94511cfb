import { describe, expect, it } from "vitest";
import { stripTrackingWithReport } from "../../src/index.js";

const T = "https://t.example/o.gif";

// [title, input, expected output, expected reason (undefined: kept, no finding)]
const cases: [string, string, string, string | undefined][] = [
  ["1x1 by attributes", `<p>a</p><img src="${T}" width="1" height="1"><p>b</p>`, "<p>a</p><p>b</p>", "1x1 image"],
  ["0x0 by attributes", `<img src="${T}" width="0" height="0">x`, "x", "0x0 image"],
  ["1px units", `<img src="${T}" width="1px" height="1px">x`, "x", "1x1 image"],
  ["upper-case tag and attributes", `<IMG SRC=${T} WIDTH=1 HEIGHT=1>x`, "x", "1x1 image"],
  ["one dimension known", `<img src="${T}" width="1">x`, "x", "1x? image"],
  ["1x1 by inline CSS", `<img src="${T}" style="width:1px;height:1px">x`, "x", "1x1 image"],
  ["max-height:0 in CSS", `<img src="${T}" width="1" style="max-height:0">x`, "x", "1x0 image"],
  ["self-closing", `<img src="${T}" width="1" height="1" />x`, "x", "1x1 image"],
  ["<image> is built as <img>", `<image src="${T}" width="1" height="1">x`, "x", "1x1 image"],
  ["input type=image", `<input type="image" src="${T}" width="1" height="1">x`, "x", "1x1 image"],
  ["token in the reason", `<img src="https://t.example/o?u=3f2a9c8e7d6b5a4f3e2d1c0b" width="1" height="1">`, "", "1x1 image with a hex token"],
  [
    "unsized image hidden by an ancestor",
    `<div style="display:none"><img src="https://t.example/a.gif"></div>`,
    `<div style="display:none"></div>`,
    "unsized image hidden by display:none on <div>",
  ],
  [
    "hidden image with a uuid token",
    `<div style="visibility:hidden"><img src="https://t.example/o/8c8bea88-af43-4f66-9a1e-6b1e2a3c4d5e" width="600" height="300"></div>`,
    `<div style="visibility:hidden"></div>`,
    "hidden image with a uuid token (visibility:hidden on <div>)",
  ],
  [
    "hidden image on a tracking path",
    `<span hidden><img src="https://t.example/track/open.gif?c=1" width="20" height="20"></span>`,
    "<span hidden></span>",
    "hidden image on a tracking path (hidden attribute on <span>)",
  ],
  [
    "image hiding itself with opacity:0",
    `<img src="https://t.example/a.gif" style="opacity:0">x`,
    "x",
    "unsized image hidden by opacity:0 on <img>",
  ],
];

const kept: [string, string][] = [
  ["a sized content image", `<img src="https://cdn.example/logo.png" width="200" height="50">`],
  ["a sized image with a clean URL in a hidden block (responsive swap)", `<div style="display:none;max-height:0"><img src="https://cdn.example/mobile-hero.jpg" width="320" height="120"></div>`],
  ["a CDN image whose path holds an account hash", `<div style="display:none"><img src="https://gallery.example/fd92d4d6912bf051aceebbc27/images/f8d67519-4124-409c-ad98-c9cc77b98ed3.png" width="200" height="50"></div>`],
  ["a cid: pixel", `<img src="cid:logo@x" width="1" height="1">`],
  ["a data: pixel", `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">`],
  ["a plainly named spacer", `<img src="https://cdn.example/img/spacer.gif" width="1" height="1">`],
  ["a 1px-wide divider line", `<img src="https://cdn.example/line.png" width="1" height="40">`],
  ["an element after a hidden block closes", `<div style="display:none"></div><img src="https://cdn.example/a.png">`],
  ["an svg <image> (not an HTML img)", `<svg><image href="https://cdn.example/a.png" width="1" height="1"/></svg>`],
];

describe("pixel detector", () => {
  it.each(cases)("%s", (_title, input, output, reason) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(output);
    expect(report.findings.map((finding) => finding.reason)).toEqual([reason]);
    expect(report.findings[0]).toMatchObject({ detector: "pixel", action: "removed-element", applied: true });
  });

  it.each(kept)("keeps %s", (_title, input) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(input);
    expect(report.findings).toEqual([]);
    expect(report.changed).toBe(false);
  });

  it("reports the URL, vector, tag and offset of a removed pixel", () => {
    const input = `<p>hi</p><img src="${T}" width="1" height="1">`;
    const { report } = stripTrackingWithReport(input);
    expect(report.findings).toEqual([
      {
        vector: "img",
        tag: "img",
        url: T,
        detector: "pixel",
        rewriter: "default",
        action: "removed-element",
        applied: true,
        reason: "1x1 image",
        offset: input.indexOf("<img"),
        line: 1,
        column: input.indexOf("<img") + 1,
      },
    ]);
  });

  it("can be turned off by name", () => {
    const input = `<img src="${T}" width="1" height="1">`;
    expect(stripTrackingWithReport(input, { disable: ["pixel"] }).html).toBe(input);
  });
});

describe("pixel detector: hiding spelled with CSS escapes", () => {
  it("reads display:n\\one as display:none", () => {
    const input = `<div style="display:n\\one"><img src="https://t.example/a.gif"></div>`;
    expect(stripTrackingWithReport(input).html).toBe(`<div style="display:n\\one"></div>`);
  });
});
