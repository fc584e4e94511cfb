import { fc, test } from "@fast-check/vitest";
import { decodeHTMLAttribute } from "entities/decode";
import { describe, expect, it } from "vitest";
import { removeParams, removeParamSpans, type QueryParam } from "../../src/url/query.js";

const dropNamed = (...names: string[]) => (param: QueryParam) => (names.includes(param.name) ? param.name : undefined);

describe("removeParams splices the original string", () => {
  it.each([
    ["https://x.example/?a=1&b=2&c=3", ["b"], "https://x.example/?a=1&c=3"],
    ["https://x.example/?a=1&b=2&c=3", ["a"], "https://x.example/?b=2&c=3"],
    ["https://x.example/?a=1&b=2&c=3", ["c"], "https://x.example/?a=1&b=2"],
    ["https://x.example/?a=1&b=2", ["a", "b"], "https://x.example/"],
    ["https://x.example/p?a=1#frag", ["a"], "https://x.example/p#frag"],
    ["https://x.example/?q=a%20b+c&flag&d=&a=1", ["a"], "https://x.example/?q=a%20b+c&flag&d="],
    ["https://x.example/?k=1&a=1&k=2", ["a"], "https://x.example/?k=1&k=2"],
    ["https://x.example/?a=1&&b=2", ["a"], "https://x.example/?b=2"],
    ["https://x.example/?&&", ["a"], "https://x.example/?&&"],
    ["https://x.example/#a=1&b=2", ["a"], "https://x.example/#b=2"],
    ["https://x.example/#/r?a=1&b=2", ["a", "b"], "https://x.example/#/r"],
    ["https://x.example/?a=1#/r?a=2&b=3", ["a"], "https://x.example/#/r?b=3"],
    ["https://x.example/#section", ["section"], "https://x.example/#section"],
  ] as const)("%s without %j", (url, names, expected) => {
    expect(removeParams(url, dropNamed(...names)).url).toBe(expected);
  });

  it("treats &amp; (and numeric forms) as separators only in attribute text", () => {
    const url = "https://x.example/?a=1&amp;b=2&#38;c=3&#x26;d=4";
    expect(removeParams(url, dropNamed("b", "c"), true).url).toBe("https://x.example/?a=1&#x26;d=4");
    // Outside attributes "&amp;b" is a parameter named "amp;b".
    expect(removeParams(url, dropNamed("b"), false).url).toBe(url);
  });

  it("reads the entity separators as the browser does, and nothing close to them", () => {
    const url = "https://x.example/?a=1&AMP;b=2&#X26;c=3&#0000000000000000000038;d=4&#x00000000000000026;e=5";
    expect(removeParams(url, dropNamed("b", "c", "d", "e"), true).url).toBe("https://x.example/?a=1");
    // Named references are case-sensitive: "&Amp;" is text, so "Amp;d" is a parameter name.
    expect(removeParams("https://x.example/?a=1&Amp;d=4", dropNamed("a"), true).url).toBe("https://x.example/?Amp;d=4");
    // "&am;" is a literal "&" (no such reference): "am;e" is a parameter name. "&#39;" is "'", inside the value.
    const near = "https://x.example/?a=1&am;e=2&#39;f=3";
    expect(removeParams(near, dropNamed("am;e"), true).url).toBe("https://x.example/?a=1");
    expect(removeParams(near, dropNamed("e", "f", "#39;f"), true).url).toBe(near);
  });

  it.each([
    ["https://x.example/?utm=x&#35;id=5", "https://x.example/&#35;id=5"],
    ["https://x.example/?utm=x&num;id=5", "https://x.example/&num;id=5"],
    ["https://x.example/?utm=x&#x23;/r?utm=1&id=5", "https://x.example/&#x23;/r?id=5"],
    ["https://x.example/?utm=x&#00000000000000000000035;id=5", "https://x.example/&#00000000000000000000035;id=5"],
    ["https://x.example/?id=5&#35utm=x", "https://x.example/?id=5"],
  ])("finds a fragment whose # is written as a reference in attribute text: %s", (url, expected) => {
    expect(removeParams(url, dropNamed("utm"), true).url).toBe(expected);
  });

  it("does not mistake the # of &#38; for a fragment in attribute text", () => {
    expect(removeParams("https://x.example/?a=1&#38;b=2", dropNamed("b"), true).url).toBe("https://x.example/?a=1");
  });

  it("returns the same string and no removals when nothing matches", () => {
    const url = "https://x.example/?a=1&b";
    expect(removeParams(url, () => undefined)).toEqual({ url, removed: [] });
  });

  it("reports removed names and raw values as written", () => {
    expect(removeParams("https://x.example/?A%5F=x%20y&flag", () => "r").removed).toEqual([
      { name: "A%5F", value: "x%20y", reason: "r" },
      { name: "flag", value: undefined, reason: "r" },
    ]);
  });
});

