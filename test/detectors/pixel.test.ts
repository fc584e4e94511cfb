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
    "unsized hidden image with a token",
    `<div style="display:none"><img src="https://t.example/o/3f2a9c8e7d6b5a4f3e2d1c0b"></div>`,
    `<div style="display:none"></div>`,
    "hidden image with a hex token (display:none on <div>)",
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
    "image hiding itself with opacity:0, on a tracking path",
    `<img src="https://t.example/open/a.gif" style="opacity:0">x`,
    "x",
    "hidden image on a tracking path (opacity:0 on <img>)",
  ],
  // Issue 7: the spacer exemption reads the whole URL; small beacons with a token or a tracking path.
  [
    "a spacer.gif behind opaque identifiers (Yesware's shape)",
    `<img src="https://t.yesware.example/t/0123456789abcdef0123456789abcdef01234567/0123456789abcdef0123456789abcdef/spacer.gif" width="1" height="1">x`,
    "x",
    "1x1 image with a hex token",
  ],
  ["a 2x6 beacon with a token (LiveIntent's shape)", `<img src="https://li.example/imp?s=3f2a9c8e7d6b5a4f3e2d1c0b" width="2" height="6">x`, "x", "2x6 image with a hex token"],
  ["a 6x5 image on a tracking path (WordPress.com's shape)", `<img src="https://pixel.example/b.gif/track?v=1" width="6" height="5">x`, "x", "6x5 image on a tracking path"],
  ["a 3x1 image on an open path (Cooper Press's shape)", `<img src="https://cp.example/open/123/abc" width="3" height="1">x`, "x", "3x1 image on a tracking path"],
  // Issue 6 item 10: sizes by HTML's dimension rules and CSS lengths by CSS.
  ["width=1x", `<img src="${T}" width="1x" height="1x">x`, "x", "1x1 image"],
  ["width=1.", `<img src="${T}" width="1." height="1.">x`, "x", "1x1 image"],
  ["width=1;", `<img src="${T}" width="1;" height="1;">x`, "x", "1x1 image"],
  ["CSS .5px", `<img src="${T}" style="width:.5px;height:.5px">x`, "x", "0.5x0.5 image"],
  ["CSS 0.01em", `<img src="${T}" style="width:0.01em;height:0.01em">x`, "x", "0.16x0.16 image"],
  ["CSS calc(1px)", `<img src="${T}" style="width:calc(1px);height:calc(1px)">x`, "x", "1x1 image"],
  // Issue 6 item 9 and issue 8: every image-like vector, one judgement.
  ["a 1x1 image fetched through srcset", `<img srcset="${T} 1x" width="1" height="1">x`, `<img width="1" height="1">x`, "1x1 image"],
  ["a data: src with a remote srcset", `<img src="data:image/gif;base64,R0lGOD" srcset="${T}" width="1" height="1">x`, `<img src="data:image/gif;base64,R0lGOD" width="1" height="1">x`, "1x1 image"],
  ["an svg <image> 1x1", `<svg><image href="${T}" width="1" height="1"/></svg>`, "<svg></svg>", "1x1 image"],
  ["an svg <use> 1x1", `<svg><use xlink:href="${T}#a" width="1" height="1"/></svg>`, "<svg></svg>", "1x1 image"],
  ["an svg <feImage> 1x1", `<svg><filter><feImage href="${T}" width="1" height="1"/></filter></svg>`, "<svg><filter></filter></svg>", "1x1 image"],
  ["a hidden poster with a token", `<div hidden><video poster="https://t.example/p/3f2a9c8e7d6b5a4f3e2d1c0b"></video></div>`, `<div hidden><video></video></div>`, "hidden image with a hex token (hidden attribute on <div>)"],
  ["a picture > source in a hidden block with a token", `<div style="display:none"><picture><source srcset="https://t.example/p/3f2a9c8e7d6b5a4f3e2d1c0b"><img src="https://cdn.example/a.png"></picture></div>`, `<div style="display:none"><picture><source><img src="https://cdn.example/a.png"></picture></div>`, "hidden image with a hex token (display:none on <div>)"],
  ["a 1x1 background= cell", `<table><tr><td width="1" height="1" background="${T}">x</td></tr></table>`, `<table><tr><td width="1" height="1">x</td></tr></table>`, "1x1 image"],
  ["VML image 1x1 in an Outlook comment", `<!--[if mso]><v:image src="${T}" style="width:1px;height:1px"/><![endif]-->`, `<!--[if mso]><v:image style="width:1px;height:1px"/><![endif]-->`, "1x1 image"],
  ["VML fill with a token on a hidden shape", `<!--[if mso]><v:rect style="mso-hide:all"><v:fill o:href="https://t.example/f/3f2a9c8e7d6b5a4f3e2d1c0b"/></v:rect><![endif]-->`, `<!--[if mso]><v:rect style="mso-hide:all"><v:fill/></v:rect><![endif]-->`, "hidden image with a hex token (mso-hide:all on <v:rect>)"],
  ["an icon link with a token", `<link rel="icon" href="https://t.example/i/3f2a9c8e7d6b5a4f3e2d1c0b">x`, "x", "<link rel=icon> with a hex token"],
  ["a stylesheet link with a token", `<link rel="stylesheet" href="https://t.example/s/3f2a9c8e7d6b5a4f3e2d1c0b">x`, "x", "<link rel=stylesheet> with a hex token"],
  ["a 1x1 image relative to a <base href> with a token (judged where it fetches)", `<base href="https://t.example/r/3f2a9c8e7d6b5a4f3e2d1c0b/"><img src="p.gif" width="1" height="1">x`, `<base href="https://t.example/r/3f2a9c8e7d6b5a4f3e2d1c0b/">x`, "1x1 image with a hex token"],
  ["amp-img 1x1", `<amp-img src="${T}" width="1" height="1" layout="fixed"></amp-img>x`, "x", "1x1 image"],
  // Style sheets: earlier <style> rules size and hide.
  ["a 1x1 class from a <style> rule", `<style>.px{width:1px;height:1px}</style><img class="x px" src="${T}">x`, `<style>.px{width:1px;height:1px}</style>x`, "1x1 image"],
  ["a tag.class rule", `<style>img.px{width:0;height:0}</style><img class="px" src="${T}">x`, `<style>img.px{width:0;height:0}</style>x`, "0x0 image"],
  ["an #id rule in a grouped selector", `<style>.a, #p{height:1px;width:1px}</style><img id="p" src="${T}">x`, `<style>.a, #p{height:1px;width:1px}</style>x`, "1x1 image"],
  ["a [class=x] rule", `<style>[class=px]{width:1px;height:1px}</style><img class="px" src="${T}">x`, `<style>[class=px]{width:1px;height:1px}</style>x`, "1x1 image"],
  ["a *[class].x rule", `<style>*[class].px{width:1px;height:1px}</style><img class="px" src="${T}">x`, `<style>*[class].px{width:1px;height:1px}</style>x`, "1x1 image"],
  [
    "display:none from a class, with a token",
    `<style>.h{display:none}</style><div class="h"><img src="https://t.example/o/3f2a9c8e7d6b5a4f3e2d1c0b"></div>`,
    `<style>.h{display:none}</style><div class="h"></div>`,
    "hidden image with a hex token (display:none on <div> (by a <style> rule))",
  ],
];

