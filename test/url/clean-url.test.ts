// cleanUrl on signed URLs: never broken (the table of ordinary cases is clean-url.table.test.ts).

import { describe, expect, it } from "vitest";
import { cleanUrl } from "../../src/url/clean-url.js";
import { signedUrls } from "../support/signed-urls.js";

describe("cleanUrl: a signed URL keeps every parameter", () => {
  for (const [scheme, url] of signedUrls) {
    it(`${scheme}: unchanged, its tracking parameters reported as kept for the signature`, () => {
      const result = cleanUrl(url);
      expect(result).toMatchObject({ url, changed: false, changes: [] });
      expect(result.keptForSignature?.map((change) => change.param)).toEqual([url.match(/(utm_[a-z]+)=/)![1]]);
      expect(cleanUrl(url.replaceAll("&", "&amp;"), { htmlAttribute: true }).url).toBe(url.replaceAll("&", "&amp;"));
      expect(cleanUrl(url, { removeParams: ["file", "sr", "expires"] }).url).toBe(url);
    });
  }

  it("still unwraps a redirect around a signed URL, and keeps the destination's parameters", () => {
    const destination = "https://app.example/email/verify/42?expires=1764806400&utm_source=email&signature=5f4dcc3b5aa765d61d8327deb882cf99";
    const wrapper = `https://www.google.com/url?q=${encodeURIComponent(destination)}&sa=D`;
    const result = cleanUrl(wrapper);
    expect(result.url).toBe(destination);
    expect(result.changes.map((change) => change.kind)).toEqual(["unwrapped-redirect"]);
    expect(result.keptForSignature?.map((change) => [change.param, change.vendor])).toEqual([["utm_source", "Google Analytics"]]);
  });

  it("keeps a signed template URL as written", () => {
    const url = "https://app.example/verify/{{id}}?utm_source=email&signature=5f4dcc3b5aa765d61d8327deb882cf99";
    expect(cleanUrl(url)).toEqual({ url, changed: false, changes: [] });
  });

  it.each([
    ["https://shop.example/?utm_source=x&signature_style=bold", "https://shop.example/?signature_style=bold"],
    ["https://shop.example/?sig=1&utm_source=x", "https://shop.example/?sig=1"],
    ["https://shop.example/?utm_medium=email&token=5f4dcc3b5aa765d61d8327deb882cf99", "https://shop.example/?token=5f4dcc3b5aa765d61d8327deb882cf99"],
  ])("cleans the near-miss %s", (url, cleaned) => {
    const result = cleanUrl(url);
    expect(result.url).toBe(cleaned);
    expect(result.keptForSignature).toBeUndefined();
  });
});
