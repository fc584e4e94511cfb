// Signed URLs, by the signature parameter of each documented scheme.

import { describe, expect, it } from "vitest";
import { isSignedUrl } from "../../src/url/signed-url.js";
import { signedUrls } from "../support/signed-urls.js";


describe("isSignedUrl", () => {
  for (const [scheme, url] of signedUrls) {
    it(`knows ${scheme}`, () => expect(isSignedUrl(url)).toBe(true));
  }

  it.each([
    ["no query", "https://app.example/signature/5f4dcc3b5aa765d61d8327deb882cf99"],
    ["a style parameter", "https://shop.example/?utm_source=x&signature_style=bold"],
    ["a short sig", "https://shop.example/?utm_source=x&sig=1"],
    ["a sig that is a word", "https://shop.example/?utm_source=x&sig=yes"],
    ["a Signature without its companions, and short", "https://shop.example/?Signature=abc&utm_source=x"],
    ["Azure's sig name without sv or se, short", "https://shop.example/?sig=abc&sr=b"],
    ["the parameter in the fragment", "https://shop.example/?utm_source=x#signature=5f4dcc3b5aa765d61d8327deb882cf99"],
    ["a signature-like value under another name", "https://shop.example/?utm_source=x&token=5f4dcc3b5aa765d61d8327deb882cf99"],
  ])("is false for %s", (_title, url) => {
    expect(isSignedUrl(url)).toBe(false);
  });
});