const kept: [string, string][] = [
  ["a sized content image", `<img src="https://cdn.example/logo.png" width="200" height="50">`],
  ["a sized image with a clean URL in a hidden block (responsive swap)", `<div style="display:none;max-height:0"><img src="https://cdn.example/mobile-hero.jpg" width="320" height="120"></div>`],
  ["a CDN image whose path holds an account hash", `<div style="display:none"><img src="https://gallery.example/fd92d4d6912bf051aceebbc27/images/f8d67519-4124-409c-ad98-c9cc77b98ed3.png" width="200" height="50"></div>`],
  ["a cid: pixel", `<img src="cid:logo@x" width="1" height="1">`],
  // Adversarial review (adversary11): removing the <base> moved these to the mail client's origin (Chromium: 404s).
  ["a <base href> to an ESP's content folder, and the images and links relative to it", `<base href="https://mcusercontent.com/0f2e3b5c8a7d6e1f4a2b3c9d1/images/"><img src="hero.png" width="600" height="300"><a href="sale.html">Sale</a>`],
  ["a <base href> on a tracking-looking path", `<base href="https://shop.example/o/"><p><a href="sale.html">Sale</a></p><img src="hero.jpg" width="600" height="300">`],
  ["a data: pixel", `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">`],
  ["a plainly named spacer", `<img src="https://cdn.example/img/spacer.gif" width="1" height="1">`],
  ["a 1px-wide divider line", `<img src="https://cdn.example/line.png" width="1" height="40">`],
  ["an element after a hidden block closes", `<div style="display:none"></div><img src="https://cdn.example/a.png">`],
  ["a sized svg <image>", `<svg><image href="https://cdn.example/a.png" width="100" height="50"/></svg>`],
  // Hidden is not tracking: a clean URL in a hidden block stays, sized or not.
  ["an unsized clean image in a hidden block", `<div style="display:none"><img src="https://cdn.example/mobile-hero.jpg"></div>`],
  ["an unsized clean image hiding itself", `<img src="https://cdn.example/a.gif" style="opacity:0">`],
  ["a clean image hidden by a class", `<style>.m{display:none}</style><div class="m"><img src="https://cdn.example/m.jpg"></div>`],
  [
    "a mobile block revealed by @media, holding a tokenized image",
    `<style>.m{display:none}@media (max-width:480px){.m{display:block!important}}</style><div class="m" style="display:none;max-height:0"><img src="https://cdn.example/i/3f2a9c8e7d6b5a4f3e2d1c0b"></div>`,
  ],
  ["a 4x4 clean image", `<img src="https://cdn.example/dot.png" width="4" height="4">`],
  ["a clean 1x1 spacer via srcset", `<img srcset="https://cdn.example/spacer.gif" width="1" height="1">`],
  ["a sized content poster with a token", `<video poster="https://cdn.example/p/3f2a9c8e7d6b5a4f3e2d1c0b" width="600" height="300"></video>`],
  ["a clean icon link", `<link rel="icon" href="https://cdn.example/favicon.ico">`],
  ["a sized amp-img", `<amp-img src="https://cdn.example/a.png" width="600" height="300" layout="responsive"></amp-img>`],
];

