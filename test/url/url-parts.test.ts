import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { afterHost, hostMatches, parseHttpUrl, queryParam } from "../../src/url/url-parts.js";

// The regex reading that parseHttpUrl replaced: the oracle its char-code scan must agree with.
const HTTP_URL = /^https?:\/\/([^/?#\\\s]*)/i;
const VALID_HOST = /^(?:[^\s\0-\x1f"'<>\\^`{|}%/?#@:[\]]+|\[[0-9a-f:.]+\])$/i;
function reference(url: string) {
  const match = HTTP_URL.exec(url);
  if (!match) return undefined;
  const authority = match[1] ?? "";
  const host = authority.slice(authority.lastIndexOf("@") + 1).replace(/:\d*$/, "").replace(/\.$/, "").toLowerCase();
  if (!VALID_HOST.test(host)) return undefined;
  const pathStart = match[0].length;
  const rest = url.slice(pathStart);
  const hash = rest.indexOf("#");
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const question = beforeHash.indexOf("?");
  return {
    host,
    pathStart,
    path: question < 0 ? beforeHash : beforeHash.slice(0, question),
    query: question < 0 ? "" : beforeHash.slice(question + 1),
  };
}
function referenceQueryParam(query: string, names: readonly string[]): string | undefined {
  if (query === "") return undefined;
  for (const part of query.split("&")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (names.includes(part.slice(0, eq).toLowerCase())) return part.slice(eq + 1);
  }
  return undefined;
}

describe("parseHttpUrl", () => {
  it.each([
    ["https://Example.COM/a/b?x=1&y=2#frag", { host: "example.com", pathStart: 19, path: "/a/b", query: "x=1&y=2" }],
    ["HTTP://user:pw@host.example:8080?q", { host: "host.example", pathStart: 32, path: "", query: "q" }],
    ["https://host.example./p", { host: "host.example", pathStart: 21, path: "/p", query: "" }],
    ["https://[::1]:443/x", { host: "[::1]", pathStart: 17, path: "/x", query: "" }],
    ["https://a.example#x?y", { host: "a.example", pathStart: 17, path: "", query: "" }],
    ["https://a.example\\evil", { host: "a.example", pathStart: 17, path: "\\evil", query: "" }],
    ["https://a.example b/c", { host: "a.example", pathStart: 17, path: " b/c", query: "" }],
    ["https://exa\u00a0mple.com/", { host: "exa", pathStart: 11, path: "\u00a0mple.com/", query: "" }],
    ["https://münchen.example/", { host: "münchen.example", pathStart: 23, path: "/", query: "" }],
  ])("%s", (url, expected) => {
    expect(parseHttpUrl(url)).toEqual(expected);
    expect(reference(url)).toEqual(expected);
  });

  it.each(["ftp://a.example/", "https:/a.example", "https://", "https://:80/", "https://a\u0001b.example/", "https://a%41.example/", "https://a:b:c/", "https://[zz]/", "mailto:x@y", ""])(
    "rejects %j",
    (url) => {
      expect(parseHttpUrl(url)).toBeUndefined();
    },
  );

  const urlChars = fc.constantFrom(..."aZ.-:@[]/?#\\%&= \t\n\u0001\u00a0\u3000é19_", "https://", "HTTP://", "::1", "xn--");
  const urls = fc.array(urlChars, { maxLength: 24 }).map((parts) => parts.join(""));
  test.prop([urls], { seed: 11, numRuns: 3000 })("agrees with the regex reading on any input", (url) => {
    expect(parseHttpUrl(url)).toEqual(reference(url));
    expect(parseHttpUrl(`https://${url}`)).toEqual(reference(`https://${url}`));
  });
});

describe("queryParam", () => {
  it.each([
    ["a=1&u=x&u=y", ["u"], "x"],
    ["U=Big", ["u"], "Big"],
    ["flag&q=", ["flag", "q"], ""],
    ["", ["u"], undefined],
    ["a=1", ["u"], undefined],
    ["url=https://x.example/?a=b&c=d", ["url"], "https://x.example/?a=b"],
  ])("%s %j", (query, names, expected) => {
    expect(queryParam(query, names)).toBe(expected);
  });

  const queries = fc.array(fc.constantFrom(..."uU=&a1", "url", "&&", "=="), { maxLength: 16 }).map((parts) => parts.join(""));
  test.prop([queries], { seed: 12, numRuns: 2000 })("agrees with split('&')", (query) => {
    expect(queryParam(query, ["u", "url"])).toBe(referenceQueryParam(query, ["u", "url"]));
  });
});

describe("hostMatches", () => {
  it.each([
    ["a.example.com", "example.com", true],
    ["example.com", "example.com", true],
    ["badexample.com", "example.com", false],
    ["example.com.evil", "example.com", false],
  ])("%s under %s: %s", (host, suffix, expected) => {
    expect(hostMatches(host, suffix)).toBe(expected);
  });
});

describe("afterHost", () => {
  it.each([
    ["https://t.example/o.gif?u=1#f", "/o.gif?u=1#f"],
    ["HTTP://T.example:8080?x", "?x"],
    ["https://t.example", ""],
    ["//t.example/p", "//t.example/p"],
    ["/relative/path", "/relative/path"],
    // Browsers read a backslash as "/" in http(s) URLs (adversary11 F6).
    ["https://cdn.example\\u\\ann@example.com\\logo.png", "\\u\\ann@example.com\\logo.png"],
    ["https:\\\\cdn.example\\p.gif", "\\p.gif"],
    ["https://cdn.example\\?u=1", "\\?u=1"],
  ])("%s → %s", (url, expected) => {
    expect(afterHost(url)).toBe(expected);
  });
});
