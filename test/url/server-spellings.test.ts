import { describe, expect, it } from "vitest";
import { parameterFirst, serverSpelling } from "../../src/url/server-spellings.js";

describe("serverSpelling", () => {
  it.each<[string, string | undefined]>([
    ["/wf/%6Fpen?upn=abc", "/wf/open?upn=abc"],
    ["/wf//open?upn=abc", "/wf/open?upn=abc"],
    ["/on%2Ejsp?a=1", "/on.jsp?a=1"],
    ["//on.jsp?a=1", "/on.jsp?a=1"],
    ["/track/open.php?%75=abc", "/track/open.php?u=abc"],
    ["/%7e%2D%5F%41%5A%61%7A%30%39", "/~-_AZaz09"],
    // Reserved and other characters keep their escapes: they mean something else decoded.
    ["/a%2Fb?x=%26&y=%3D%20%40", undefined],
    ["/a", undefined],
    // Slashes are merged in the path only: a query value is the server's to read.
    ["/a?u=https://x", undefined],
  ])("%s", (target, spelled) => {
    expect(serverSpelling(target)).toBe(spelled);
  });
});

describe("parameterFirst", () => {
  it("moves each parameter after the first to the front, the others in their order", () => {
    expect(parameterFirst("/trk?mid=42&t=1&e=9")).toEqual(["/trk?t=1&mid=42&e=9", "/trk?e=9&mid=42&t=1"]);
  });
  it("has nothing to reorder with one parameter or none", () => {
    expect(parameterFirst("/a?x=1")).toEqual([]);
    expect(parameterFirst("/a")).toEqual([]);
    expect(parameterFirst("/a?x=1&")).toEqual([]);
  });
});

describe("parameterFirst with the names rules name first", () => {
  it("moves only those parameters", () => {
    expect(parameterFirst("/trk?mid=42&T=1&x=2", new Set(["t"]))).toEqual(["/trk?T=1&mid=42&x=2"]);
    expect(parameterFirst("/img.png?w=600&h=300", new Set(["t", "u"]))).toEqual([]);
  });
});
