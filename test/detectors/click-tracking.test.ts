import { describe, expect, it } from "vitest";
import { stripTracking, stripTrackingWithReport } from "../../src/index.js";
import { signedUrls } from "../support/signed-urls.js";

// [title, input, expected output]
const cleaned: [string, string, string][] = [
  [
    "utm parameters, keeping &amp; as written",
    `<a href="https://shop.example/p?id=7&amp;utm_source=news&amp;utm_medium=email#top">x</a>`,
    `<a href="https://shop.example/p?id=7#top">x</a>`,
  ],
  [
    "a raw & separator stays raw",
    `<a href="https://shop.example/p?id=7&utm_source=news&b=%20+">x</a>`,
    `<a href="https://shop.example/p?id=7&b=%20+">x</a>`,
  ],
  ["single-quoted href", `<a href='https://shop.example/?mc_eid=abc&amp;q=1'>x</a>`, `<a href='https://shop.example/?q=1'>x</a>`],
  ["unquoted href", `<a href=https://shop.example/?fbclid=abc>x</a>`, `<a href=https://shop.example/>x</a>`],
  ["area href", `<map><area href="https://shop.example/?gclid=1" alt=""></map>`, `<map><area href="https://shop.example/" alt=""></map>`],
  [
    "VML button in a conditional comment",
    `<!--[if mso]><v:roundrect href="https://shop.example/?utm_campaign=x" arcsize="10%"></v:roundrect><![endif]-->`,
    `<!--[if mso]><v:roundrect href="https://shop.example/" arcsize="10%"></v:roundrect><![endif]-->`,
  ],
  [
    "a Google redirect unwrapped to its destination",
    `<a href="https://www.google.com/url?q=https://docs.example/d/1&amp;sa=D">x</a>`,
    `<a href="https://docs.example/d/1">x</a>`,
  ],
  [
    "an Amazon SES redirect unwrapped and cleaned",
    `<a href="https://abc.r.us-east-1.awstrack.me/L0/https:%2F%2Fshop.example%2Fa%3Futm_source%3Dses%26k%3D1/1/0100-abc/xyz=">x</a>`,
    `<a href="https://shop.example/a?k=1">x</a>`,
  ],
];

const untouched: [string, string][] = [
  ["mailto", `<a href="mailto:a@example.com?subject=utm_source">x</a>`],
  ["tel", `<a href="tel:+15551234">x</a>`],
  ["a merge tag", `<a href="*|UNSUB|*">x</a>`],
  ["a handlebars tag", `<a href="{{unsubscribe_url}}?utm_source=x">x</a>`],
  ["an anchor", `<a href="#section">x</a>`],
  ["a relative link", `<a href="/account?utm_source=x">x</a>`],
  ["an unsubscribe token", `<a href="https://news.example/unsubscribe?token=abc123&amp;e=ann%40example.com">x</a>`],
];

describe("click-tracking detector", () => {
  it.each(cleaned)("cleans %s", (_title, input, output) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(output);
    expect(report.findings[0]).toMatchObject({ detector: "click-tracking", action: "rewrote-url", vector: "anchor" });
    expect(stripTracking(html)).toBe(html);
  });

  it.each(untouched)("leaves %s alone", (_title, input) => {
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(input);
    expect(report.findings).toEqual([]);
  });

  it("keeps and reports an opaque redirect with its vendor", () => {
    const input = `<a href="https://x.us5.list-manage.com/track/click?u=1&amp;id=2&amp;e=3">x</a>`;
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(input);
    expect(report.findings).toEqual([
      expect.objectContaining({ action: "kept", applied: false, vendor: "Mailchimp", detector: "click-tracking" }),
    ]);
  });

  it("reports the removed parameters and the new URL", () => {
    const { report } = stripTrackingWithReport(`<a href="https://s.example/?utm_source=a&amp;x=1">x</a>`);
    expect(report.findings[0]).toMatchObject({
      url: "https://s.example/?utm_source=a&x=1",
      newUrl: "https://s.example/?x=1",
      changes: ["utm_source"],
      reason: "removed utm_source",
    });
  });

  it("honours keepParams, removeParams and unwrapRedirects", () => {
    expect(stripTracking(`<a href="https://s.example/?utm_source=a">x</a>`, { keepParams: ["utm_source"] })).toBe(
      `<a href="https://s.example/?utm_source=a">x</a>`,
    );
    expect(stripTracking(`<a href="https://s.example/?cid=9&amp;a=1">x</a>`, { removeParams: ["cid"] })).toBe(
      `<a href="https://s.example/?a=1">x</a>`,
    );
    const wrapped = `<a href="https://www.google.com/url?q=https://d.example/">x</a>`;
    expect(stripTracking(wrapped, { unwrapRedirects: false })).toBe(wrapped);
    expect(() => stripTracking("", { unwrapRedirects: "no" as never })).toThrow(/"unwrapRedirects"/);
  });

  it("is turned off with disable: ['click-tracking']", () => {
    const input = `<a href="https://s.example/?utm_source=a">x</a>`;
    expect(stripTracking(input, { disable: ["click-tracking"] })).toBe(input);
  });
});

describe("click-tracking on signed links", () => {
  const signed = "https://app.example/email/verify/42?expires=1764806400&amp;utm_source=email&amp;utm_medium=mail&amp;signature=5f4dcc3b5aa765d61d8327deb882cf99";

  it("keeps a signed link as written and reports it as kept, saying why", () => {
    const html = `<a href="${signed}">Verify</a>`;
    const { html: out, report } = stripTrackingWithReport(html);
    expect(out).toBe(html);
    expect(report.changed).toBe(false);
    expect(report.findings).toMatchObject([
      { detector: "click-tracking", action: "kept", applied: false, vendor: "Google Analytics", reason: "signed URL: removing utm_source, utm_medium would break its signature" },
    ]);
  });

  it("unwraps a redirect around a signed link and says what it kept", () => {
    const destination = signed.replaceAll("&amp;", "&");
    const html = `<a href="https://www.google.com/url?q=${encodeURIComponent(destination)}&amp;sa=D">Verify</a>`;
    const { html: out, report } = stripTrackingWithReport(html);
    expect(out).toBe(`<a href="${signed}">Verify</a>`);
    expect(report.findings[0]).toMatchObject({ action: "rewrote-url", reason: "unwrapped Google redirect; signed URL: removing utm_source, utm_medium would break its signature" });
  });

  for (const [scheme, url] of signedUrls) {
    it(`leaves a ${scheme} link as written`, () => {
      const html = `<a href="${url.replaceAll("&", "&amp;")}">Download</a>`;
      expect(stripTracking(html)).toBe(html);
      expect(stripTrackingWithReport(html).report.findings).toMatchObject([{ action: "kept", reason: expect.stringMatching(/^signed URL: removing utm_[a-z]+ would break its signature$/) }]);
    });
  }

  it("still cleans a near-miss", () => {
    expect(stripTracking(`<a href="https://shop.example/?utm_source=x&amp;signature_style=bold">x</a>`)).toBe(`<a href="https://shop.example/?signature_style=bold">x</a>`);
  });
});