describe("pixel detector", () => {
  it.each(cases)("%s", (_title, input, output, reason) => {
    // known-tracker runs first and would name a vendor for some of these URLs: judge the pixel rules alone.
    const { html, report } = stripTrackingWithReport(input, { disable: ["known-tracker"] });
    expect(html).toBe(output);
    expect(report.findings.map((finding) => finding.reason)).toEqual([reason]);
    expect(report.findings[0]).toMatchObject({ detector: "pixel", applied: true });
    // The element goes when it exists to fetch; otherwise the attribute or candidate that fetches.
    expect(report.findings[0]?.action).toMatch(/^removed-(?:element|attribute|srcset-candidate)$/);
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
    const input = `<div style="display:n\\one"><img src="https://t.example/open.gif"></div>`;
    expect(stripTrackingWithReport(input).html).toBe(`<div style="display:n\\one"></div>`);
  });
});

describe("pixel detector: a token as a label of the host name (adversary11 F3)", () => {
  const uuid = "7c1e9a04-b2d3-4f5e-8a6b-1c2d3e4f5a6b";
  const hex = "7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b";

  it("removes a hidden image and a small image on a per-reader subdomain", () => {
    const hidden = stripTrackingWithReport(`<p>hi</p><img src="https://${uuid}.t.example/p.gif" style="display:none">`);
    expect(hidden.html).toBe("<p>hi</p>");
    expect(hidden.report.findings.map((finding) => finding.reason)).toEqual(["hidden image with a uuid token in its host name (display:none on <img>)"]);
    const small = stripTrackingWithReport(`<p>hi</p><img src="https://${hex}.t.example/p.gif" width="4" height="4">`);
    expect(small.html).toBe("<p>hi</p>");
    expect(small.report.findings.map((finding) => finding.reason)).toEqual(["4x4 image with a hex token in its host name"]);
  });

  it.each([
    ["a content image on the same host", `<img src="https://${hex}.t.example/hero.png" width="600" height="300">`],
    ["a CloudFront image (14 characters, below the hex floor)", `<img src="https://d1a2b3c4d5e6f7.cloudfront.net/img/hero.png" width="600" height="300">`],
    ["a hidden CloudFront image (a mobile swap)", `<div style="display:none"><img src="https://d1a2b3c4d5e6f7.cloudfront.net/img/m.png"></div>`],
    ["a hidden AMP cache image", `<div style="display:none"><img src="https://abc123def456.cdn.ampproject.org/i/s/shop.example/m.png"></div>`],
    ["a hidden googleusercontent image", `<div style="display:none"><img src="https://lh3.googleusercontent.com/a1b2c3d4e5f6a7b8c9d0/m.png"></div>`],
    ["a hidden image on a registered hex-like domain", `<div style="display:none"><img src="https://${hex}.com/m.png"></div>`],
    // Bucket names are hash-like too: a token in the host alone is not enough for a style sheet or an icon.
    ["a style sheet on a hex bucket host", `<link rel="stylesheet" href="https://${hex}.t.example/s.css">`],
    ["an icon on a hex bucket host", `<link rel="icon" href="https://${hex}.s3.amazonaws.com/favicon.ico">`],
  ])("keeps %s", (_title, input) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(input);
    expect(report.findings).toEqual([]);
  });
});

