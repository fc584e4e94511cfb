import { describe, expect, it } from "vitest";
import { stripTrackingWithReport } from "../../src/index.js";

const token = "3f2a9c8e7d6b5a4f3e2d1c0b";
const U = `https://t.example/r/${token}`;

// [title, input, expected output, expected reason]
const removed: [string, string, string, string][] = [
  ["@media print", `<style>@media print{.a{background:url(${U})}}</style>`, `<style>@media print{.a{}}</style>`, `CSS URL with a hex token fetched only on print (@media print .a)`],
  [":hover", `<style>a:hover{color:red;background-image:url(${U})}</style>`, `<style>a:hover{color:red;}</style>`, "CSS URL with a hex token fetched only on an interaction (a:hover)"],
  [":active", `<style>.b:active{cursor:url(${U}),auto}</style>`, `<style>.b:active{}</style>`, "CSS URL with a hex token fetched only on an interaction (.b:active)"],
  [":focus", `<style>input:focus{background:url(${U})}</style>`, `<style>input:focus{}</style>`, "CSS URL with a hex token fetched only on an interaction (input:focus)"],
  ["a forwarded message in Outlook", `<style>[data-outlook-cycle] .x{background:url(${U})}</style>`, `<style>[data-outlook-cycle] .x{}</style>`, "CSS URL with a hex token fetched only on a forward or reply ([data-outlook-cycle] .x)"],
  ["a Gmail quote", `<style>.gmail_quote .x{background:url(${U})}</style>`, `<style>.gmail_quote .x{}</style>`, "CSS URL with a hex token fetched only on a forward or reply (.gmail_quote .x)"],
  ["a quoted blockquote", `<style>blockquote[type=cite] .x{list-style:url(${U})}</style>`, `<style>blockquote[type=cite] .x{}</style>`, "CSS URL with a hex token fetched only on a forward or reply (blockquote[type=cite] .x)"],
  ["a quoted blockquote, quoted value", `<style>blockquote[type="cite"]{background:url(${U})}</style>`, `<style>blockquote[type="cite"]{}</style>`, 'CSS URL with a hex token fetched only on a forward or reply (blockquote[type="cite"])'],
  ["Outlook's reply header", `<style>#divRplyFwdMsg + div{content:url(${U})}</style>`, `<style>#divRplyFwdMsg + div{}</style>`, "CSS URL with a hex token fetched only on a forward or reply (#divRplyFwdMsg + div)"],
  ["dark mode", `<style>@media (prefers-color-scheme: dark){.l{background:url(${U})}}</style>`, `<style>@media (prefers-color-scheme: dark){.l{}}</style>`, "CSS URL with a hex token fetched only on dark mode (@media (prefers-color-scheme: dark) .l)"],
  ["a tokenized @import", `<style>@import url("${U}");.a{color:red}</style>`, `<style>.a{color:red}</style>`, "CSS URL with a hex token in @import"],
  ["a tokenized @font-face source", `<style>@font-face{font-family:x;src:url(${U})}</style>`, `<style>@font-face{font-family:x;}</style>`, "CSS URL with a hex token in @font-face"],
  ["image-set() strings in print", `<style>@media print{.a{background:image-set("${U}" 1x)}}</style>`, `<style>@media print{.a{}}</style>`, "CSS URL with a hex token fetched only on print (@media print .a)"],
  ["border-image in a hidden rule", `<style>.h{display:none;border-image:url(${U}) 30}</style>`, `<style>.h{display:none;}</style>`, "CSS URL with a hex token in a hidden rule"],
  ["a hidden rule written with an escape", `<style>.h{display:n\\one;background:url(${U})}</style>`, `<style>.h{display:n\\one;}</style>`, "CSS URL with a hex token in a hidden rule"],
  ["a hidden rule with !important", `<style>.h{visibility:HIDDEN !important;background:url(${U})}</style>`, `<style>.h{visibility:HIDDEN !important;}</style>`, "CSS URL with a hex token in a hidden rule"],
  ["behavior in a 1px rule", `<style>.p{width:1px;height:1px;behavior:url(${U})}</style>`, `<style>.p{width:1px;height:1px;}</style>`, "CSS URL with a hex token in a 1px rule"],
  ["inline style on a hidden element", `<div style="display:none;background:url(${U})">x</div>`, `<div style="display:none;">x</div>`, "CSS URL with a hex token on a hidden element (display:none on <div>)"],
  ["inline style on a 1px element", `<div style="width:1px;height:1px;background-image:url(${U})"></div>`, `<div style="width:1px;height:1px;"></div>`, "CSS URL with a hex token on a 1px element"],
  ["print after a comment in the media list", `<style>@media /* p */ print{.a{background:url(${U})}}</style>`, `<style>@media /* p */ print{.a{}}</style>`, "CSS URL with a hex token fetched only on print (@media /* p */ print .a)"],
  ["print or dark mode", `<style>@media print, (prefers-color-scheme: dark){.a{background:url(${U})}}</style>`, `<style>@media print, (prefers-color-scheme: dark){.a{}}</style>`, "CSS URL with a hex token fetched only on print or dark mode (@media print, (prefers-color-scheme: dark) .a)"],
  ["@media only print, print and (color)", `<style>@media only print, print and (color){.a{background:url(${U})}}</style>`, `<style>@media only print, print and (color){.a{}}</style>`, "CSS URL with a hex token fetched only on print (@media only print, print and (color) .a)"],
  ["print written with an escape", `<style>@media \\70 rint{.a{background:url(${U})}}</style>`, `<style>@media \\70 rint{.a{}}</style>`, "CSS URL with a hex token fetched only on print (@media \\70 rint .a)"],
  [":hover written with an escape", `<style>a:\\68over{background:url(${U})}</style>`, `<style>a:\\68over{}</style>`, "CSS URL with a hex token fetched only on an interaction (a:\\68over)"],
  ["a tracking path in print", `<style>@media print{body{background:url(https://t.example/track/print.gif)}}</style>`, `<style>@media print{body{}}</style>`, "CSS URL with a tracking path fetched only on print (@media print body)"],
];

