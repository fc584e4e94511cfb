import { describe, expect, it } from "vitest";
import { cleanUrl, type CleanUrlOptions, createUrlCleaner } from "../../src/url/clean-url.js";
import { stripTracking } from "../../src/strip-tracking.js";
import { stripTrackingFromText } from "../../src/text/strip-tracking-from-text.js";

const bad = (options: unknown): CleanUrlOptions => options as CleanUrlOptions;

describe("option validation", () => {
  it.each([
    ["unwrapRedirects", { unwrapRedirects: "yes" }, 'strip-tracking: option "unwrapRedirects" must be a boolean'],
    ["an unknown option", { unwrap: true }, 'strip-tracking: option "unwrap" is not a known option'],
    ["recipient", { recipient: "nobody" }, 'strip-tracking: option "recipient" must be an email address, got "nobody"'],
    ["a recipient with a lone surrogate", { recipient: "j\udce9rg@x.example" }, 'strip-tracking: option "recipient" must be an email address, got "j\udce9rg@x.example"'],
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
    expect(() => cleanUrl("mailto:a@b.c", bad({ unwrapRedirects: 0 }))).toThrow(TypeError);
  });

  it("accepts undefined option values and an empty object", () => {
    expect(cleanUrl("https://example.com/?utm_source=x", {}).url).toBe("https://example.com/");
    expect(cleanUrl("https://example.com/?utm_source=x", bad({ unwrapRedirects: undefined })).url).toBe("https://example.com/");
  });

  it("never throws on odd strings", () => {
    for (const url of ["https://", "https://?", "https://#", "http://%", "https://[::1]/?utm_source=%", "https://a.b/%E0%A4%A?utm_source=\u{1F600}", "\0https://x", "https://x/\uD800?utm_source=1"]) {
      expect(() => cleanUrl(url)).not.toThrow();
      expect(() => cleanUrl(url, { htmlAttribute: true })).not.toThrow();
    }
  });
});

describe("one option vocabulary", () => {
  const tracked = "https://www.google.com/url?q=https%3A%2F%2Fshop.example%2F%3Fref%3Dnews%26utm_source%3Dx";

  it("cleanUrl, createUrlCleaner, stripTrackingFromText and stripTracking agree on the same options", () => {
    const options = { unwrapRedirects: true, keepParams: ["utm_source"], removeParams: ["ref"] };
    const expected = "https://shop.example/?utm_source=x";
    expect(cleanUrl(tracked, options).url).toBe(expected);
    expect(createUrlCleaner(options)(tracked).url).toBe(expected);
    expect(stripTrackingFromText(`Go: ${tracked} now`, options).text).toBe(`Go: ${expected} now`);
    expect(stripTracking(`<a href="${tracked}">x</a>`, options)).toBe(`<a href="${expected}">x</a>`);
  });

  it("unknown options are a TypeError naming them, in every function", () => {
    const message = /option "unwrap" is not a known option/;
    expect(() => cleanUrl(tracked, bad({ unwrap: false }))).toThrow(message);
    expect(() => createUrlCleaner(bad({ unwrap: false }))).toThrow(message);
    expect(() => stripTrackingFromText("x", bad({ unwrap: false }))).toThrow(message);
    expect(() => stripTracking("x", bad({ unwrap: false }) as never)).toThrow(message);
    expect(() => stripTracking("x", bad({ a: 1, b: 2 }) as never)).toThrow(/options "a", "b" are not known options/);
  });

  it("accepts a URL object and returns a string", () => {
    const result = cleanUrl(new URL("https://shop.example/a?utm_source=news&id=7"));
    expect(result).toMatchObject({ url: "https://shop.example/a?id=7", changed: true });
  });

  it("reports (and keeps) a parameter that carries the recipient's address", () => {
    const result = cleanUrl("https://shop.example/u?email=Ann%40Example.com&utm_source=x", { recipient: "ann@example.com" });
    expect(result.url).toBe("https://shop.example/u?email=Ann%40Example.com");
    expect(result.recipientParams).toEqual(["email"]);
  });
});

describe("inputs", () => {
  it("reads a Buffer or Uint8Array as UTF-8 in stripTrackingFromText", () => {
    const text = "Café: https://shop.example/?utm_source=x";
    expect(stripTrackingFromText(Buffer.from(text)).text).toBe("Café: https://shop.example/");
    expect(stripTrackingFromText(new TextEncoder().encode(text)).text).toBe("Café: https://shop.example/");
  });

  it("refuses other inputs with a TypeError that says what to pass", () => {
    expect(() => stripTrackingFromText(42 as never)).toThrow(/text must be a string or a Uint8Array read as UTF-8 \(a Buffer is one\), got number/);
  });

  it("refuses a URL that is neither a string nor a URL object with a TypeError, in cleanUrl and a cleaner", () => {
    for (const [value, got] of [[5, "number"], [null, "null"], [undefined, "undefined"], [{}, "object"], [["https://a.example/?utm_source=x"], "an array"]] as const) {
      const message = `strip-tracking: cleanUrl takes a URL as a string or a URL object, got ${got}`;
      expect(() => cleanUrl(value as never)).toThrow(new TypeError(message));
      expect(() => createUrlCleaner()(value as never)).toThrow(new TypeError(message));
    }
    expect(cleanUrl(new URL("https://a.example/?utm_source=x")).url).toBe("https://a.example/");
  });

  it("gives each text change its offset, line and column", () => {
    const { changes } = stripTrackingFromText("one\ntwo https://a.example/?utm_source=1\n\n  https://b.example/?fbclid=2");
    expect(changes.map(({ offset, line, column }) => [offset, line, column])).toEqual([[8, 2, 5], [43, 4, 3]]);
  });

  it("dryRun reports the changes and keeps the text", () => {
    const text = "https://a.example/?utm_source=1";
    const result = stripTrackingFromText(text, { dryRun: true });
    expect(result).toMatchObject({ text, changed: false }); // the output is the input: `changes` says what would change
    expect(result.changes[0]?.cleaned).toBe("https://a.example/");
  });
});