describe("pixel detector: tracking paths (adversary15, adversary16)", () => {
  it.each(["/tracking_pixel/42", "/track-open/42", "/beacon_1.gif?id=42", "/pixel.gif/42", "/open.ashx?id=42", "/open.gif"])(
    "a hidden image on %s is a tracker",
    (path) => {
      expect(stripTrackingWithReport(`<p>x</p><img src="https://mail.example.com${path}" style="display:none">`).html).toBe("<p>x</p>");
    },
  );

  it.each(["/img/open-house.png", "/img/track-order.png", "/img/opens_soon.png"])("a hidden image on %s is content (a phone may show it)", (path) => {
    const html = `<div style="display:none"><img src="https://cdn.example.com${path}" width="300" height="100"></div>`;
    expect(stripTrackingWithReport(html).html).toBe(html);
  });
});

describe("pixel detector: small images", () => {
  it("keeps a 1x6 layout spacer under a CDN account hash", () => {
    const input = `<img src="https://image.shop.example/lib/fe6b1570746006757114/m/19/spacer1x6.gif" width="1" height="6">`;
    expect(stripTrackingWithReport(input).html).toBe(input);
  });
});

describe("pixel detector: <picture> (adversary19 F2)", () => {
  // A <source> is shown by its <picture>'s <img>, which a single pass reaches after the <source> is written out.
  // The <img> goes when it is tiny, or hidden with a local src: a <picture> without an <img> fetches none of its
  // <source>s (measured in Chromium 156, JavaScript on and off), so the <source> is left, inert.
  const TOK = "https://news.example-shop.com/o/8f14e45fceea167a5a36dedd4bea2543.gif";
  const source = `<picture><source srcset="${TOK}">`;

  it.each([
    ["a 1x1 cid: <img> (sized by CSS)", `<img src="cid:x" style="width:1px;height:1px" alt="">`],
    ["a display:none data: <img>", `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" style="display:none" alt="">`],
    ["a clean 1x1 spacer.gif <img> (sized by CSS)", `<img src="https://cdn.example-shop.com/spacer.gif" style="width:1px;height:1px" alt="">`],
  ])("%s goes, and with it the <source>'s fetch", (_title, img) => {
    const { html, report } = stripTrackingWithReport(`${source}${img}</picture>`);
    expect(html).toBe(`${source}</picture>`);
    expect(report.findings).toMatchObject([{ detector: "pixel", action: "removed-element", tag: "img" }]);
  });

  it("the <img> sized 1px by an earlier <style> rule", () => {
    const sheet = "<style>.p{width:1px;height:1px}</style>";
    expect(stripTrackingWithReport(`${sheet}${source}<img src="cid:x" class="p" alt=""></picture>`).html).toBe(`${sheet}${source}</picture>`);
  });

  it("an evidence:pixel endpoint (ActiveCampaign /lt.php?) in the <source>: its 1x1 <img> goes", () => {
    const input = `<picture><source srcset="https://shop.example.com/lt.php?nl=1&c=2&m=3"><img src="cid:x" style="width:1px;height:1px" alt=""></picture>`;
    expect(stripTrackingWithReport(input).html).not.toContain("<img");
  });

  it.each([
    // adversary23: a selected <source width height> replaces the <img>'s attributes (Chromium draws it 600x300).
    ["a 1x1 fallback whose source sets its size", `<picture><source srcset="https://cdn.example-shop.com/a/8f3a9c2e1b7d4f60a2b1c3d4e5f60718/hero.jpg" width="600" height="300"><img src="https://cdn.example-shop.com/spacer.gif" width="1" height="1" alt="Hero"></picture>`],
    ["a sized content picture", `<picture><source srcset="https://cdn.example-shop.com/hero.webp" type="image/webp"><img src="https://cdn.example-shop.com/hero.jpg" width="600" height="300" alt=""></picture>`],
    ["a cid: fallback at full size", `<picture><source srcset="https://cdn.example-shop.com/hero.webp"><img src="cid:hero" width="600" alt=""></picture>`],
    ["a hidden picture image with a remote src (a responsive swap)", `<picture><source srcset="https://cdn.example-shop.com/m.webp"><img src="https://cdn.example-shop.com/m.jpg" style="display:none" alt=""></picture>`],
    ["a hidden local image revealed on phones", `<style>@media (max-width:600px){.m{display:block!important}}</style><picture><source srcset="https://cdn.example-shop.com/m.webp"><img class="m" src="cid:m" style="display:none" alt=""></picture>`],
    ["a clean 1x1 spacer outside a picture", `<img src="https://cdn.example-shop.com/spacer.gif" width="1" height="1" alt="">`],
  ])("keeps %s", (_title, input) => {
    expect(stripTrackingWithReport(input).html).toBe(input);
  });
});

