import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { safeDecodeUri } from "../../src/url/decode.js";
import { hasMergeTag, indexOutsideTags } from "../../src/url/merge-tags.js";

// The patterns alone: the oracle hasMergeTag's pre-scan (one regex for what every pattern needs) must agree
// with. (A char-code loop for the marker characters was tried and measured ~0.9x: V8's regex scan is faster.)
const PERCENT_TAG = /%(?![0-9A-Fa-f]{2})[A-Za-z_][\w.-]*%/;
const HEX_PERCENT_TAG = /%[A-Za-z]{2}\w*[G-Zg-z][\w.]*%/;
const MARKERS = /\*\||\|\*|\{\{|\}\}|\{%|%\}|<%|%>|&lt;%|%&gt;|\$\{|%%|\[\[|\]\]|\[[A-Za-z_][\w ]*\]/;
const byPatterns = (url: string) =>
  MARKERS.test(url) || PERCENT_TAG.test(url) || (HEX_PERCENT_TAG.test(url) && safeDecodeUri(url) === undefined);

describe("hasMergeTag", () => {
  it.each([
    ["https://x.example/u?id=*|UNIQID|*", true],
    ["{{unsubscribe_url}}", true],
    ["https://x.example/%unsubscribe_url%", true],
    ["https://x.example/?u=[Unsubscribe]", true],
    ["https://x.example/<%= id %>", true],
    ["https://x.example/${id}", true],
    ["https://x.example/a?b=c&d=e#f", false],
    ["https://x.example/%E2%82%ACg%20", false],
    ["https://x.example/?u=https%3A%2F%2Fy.example%2F%3Fa%3D1", false],
    ["https://x.example/&lt;%3Aid", true],
    ["https://x.example/%aDDRESS%", true],
  ])("%s: %s", (url, expected) => {
    expect(hasMergeTag(url)).toBe(expected);
  });

  const pieces = fc.constantFrom(..."ab%|{}<>$[]*_.&;=/?#AFGfg0", "%%", "{{", "&lt;%", "%&gt;", "%ADDRESS%", "%E2%82%AC", "*|", "%3A", "%2f", "%aF", "%C3%A9", ";%3A", "%a", "lt;");
  test.prop([fc.array(pieces, { maxLength: 14 }).map((parts) => parts.join(""))], { seed: 21, numRuns: 3000 })(
    "agrees with the patterns alone",
    (url) => {
      expect(hasMergeTag(url)).toBe(byPatterns(url));
    },
  );
});

describe("indexOutsideTags", () => {
  it.each([
    ["https://x.example/?a=1", 18],
    ["https://x.example/${id?c}/p?a=1", 27],
    ["https://x.example/${id?c}{{x?}}", -1],
    ["https://x.example/p", -1],
    ["${a}?", 4],
  ])("%s", (text, expected) => {
    expect(indexOutsideTags(text, "?")).toBe(expected);
  });
});