const kept: [string, string][] = [
  ["a tokenized background of a visible element (content in standard)", `<div style="background:url(${U})">x</div>`],
  ["a tokenized background in a plain rule", `<style>.hero{background:url(${U})}</style>`],
  ["a clean URL in print", `<style>@media print{.logo{background:url(https://cdn.example/logo.png)}}</style>`],
  ["a clean font", `<style>@font-face{font-family:x;src:url(https://fonts.example/s/x.woff2)}</style>`],
  ["a mobile media query with a token (not an event)", `<style>@media (max-width:480px){.hero{background:url(${U})}}</style>`],
  // adversary15: file names that begin with a tracking word, and media queries that apply on screen too.
  ["a self-hosted Open Sans font", `<style>@font-face{font-family:'Open Sans';src:url(https://cdn.example.com/fonts/open-sans/open-sans-latin-400.woff2) format('woff2')}</style>`],
  ["a hover image named read-more-hover.png", `<style>a.btn:hover{background-image:url(https://cdn.example.com/img/read-more-hover.png)}</style>`],
  ["a hover image named track-order-hover.png", `<style>.btn:hover{background-image:url(https://cdn.example.com/email/track-order-hover.png)}</style>`],
  ["an @import of print.css", `<style>@import url("https://www.example.com/css/print.css") print;</style>`],
  ["@media not print with a token", `<style>@media not print{.hero{background-image:url(${U})}}</style>`],
  ["@media screen, print with a token", `<style>@media screen, print{.hero{background-image:url(${U})}}</style>`],
  ["@media not (prefers-color-scheme: dark) with a token", `<style>@media not (prefers-color-scheme: dark){.hero{background-image:url(${U})}}</style>`],
];

describe("css-tracking detector", () => {
  it.each(removed)("%s", (_title, input, output, reason) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(output);
    expect(report.findings.map((finding) => [finding.detector, finding.reason])).toEqual([["css-tracking", reason]]);
    expect(report.findings[0]?.action).toBe("removed-css-declaration");
  });

  it.each(kept)("keeps %s", (_title, input) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(input);
    expect(report.findings).toEqual([]);
  });

  it("removes a background with a token in its host name on a hidden or 1px element or rule (adversary11 F3)", () => {
    const host = "https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example/p.gif";
    const cases: [string, string, string][] = [
      [`<div style="display:none;background:url(${host})">x</div>`, `<div style="display:none;">x</div>`, "CSS URL with a hex token in its host name on a hidden element (display:none on <div>)"],
      [`<div style="width:1px;height:1px;background:url(${host})"></div>`, `<div style="width:1px;height:1px;"></div>`, "CSS URL with a hex token in its host name on a 1px element"],
      [`<style>.h{display:none;background:url(${host})}</style>`, `<style>.h{display:none;}</style>`, "CSS URL with a hex token in its host name in a hidden rule"],
    ];
    for (const [input, output, reason] of cases) {
      const { html, report } = stripTrackingWithReport(input);
      expect(html).toBe(output);
      expect(report.findings.map((finding) => finding.reason)).toEqual([reason]);
    }
  });

  it.each([
    ["a visible background", `<div style="background:url(https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example/bg.png);width:600px;height:300px">x</div>`],
    ["a hover image", `<style>a:hover{background:url(https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example/b.png)}</style>`],
    ["an @import", `<style>@import url(https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example/s.css);</style>`],
    ["an @font-face source", `<style>@font-face{font-family:x;src:url(https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example/f.woff2)}</style>`],
  ])("keeps a token in the host name alone on %s (bucket names look the same)", (_title, input) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(input);
    expect(report.findings).toEqual([]);
  });

  it("removes the kept tokenized background in strict", () => {
    const input = `<div style="background:url(${U})">x</div>`;
    expect(stripTrackingWithReport(input, { preset: "strict" }).html).toBe(`<div>x</div>`);
  });
});