describe("pixel detector: audio and video (adversary19 F5)", () => {
  const media = "https://news.example-shop.com/m/clip.mp3?t=8f14e45fceea167a5a36dedd4bea2543";
  it.each([
    ["<audio src=T> without controls (display:none in the UA style sheet)", `<audio src="${media}"></audio>`, "<audio></audio>"],
    ["<audio><source src=T></audio>", `<audio><source src="${media}"></audio>`, "<audio><source></audio>"],
    ["<video src=T width=1 height=1>", `<video src="${media}" width="1" height="1"></video>`, `<video width="1" height="1"></video>`],
    ["<video src=T style=display:none>", `<video src="${media}" style="display:none"></video>`, `<video style="display:none"></video>`],
    ["<video width=1 height=1><source src=T></video>", `<video width="1" height="1"><source src="${media}"></video>`, `<video width="1" height="1"><source></video>`],
  ])("%s", (_title, input, output) => {
    expect(stripTrackingWithReport(input).html).toBe(output);
  });

  it.each([
    ["a real video with controls and a token", `<video controls width="600" height="338" src="${media}"></video>`],
    ["an audio player with controls and a token", `<audio controls src="${media}"></audio>`],
    ["an audio player with controls, token in its <source>", `<audio controls><source src="${media}"></audio>`],
    ["an invisible <audio> with a clean URL (hidden alone is no evidence)", `<audio src="https://cdn.example-shop.com/jingle.mp3"></audio>`],
    ["an unsized video without controls (a GIF-like clip)", `<video autoplay muted loop src="${media}"></video>`],
    // adversary23: CSS on the video decides its size (Chromium: 800x150), so its sources are not sized by attributes.
    ["a video whose CSS overrides height=0", `<video width="100%" height="0" style="height:auto" autoplay muted loop playsinline><source src="https://cdn.example.com/v/8f3a9c2e1b7d4f60a2b1c3d4e5f60718/clip.mp4" type="video/mp4"></video>`],
  ])("keeps %s", (_title, input) => {
    expect(stripTrackingWithReport(input).html).toBe(input);
  });
});

