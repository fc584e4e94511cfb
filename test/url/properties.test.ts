// Properties of cleanUrl over generated URLs (fixed seed, so failures reproduce).
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { cleanUrl, createUrlCleaner } from "../../src/url/clean-url.js";
import { trackingParams } from "../../src/data/tracking-params.js";

fc.configureGlobal({ seed: 42, numRuns: 300 });

const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
const host = fc.tuple(label, fc.constantFrom("com", "org", "net", "io", "co.uk")).map(([a, b]) => `${a}.${b}`);
const pathSegment = fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/);
const path = fc.array(pathSegment, { maxLength: 4 }).map((segments) => `/${segments.join("/")}`);
// Names that no rule removes: prefixed with "k" and never starting like a listed prefix.
const keptName = fc.stringMatching(/^k[a-z0-9]{0,8}$/);
// Realistic escapes only: "%NAME%"-like text reads as a merge tag (the URL is then left untouched on purpose).
const value = fc
  .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9+._~=-]$/), fc.constantFrom("%20", "%2F", "%3D", "%C3%A9", "%E2%82%AC")), { maxLength: 8 })
  .map((parts) => parts.join(""));
const keptParam = fc.tuple(keptName, fc.option(value, { nil: undefined })).map(([n, v]) => (v === undefined ? n : `${n}=${v}`));
const globalNames = trackingParams.filter((r) => !r.hosts).map((r) => r.name.replace("*", "x"));
const trackingParam = fc.tuple(fc.constantFrom(...globalNames), value).map(([n, v]) => `${n}=${v}`);
const fragment = fc.option(fc.stringMatching(/^[A-Za-z0-9/_-]{0,10}$/), { nil: undefined });
const wrapperHost = fc.constantFrom("www.google.com/url?q=", "l.facebook.com/l.php?u=", "slack-redir.net/link?url=", "duckduckgo.com/l/?uddg=");

const build = (h: string, p: string, params: string[], frag: string | undefined, sep = "&") =>
  `https://${h}${p}${params.length ? `?${params.join(sep)}` : ""}${frag === undefined ? "" : `#${frag}`}`;

const mixed = fc.tuple(host, path, fc.array(fc.oneof(keptParam, trackingParam), { maxLength: 6 }), fragment);
const clean = fc.tuple(host, path, fc.array(keptParam, { maxLength: 6 }), fragment);

describe("cleanUrl properties", () => {
  test.prop([mixed, fc.boolean()])("is idempotent", ([h, p, params, frag], attr) => {
    const url = build(h, p, params, frag, attr ? "&amp;" : "&");
    const once = cleanUrl(url, { htmlAttribute: attr }).url;
    expect(cleanUrl(once, { htmlAttribute: attr }).url).toBe(once);
  });

  test.prop([mixed, wrapperHost])("is idempotent through wrappers", ([h, p, params, frag], wrapper) => {
    const url = `https://${wrapper}${encodeURIComponent(build(h, p, params, frag))}`;
    const once = cleanUrl(url).url;
    expect(cleanUrl(once).url).toBe(once);
  });

  test.prop([fc.oneof(mixed.map((t) => build(...t)), fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), wrapperHost])(
    "never returns a non-http(s) URL for an http(s) input",
    (inner, wrapper) => {
      for (const url of [inner, `https://${wrapper}${encodeURIComponent(inner)}`]) {
        if (!/^https?:\/\//i.test(url)) continue;
        expect(cleanUrl(url).url).toMatch(/^https?:\/\//i);
      }
    },
  );

  test.prop([clean])("never changes a URL without tracking params or wrapper", ([h, p, params, frag]) => {
    const url = build(h, p, params, frag);
    expect(cleanUrl(url)).toEqual({ url, changed: false, changes: [] });
  });

  test.prop([mixed])("keeps every byte of the kept params, in order", ([h, p, params, frag]) => {
    const url = build(h, p, params, frag);
    const result = cleanUrl(url).url;
    const kept = params.filter((param) => param.startsWith("k"));
    const query = result.split("#")[0]?.split("?")[1];
    expect(query === undefined ? [] : query.split("&")).toEqual(kept);
    expect(result.startsWith(`https://${h}${p}`)).toBe(true);
    if (frag !== undefined) expect(result.endsWith(`#${frag}`)).toBe(true);
  });

  test.prop([fc.string(), fc.boolean()])("never throws on any string", (url, attr) => {
    expect(() => cleanUrl(url, { htmlAttribute: attr })).not.toThrow();
    expect(() => cleanUrl(`https://${url}`, { htmlAttribute: attr })).not.toThrow();
  });

  // A cleaner keeps per-host rules between calls: a warm cleaner must answer as a fresh one does, also after
  // its cache of hosts fills up and starts again.
  const anyUrl = fc.oneof(mixed.map((t) => build(...t)), fc.tuple(mixed, wrapperHost).map(([t, w]) => `https://${w}${encodeURIComponent(build(...t))}`));
  test.prop([fc.array(anyUrl, { minLength: 1, maxLength: 30 }), fc.constantFrom({}, { htmlAttribute: true }, { recipient: "a@b.example", keepParams: ["utm_source"], removeParams: ["k1"] })])(
    "a cleaner that has seen other URLs answers as a fresh one",
    (urls, options) => {
      const cleaner = createUrlCleaner(options);
      for (const url of [...urls, ...urls]) expect(cleaner(url)).toEqual(cleanUrl(url, options));
    },
  );

  it("answers the same after seeing more hosts than it keeps", () => {
    const cleaner = createUrlCleaner();
    const urls = Array.from({ length: 1200 }, (_, i) => `https://h${i % 700}.example/p?utm_source=x&k=${i}`);
    for (const url of urls) expect(cleaner(url)).toEqual(cleanUrl(url));
  });
});
