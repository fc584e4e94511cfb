import { describe, expect, it } from "vitest";
import { cleanUrl, type CleanUrlOptions } from "../../src/url/clean-url.js";
import { stripTrackingFromText } from "../../src/text/strip-tracking-from-text.js";

const bad = (options: unknown): CleanUrlOptions => options as CleanUrlOptions;

describe("option validation", () => {
  it.each([
    ["unwrap", { unwrap: "yes" }, 'strip-tracking: option "unwrap" must be a boolean'],
    ["params", { params: 1 }, 'strip-tracking: option "params" must be a boolean'],
    ["htmlAttribute", { htmlAttribute: null }, 'strip-tracking: option "htmlAttribute" must be a boolean'],
    ["keepParams", { keepParams: "utm_source" }, 'strip-tracking: option "keepParams" must be an array of strings'],
    ["keepParams entries", { keepParams: ["a", 1] }, 'strip-tracking: option "keepParams" must be an array of strings'],
    ["removeParams", { removeParams: [null] }, 'strip-tracking: option "removeParams" must be an array of strings'],
    ["options itself", 42, "strip-tracking: options must be an object"],
  ])("throws a TypeError naming %s", (_name, options, message) => {
    expect(() => cleanUrl("https://example.com/", bad(options))).toThrow(new TypeError(message));
    expect(() => stripTrackingFromText("no urls here", bad(options))).toThrow(TypeError);
  });

  it("validates options even when the URL is not one it would touch", () => {
    expect(() => cleanUrl("mailto:a@b.c", bad({ unwrap: 0 }))).toThrow(TypeError);
  });

  it("accepts undefined option values and an empty object", () => {
    expect(cleanUrl("https://example.com/?utm_source=x", {}).url).toBe("https://example.com/");
    expect(cleanUrl("https://example.com/?utm_source=x", bad({ unwrap: undefined })).url).toBe("https://example.com/");
  });

  it("never throws on odd strings", () => {
    for (const url of ["https://", "https://?", "https://#", "http://%", "https://[::1]/?utm_source=%", "https://a.b/%E0%A4%A?utm_source=\u{1F600}", "\0https://x", "https://x/\uD800?utm_source=1"]) {
      expect(() => cleanUrl(url)).not.toThrow();
      expect(() => cleanUrl(url, { htmlAttribute: true })).not.toThrow();
    }
  });
});