describe("pixel detector: spacers must be static (adversary19 F8)", () => {
  it.each([
    "https://mail.example-shop.com/spacer.gif?u=4821937&m=42",
    "https://mail.example-shop.com/img/4821937/42/spacer.gif",
    "https://mail.example-shop.com/s.gif?r=ab12cd34",
    "https://mail.example-shop.com/s.gif?id=JohnSmith",
    "https://mail.example-shop.com/blank.gif?c=spring&s=4821937",
    "https://mail.example-shop.com/s.gif?2026120318040142",
    "https://mail.example-shop.com/u/ab12cd34/spacer.gif",
  ])("a 1x1 %s is a pixel", (url) => {
    expect(stripTrackingWithReport(`<img src="${url}" width="1" height="1" alt="">x`).html).toBe("x");
  });

  it.each(["https://cdn.example-shop.com/images/spacer.gif", "https://cdn.example-shop.com/spacer.gif#x", "https://cdn.example-shop.com/assets/email/s.gif"])(
    "a 1x1 static %s is a spacer and stays",
    (url) => {
      const input = `<img src="${url}" width="1" height="1" alt="">`;
      expect(stripTrackingWithReport(input).html).toBe(input);
    },
  );
});

describe("pixel detector: rule images with a percentage or one dimension (adversary25 F1)", () => {
  const kept = (html: string): void => expect(stripTrackingWithReport(html).html).toBe(html);
  it('keeps width="100%" height="1" (a full-width divider: the layout gives its width)', () => {
    kept(`<p>Above</p><img src="https://cdn.example.com/img/divider.png" width="100%" height="1" style="display:block"><p>Below</p>`);
  });
  it('keeps width="1" height="100%" (a vertical rule in a cell)', () => {
    kept(`<table><tr><td height="40"><img src="https://cdn.example.com/img/vrule.png" width="1" height="100%"></td></tr></table>`);
  });
  it('keeps height="1" alone on a clean URL (a 600x1 rule image)', () => {
    kept(`<p>Above</p><img src="https://cdn.example.com/img/rule-600x1.png" height="1" style="display:block"><p>Below</p>`);
  });
  it("still removes a 1x1 pixel with a clean URL (a real pixel writes both dimensions)", () => {
    expect(stripTrackingWithReport(`<img src="https://cdn.example.com/img/p.gif" width="1" height="1">x`).html).toBe("x");
  });
  it('still removes height="1" alone with a token, and width="0%" height="0"', () => {
    expect(stripTrackingWithReport(`<img src="https://cdn.example.com/img/p.gif?u=3f2a9c8e7d6b5a4f3e2d1c0b" height="1">x`).html).toBe("x");
    expect(stripTrackingWithReport(`<img src="https://cdn.example.com/img/p.gif" width="0%" height="0">x`).html).toBe("x");
  });
  it("still removes a 1x1 pixel sized half by attribute, half by CSS", () => {
    expect(stripTrackingWithReport(`<img src="https://cdn.example.com/img/p.gif" width="1" style="height:1px">x`).html).toBe("x");
  });
});