// The plain reading the offset walk must agree with: split the query into parameter and separator strings,
// decide on each parameter object, join what is kept.
function splitReading(url: string, decide: (param: QueryParam) => string | undefined, htmlAttribute: boolean) {
  const removed: Array<QueryParam & { reason: string }> = [];
  // In attribute text an "&" that starts a reference the browser decodes (other than "&amp;") is in the value.
  const separator = htmlAttribute ? /&(?:amp;|AMP;|#0*38;|#[xX]0*26;)?/g : /&/g;
  const isSeparator = (query: string, at: number, match: string): boolean =>
    !htmlAttribute || match.length > 1 || decodeHTMLAttribute(query.slice(at, at + 40)).charCodeAt(0) === 0x26;
  const fromQuery = (query: string): string | undefined => {
    const separators: string[] = [];
    const params: string[] = [];
    let last = 0;
    for (const match of query.matchAll(separator)) {
      if (!isSeparator(query, match.index, match[0])) continue;
      params.push(query.slice(last, match.index));
      separators.push(match[0]);
      last = match.index + match[0].length;
    }
    params.push(query.slice(last));
    const before = removed.length;
    const keep = params.map((text) => {
      if (text === "") return true;
      const eq = text.indexOf("=");
      const param = eq < 0 ? { name: text, value: undefined } : { name: text.slice(0, eq), value: text.slice(eq + 1) };
      const reason = decide(param);
      if (reason !== undefined) removed.push({ ...param, reason });
      return reason === undefined;
    });
    if (removed.length === before) return undefined;
    const kept = params.flatMap((text, i) => (keep[i] && text !== "" ? [{ sep: separators[i - 1] ?? "", text }] : []));
    return kept.map(({ sep, text }, i) => (i === 0 ? text : sep + text)).join("");
  };
  // In attribute text the fragment's "#" may be a reference, and another reference's "#" is not one.
  const marker = htmlAttribute ? [...url.matchAll(/&#[0-9]+;?|&#[xX][0-9a-fA-F]+;?|&num;|#/g)].find((m) => decodeHTMLAttribute(m[0]) === "#") : undefined;
  const hash = htmlAttribute ? (marker?.index ?? -1) : url.indexOf("#");
  const hashMark = marker?.[0] ?? "#";
  let main = hash < 0 ? url : url.slice(0, hash);
  let fragment = hash < 0 ? undefined : url.slice(hash + hashMark.length);
  const question = main.indexOf("?");
  if (question >= 0) {
    const query = fromQuery(main.slice(question + 1));
    if (query !== undefined) main = query === "" ? main.slice(0, question) : `${main.slice(0, question + 1)}${query}`;
  }
  if (fragment !== undefined) {
    const fq = fragment.indexOf("?");
    if (fq >= 0) {
      const query = fromQuery(fragment.slice(fq + 1));
      if (query !== undefined) fragment = query === "" ? fragment.slice(0, fq) : `${fragment.slice(0, fq)}?${query}`;
    } else if (fragment.includes("=")) {
      const query = fromQuery(fragment);
      if (query !== undefined) fragment = query === "" ? undefined : query;
    }
  }
  if (removed.length === 0) return { url, removed };
  return { url: fragment === undefined ? main : `${main}${hashMark}${fragment}`, removed };
}

describe("removeParams walks parameters by offset", () => {
  const piece = fc.constantFrom("a", "b", "A", "=", "1", "x=", "&", "&", "&amp;", "&AMP;", "&#38;", "&#x26;", "&am", "&#3", "&#35;", "&num;", "&Amp;", "&#0000000000000000038;", "#", "?", "/", "%5F", ";");
  const text = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(""));
  const url = fc.tuple(fc.constantFrom("https://x.example/p", "https://x.example/p?", ""), text).map(([head, tail]) => head + tail);
  const drop = fc.subarray(["a", "b", "A", "", "x", "a=1", "amp;a", "#38;b"]);
  test.prop([url, drop, fc.boolean()], { seed: 3, numRuns: 4000 })("agrees with splitting into strings", (u, names, attr) => {
    const decide = (param: QueryParam) => (names.includes(param.name) ? `-${param.name}` : undefined);
    expect(removeParams(u, decide, attr)).toEqual(splitReading(u, decide, attr));
  });

  it("hands the decider offsets: name, value, and no value when there is no '='", () => {
    const seen: string[] = [];
    const removed = ["earlier"];
    const decide = (text: string, start: number, eq: number, end: number) => {
      seen.push(`${text.slice(start, eq)}|${eq === end ? "none" : text.slice(eq + 1, end)}`);
      return text.slice(start, eq) === "c" ? "c" : undefined;
    };
    expect(removeParamSpans("https://x.example/?a=1&flag&b=&c=2", decide, false, removed)).toBe("https://x.example/?a=1&flag&b=");
    expect(seen).toEqual(["a|1", "flag|none", "b|", "c|2"]);
    // Reasons are added after what the list already held.
    expect(removed).toEqual(["earlier", "c"]);
    expect(removeParamSpans("https://x.example/?c=1", () => undefined, false, removed)).toBe("https://x.example/?c=1");
  });
});
