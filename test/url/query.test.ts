import { describe, expect, it } from "vitest";
import { removeParams, type QueryParam } from "../../src/url/query.js";

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

  it("reads the entity separators in any case, and nothing close to them", () => {
    const url = "https://x.example/?a=1&AMP;b=2&#X26;c=3&Amp;d=4";
    expect(removeParams(url, dropNamed("b", "c", "d"), true).url).toBe("https://x.example/?a=1");
    // "&am;" and "&#39;" are not ampersands: "am;e" and "#39;f" are parameter names.
    const near = "https://x.example/?a=1&am;e=2&#39;f=3";
    expect(removeParams(near, dropNamed("am;e", "#39;f"), true).url).toBe("https://x.example/?a=1");
    expect(removeParams(near, dropNamed("e", "f"), true).url).toBe(near);
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
