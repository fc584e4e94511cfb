import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseMetaRefresh } from "../../src/html/meta-refresh.js";

describe("parseMetaRefresh", () => {
  it.each<[string, string, string | undefined]>([
    ["url= with single quotes", "5; url='https://x/a'", "https://x/a"],
    ["URL= upper case, no space", "0;URL=x", "x"],
    ["comma separator", "5,url=x", "x"],
    ["bare URL", "0; https://x/a", "https://x/a"],
    ["bare quoted URL", "0; \"https://x/a\" tail", "https://x/a"],
    ["spaces around =", "0 ; url = https://x/a", "https://x/a"],
    ["space as separator", "0 url=x", "x"],
    ["unclosed quote runs to the end", "0;url='x y", "x y"],
    ["fractional time", "1.5; url=x", "x"],
    ["time starting with a dot", ".5;url=x", "x"],
    ["no time", ";url=x", undefined],
    ["time followed by garbage", "5x;url=x", undefined],
    ["leading whitespace", "\t\n 0;url=x", "x"],
    ["'u' that is not url= is the URL", "0; uxyz", "uxyz"],
    ["'url' without = is the URL", "0; url x", "url x"],
    ["quotes are not skipped after a partial url", "0; ur'x'", "ur'x'"],
    ["trailing text kept (the URL parser trims)", "0; url=x ", "x "],
    ["just a delay", "5", undefined],
    ["delay and separator", "5; ", undefined],
    ["empty url=", "0; url=", undefined],
    ["empty quotes", "0; url=''", undefined],
    ["empty", "", undefined],
  ])("%s", (_title, content, expected) => {
    expect(parseMetaRefresh(content)?.url).toBe(expected);
  });

  it("reports the exact span of the URL", () => {
    expect(parseMetaRefresh("0; url='https://t.example/r'")).toEqual({ url: "https://t.example/r", span: { start: 8, end: 27 } });
    expect(parseMetaRefresh("0;URL=x")).toEqual({ url: "x", span: { start: 6, end: 7 } });
  });

  fcIt.prop([fc.string()], { seed: 20_240_601, numRuns: 500 })("the span holds the URL", (content) => {
    const found = parseMetaRefresh(content);
    if (found !== undefined) expect(content.slice(found.span.start, found.span.end)).toBe(found.url);
  });
});
