import { describe, expect, it } from "vitest";
import { resolveUrl, urlText } from "../../src/url/resolve-url.js";

const T = "https://t.example/p.gif";

describe("resolveUrl: the reading that reaches a remote host, in an https or an http document", () => {
  it.each<[string, string, string | undefined, string | undefined]>([
    ["absolute", T, undefined, T],
    ["scheme-relative", "//t.example/p.gif", undefined, T],
    ["backslashes are slashes in http(s)", "\\\\t.example\\p.gif", undefined, T],
    ["/\\ is scheme-relative too", "/\\t.example/p.gif", undefined, T],
    // Relative in an https document (a path on the mail's host), absolute in an http, file or about:blank one.
    ["https:host", "https:t.example/p.gif", undefined, T],
    ["HTTPS:host", "HTTPS:t.example/p.gif", undefined, T],
    ["https:/host", "https:/t.example/p.gif", undefined, T],
    ["https:\\host", "https:\\t.example\\p.gif", undefined, T],
    ["http:host (absolute in an https document)", "http:t.example/p.gif", undefined, "http://t.example/p.gif"],
    ["tab and newline in the scheme vanish", "ht\ttps:\nt.example/p.gif", undefined, T],
    ["leading and trailing C0 and spaces are stripped", " \u0001https://t.example/p.gif \u0002", undefined, T],
    ["path-relative names no host", "p.gif", undefined, undefined],
    ["a no-break space keeps a URL relative", "\u00a0https://t.example/p.gif", undefined, undefined],
    ["empty", "", undefined, undefined],
    ["does not parse", "https://[t.example/", undefined, undefined],
    ["mailto", "mailto:a@b.example", undefined, "mailto:a@b.example"],
    ["data", "data:image/gif;base64,R0lG", undefined, "data:image/gif;base64,R0lG"],
    ["absolute base", "p.gif", "https://t.example/u/", "https://t.example/u/p.gif"],
    ["base https:host", "p.gif", "https:t.example/u/", "https://t.example/u/p.gif"],
    ["base //host", "p.gif", "//t.example/u/", "https://t.example/u/p.gif"],
    ["scheme-less base keeps the ambiguity: https:host", "https:t.example/p.gif", "//ok.example/", T],
    ["scheme-less base keeps the ambiguity: http:host", "http:t.example/p.gif", "//ok.example/", "http://t.example/p.gif"],
    ["an https base decides: https:host is a path", "https:t.example/p.gif", "https://ok.example/", "https://ok.example/t.example/p.gif"],
    ["an https base decides: http:host is absolute", "http:t.example/p.gif", "https://ok.example/", "http://t.example/p.gif"],
    ["a relative base names no host", "p.gif", "/u/", undefined],
    ["a base that does not parse is ignored", "p.gif", "https://[x/", undefined],
    ["a data: base is ignored", "p.gif", "data:text/html,x", undefined],
    ["a javascript: base is ignored", "//t.example/p.gif", "javascript:x", T],
  ])("%s", (_title, url, base, expected) => {
    expect(resolveUrl(url, base)).toBe(expected);
  });
});

describe("urlText: what the URL parser sees of an attribute value", () => {
  it.each<[string, string]>([
    [" https://a.example/ ", "https://a.example/"],
    ["\u0001\u0000https://a.example/\u001f", "https://a.example/"],
    ["\u00a0https://a.example/", "\u00a0https://a.example/"],
    ["\t\n", ""],
    ["x", "x"],
  ])("%j", (value, expected) => {
    expect(urlText(value)).toBe(expected);
  });
});
