import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type Declaration, parseDeclarations } from "../../src/css/declarations.js";

/** [name, value, important, the text of the span]. */
type Row = [string, string, boolean, string];

function rows(css: string, declarations: readonly Declaration[]): Row[] {
  return declarations.map(({ name, value, important, span }) => [name, value, important, css.slice(span.start, span.end)]);
}

describe("parseDeclarations", () => {
  it.each<[string, string, Row[]]>([
    ["pixel", "width:1px;height:1px", [["width", "1px", false, "width:1px;"], ["height", "1px", false, "height:1px"]]],
    ["spaces and case", " WIDTH : 1px ; Display:None ", [["width", "1px", false, "WIDTH : 1px ;"], ["display", "None", false, "Display:None"]]],
    ["!important", "display:none !important;opacity:0!IMPORTANT", [["display", "none", true, "display:none !important;"], ["opacity", "0", true, "opacity:0!IMPORTANT"]]],
    ["! alone is part of the value", "a:b !", [["a", "b !", false, "a:b !"]]],
    ["escapes decoded", "wid\\74 h:1px;display:n\\one", [["width", "1px", false, "wid\\74 h:1px;"], ["display", "none", false, "display:n\\one"]]],
    ["numbers canonical", "opacity:.0;max-height:+0.0PX;width:1e0%", [["opacity", "0", false, "opacity:.0;"], ["max-height", "0PX", false, "max-height:+0.0PX;"], ["width", "1%", false, "width:1e0%"]]],
    ["comments and whitespace collapse", "opacity:/**/0;margin:0  /*x*/ auto", [["opacity", "0", false, "opacity:/**/0;"], ["margin", "0 auto", false, "margin:0  /*x*/ auto"]]],
    ["functions, strings and hashes", "color:RGB(0, 0, 0);font-family:'A b';color:#FFF", [["color", "RGB(0, 0, 0)", false, "color:RGB(0, 0, 0);"], ["font-family", "'A b'", false, "font-family:'A b';"], ["color", "#FFF", false, "color:#FFF"]]],
    ["empty value", "display:;width:1px", [["display", "", false, "display:;"], ["width", "1px", false, "width:1px"]]],
    ["garbage skipped", "color red; display:none", [["display", "none", false, "display:none"]]],
    ["stray } skipped", "a:b } display:none", [["a", "b", false, "a:b"], ["display", "none", false, "display:none"]]],
    ["nested rules ignored", "a:hover{display:none}width:1px", [["width", "1px", false, "width:1px"]]],
    ["at-rules ignored", "@media print{display:none}width:1px", [["width", "1px", false, "width:1px"]]],
    ["CRLF", "width:1px;\r\nheight:1px", [["width", "1px", false, "width:1px;"], ["height", "1px", false, "height:1px"]]],
    ["unclosed function at the end", "width:calc(1px ", [["width", "calc(1px", false, "width:calc(1px "]]],
    ["empty", "", []],
  ])("%s", (_title, css, expected) => {
    expect(rows(css, parseDeclarations(css))).toEqual(expected);
  });

  it("reports exact spans", () => {
    expect(parseDeclarations("width:1px ; display: none !important")).toEqual([
      { name: "width", value: "1px", important: false, span: { start: 0, end: 11 } },
      { name: "display", value: "none", important: true, span: { start: 12, end: 36 } },
    ]);
  });

  fcIt.prop([fc.string()], { seed: 20_240_601, numRuns: 500 })("never throws; spans are in bounds and in order", (css) => {
    let last = 0;
    for (const { span } of parseDeclarations(css)) {
      expect(span.start).toBeGreaterThanOrEqual(last);
      expect(span.end).toBeLessThanOrEqual(css.length);
      last = span.end;
    }
  });
});
