import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseSrcset, removeSrcsetCandidates } from "../../src/html/srcset.js";

/** [url, descriptor, the text of the span]. */
type Row = [string, string, string];

describe("parseSrcset", () => {
  it.each<[string, string, Row[]]>([
    ["one URL", "a.png", [["a.png", "", "a.png"]]],
    ["density descriptors", "a.png 1x, b.png 2x", [["a.png", "1x", "a.png 1x"], ["b.png", "2x", "b.png 2x"]]],
    ["no space after comma", "a.png 1x,b.png 2x", [["a.png", "1x", "a.png 1x"], ["b.png", "2x", "b.png 2x"]]],
    ["comma inside a URL", "https://x/a,b.png 1x, c.png", [["https://x/a,b.png", "1x", "https://x/a,b.png 1x"], ["c.png", "", "c.png"]]],
    ["trailing comma of a URL separates", "a.png,b.png", [["a.png,b.png", "", "a.png,b.png"]]],
    ["trailing commas of a URL", "a.png,, b.png", [["a.png", "", "a.png"], ["b.png", "", "b.png"]]],
    ["leading and repeated separators", " ,, a.png 1x ,, b.png 2x , ", [["a.png", "1x", "a.png 1x"], ["b.png", "2x", "b.png 2x"]]],
    ["comma inside parentheses", "a.png (x, y) 1x, b.png", [["a.png", "(x, y) 1x", "a.png (x, y) 1x"], ["b.png", "", "b.png"]]],
    ["unclosed parenthesis runs to the end", "a.png (x, b.png", [["a.png", "(x, b.png", "a.png (x, b.png"]]],
    ["several descriptors kept as written", "a.png 100w  2x,b", [["a.png", "100w  2x", "a.png 100w  2x"], ["b", "", "b"]]],
    ["all ASCII whitespace", "\ta.png\n1x\f,\rb.png\r\n", [["a.png", "1x", "a.png\n1x"], ["b.png", "", "b.png"]]],
    ["data URL with commas", "data:image/gif;base64,R0lG 1x", [["data:image/gif;base64,R0lG", "1x", "data:image/gif;base64,R0lG 1x"]]],
    ["empty", "", []],
    ["only separators", " , ,", []],
  ])("%s", (_title, value, expected) => {
    expect(parseSrcset(value).map(({ url, descriptor, span }) => [url, descriptor, value.slice(span.start, span.end)])).toEqual(expected);
  });

  it("reports exact spans", () => {
    expect(parseSrcset("a.png 1x, b,c.png 2x")).toEqual([
      { url: "a.png", descriptor: "1x", span: { start: 0, end: 8 } },
      { url: "b,c.png", descriptor: "2x", span: { start: 10, end: 20 } },
    ]);
  });
});

describe("removeSrcsetCandidates", () => {
  const value = "a.png 1x, t.gif 2x,  c.png 3x";
  it.each<[string, string, number[], string]>([
    ["nothing", value, [], value],
    ["first", value, [0], "t.gif 2x,  c.png 3x"],
    ["middle", value, [1], "a.png 1x, c.png 3x"],
    ["last", value, [2], "a.png 1x, t.gif 2x"],
    ["first and last", value, [2, 0], "t.gif 2x"],
    ["two adjacent", value, [0, 1], "c.png 3x"],
    ["last two", value, [1, 2], "a.png 1x"],
    ["all", value, [0, 1, 2], ""],
    ["repeated and out-of-range indexes ignored", value, [1, 1, 7, -1], "a.png 1x, c.png 3x"],
    ["leading and trailing whitespace kept", "  a.png 1x , t.gif 2x ", [1], "  a.png 1x "],
    ["trailing comma kept", "a.png, t.gif,", [1], "a.png,"],
    ["URL with commas", "https://t/a,b.gif 1x, c.png", [0], "c.png"],
    ["only candidate", " t.gif ", [0], ""],
  ])("%s", (_title, srcset, remove, expected) => {
    expect(removeSrcsetCandidates(srcset, remove)).toBe(expected);
  });
});

const srcsetPiece = fc.constantFrom("a.png", "https://t/x,y.gif", ",", ", ", " ", "\t", "1x", "100w", "(", ")", "data:a,b");
const srcsetSoup = fc.oneof(fc.array(srcsetPiece, { maxLength: 20 }).map((pieces) => pieces.join("")), fc.string());
const settings = { seed: 20_240_601, numRuns: 500 };

describe("srcset properties", () => {
  fcIt.prop([srcsetSoup], settings)("candidates are in bounds, in order, and their URL starts the span", (value) => {
    let last = 0;
    for (const { url, span } of parseSrcset(value)) {
      expect(span.start).toBeGreaterThanOrEqual(last);
      expect(span.end).toBeLessThanOrEqual(value.length);
      expect(value.startsWith(url, span.start)).toBe(true);
      last = span.end;
    }
  });

  fcIt.prop([srcsetSoup, fc.nat()], settings)("removing one candidate leaves the others", (value, pick) => {
    const candidates = parseSrcset(value);
    if (candidates.length === 0) return;
    const index = pick % candidates.length;
    const rest = parseSrcset(removeSrcsetCandidates(value, [index])).map(({ url, descriptor }) => [url, descriptor]);
    const expected = candidates.filter((_, i) => i !== index).map(({ url, descriptor }) => [url, descriptor]);
    expect(rest).toEqual(expected);
  });
});