describe("css-tracking: a background on a box with no area (adversary19 F13)", () => {
  const bg = "https://news.example-shop.com/i/bg.gif?t=8f14e45fceea167a5a36dedd4bea2543";
  it("a tokenized background on a 600x0 box, inline and in a rule", () => {
    expect(stripTrackingWithReport(`<div style="width:600px;height:0;background:url(${bg})"></div>`).html).not.toContain("8f14e45f");
    expect(stripTrackingWithReport(`<style>.x{width:600px;height:0;background-image:url(${bg})}</style><div class="x"></div>`).html).not.toContain("8f14e45f");
  });
  it("keeps a padded zero-height box, whose padding shows the background (a responsive hero)", () => {
    for (const input of [
      `<div style="width:100%;height:0;padding-bottom:50%;background:url(${bg})"></div>`,
      `<style>.x{height:0;padding-top:56%;background-image:url(${bg})}</style><div class="x"></div>`,
      `<style>.x{height:0;padding-top:56%}</style><div class="x" style="background-image:url(${bg})"></div>`,
    ]) {
      expect(stripTrackingWithReport(input).html).toBe(input);
    }
  });
});

describe("css-tracking: a hidden or 0px rule that a screen @media rule with the same selector reveals (adversary25 F4)", () => {
  const HASHED = "https://cdn.example.com/img/hero-m.jpg?v=5d41402abc4b2a76b9719d911017c592";
  it.each([
    ["display:none, display:block on phones", `<style>.mob{display:none;background-image:url(${HASHED});height:200px}@media (max-width:480px){.mob{display:block!important}}</style><div class="mob">Sale</div>`],
    ["height:0, 200px on phones", `<style>.mob{height:0;overflow:hidden;background-image:url(${HASHED})}@media (max-width:480px){.mob{height:200px!important}}</style><div class="mob"></div>`],
    ["a nested @media in the same rule", `<style>.mob{display:none;background-image:url(${HASHED});@media (max-width:480px){display:block}}</style><div class="mob">Sale</div>`],
    ["one selector of a list revealed", `<style>.mob, .alt{display:none;background-image:url(${HASHED})}@media (max-width:480px){.mob{display:block}}</style><div class="mob">Sale</div>`],
    // An @media rule's own hiding adds none (a desktop-only block).
    ["a visible rule that @media hides on phones", `<style>.d{background-image:url(${HASHED});height:200px}@media (max-width:480px){.d{display:none}}</style><div class="d">Sale</div>`],
  ])("keeps %s", (_title, input) => {
    expect(stripTrackingWithReport(input).html).toBe(input);
  });
  it.each([
    ["another selector revealed", `.px{display:none;background:url(${U})}@media (max-width:480px){.other{display:block!important}}`, `.px{display:none;}@media (max-width:480px){.other{display:block!important}}`],
    ["a reveal for print only", `.px{display:none;background:url(${U})}@media print{.px{display:block!important}}`, `.px{display:none;}@media print{.px{display:block!important}}`],
    ["a reveal in dark mode only", `.px{display:none;background:url(${U})}@media (prefers-color-scheme:dark){.px{display:block!important}}`, `.px{display:none;}@media (prefers-color-scheme:dark){.px{display:block!important}}`],
    ["an earlier reveal without !important (the later rule wins)", `@media (max-width:480px){.px{display:block}}.px{display:none;background:url(${U})}`, `@media (max-width:480px){.px{display:block}}.px{display:none;}`],
    ["a reveal in @layer (unlayered rules win)", `.px{display:none;background:url(${U})}@layer x{.px{display:block}}`, `.px{display:none;}@layer x{.px{display:block}}`],
    ["a reveal of an invalid display", `.px{display:none;background:url(${U})}@media (max-width:480px){.px{display:blok!important}}`, `.px{display:none;}@media (max-width:480px){.px{display:blok!important}}`],
    ["a 1px rule sized to 1px on phones too", `.px{width:1px;height:1px;background:url(${U})}@media (max-width:480px){.px{height:1px!important}}`, `.px{width:1px;height:1px;}@media (max-width:480px){.px{height:1px!important}}`],
  ])("still removes a tokenized URL with %s", (_title, css, output) => {
    expect(stripTrackingWithReport(`<style>${css}</style>`).html).toBe(`<style>${output}</style>`);
  });
});

describe("css-tracking: a bare blockquote is content, not a reply's quote (adversary25 F5)", () => {
  const quote = "https://cdn.example.com/img/quote.png?v=5d41402abc4b2a76b9719d911017c592";
  it.each([
    ["a pull quote's background", `<style>blockquote{background:url(${quote}) no-repeat;padding-left:110px;min-height:60px}</style><blockquote>Best purchase ever.</blockquote>`],
    ["a class on a blockquote", `<style>blockquote.testimonial{background-image:url(${quote})}</style><blockquote class="testimonial">Best purchase ever.</blockquote>`],
  ])("keeps %s", (_title, input) => {
    expect(stripTrackingWithReport(input).html).toBe(input);
  });
  it("still removes a tokenized URL under a reply's quote (.gmail_quote blockquote)", () => {
    expect(stripTrackingWithReport(`<style>.gmail_quote blockquote{background:url(${U})}</style>`).html).toBe(`<style>.gmail_quote blockquote{}</style>`);
  });
});
