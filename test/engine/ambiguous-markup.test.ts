import { describe, expect, it } from "vitest";
import {
  baseInCdata,
  editedStyleEndsEarly,
  foreignInSelect,
  markupInForeignStyle,
  rawTextEndInAttributes,
  rawTextEndInComment,
  quotedEndTag,
  rawTextContext,
  rawTextInAmbiguousContext,
  styleInAmbiguousContext,
} from "../../src/engine/ambiguous-markup.js";
import { stripTrackingWithReport } from "../../src/index.js";

const T = "https://t.example/p.gif";

describe("fail-closed rules, one function each", () => {
  it("rawTextEndInAttributes: only inside raw text some reader is in, only the attributes holding its end", () => {
    const attributes = [{ name: "title", value: "</noscript><img>" }, { name: "class", value: "x" }, { name: "alt", value: "</XMP " }];
    expect(rawTextEndInAttributes([], () => "<p title=...>", attributes)).toEqual([]);
    expect(rawTextEndInAttributes(["noscript"], () => '<p class="x">', attributes)).toEqual([]);
    expect(rawTextEndInAttributes(["noscript"], () => '<p title="</NOSCRIPT>">', attributes)).toEqual([attributes[0]]);
    expect(rawTextEndInAttributes(["xmp"], () => '<p alt="</XMP ">', attributes)).toEqual([attributes[2]]);
    expect(rawTextEndInAttributes(["title", "xmp"], () => "<p ... </xmp>", attributes)).toEqual([attributes[2]]);
  });

  it("rawTextEndInComment", () => {
    expect(rawTextEndInComment(["noscript"], "</noscript><img>")?.message).toBe("removed a comment holding </noscript inside <noscript>");
    expect(rawTextEndInComment(["noscript", "title"], "</Title><img>")?.message).toBe("removed a comment holding </title inside <title>");
    expect(rawTextEndInComment([], "</noscript><img>")).toBeUndefined();
    expect(rawTextEndInComment(["noscript"], "plain")).toBeUndefined();
  });

  it("rawTextContext and rawTextInAmbiguousContext", () => {
    expect(rawTextContext(true, true)).toBe("noscript");
    expect(rawTextContext(false, true)).toBe("select");
    expect(rawTextContext(false, false)).toBeUndefined();
    expect(rawTextInAmbiguousContext("title", "select")?.message).toBe("removed <title> inside <select>");
    expect(rawTextInAmbiguousContext("title", undefined)).toBeUndefined();
  });

  it("styleInAmbiguousContext: any <style> in <select>, in <noscript> only with </noscript in it", () => {
    expect(styleInAmbiguousContext("select", "a{}")?.message).toBe("removed a <style> inside <select>");
    expect(styleInAmbiguousContext("noscript", "a{}")).toBeUndefined();
    expect(styleInAmbiguousContext("noscript", "</noscript>")?.code).toBe("ambiguous-markup");
    expect(styleInAmbiguousContext(undefined, "</noscript>")).toBeUndefined();
  });

  it("editedStyleEndsEarly: an end tag formed in an edited sheet", () => {
    expect(editedStyleEndsEarly("a{}</STYLE >")?.code).toBe("ambiguous-markup");
    expect(editedStyleEndsEarly("a{}</style/")).toBeDefined();
    expect(editedStyleEndsEarly("a{}</styles>")).toBeUndefined();
    expect(editedStyleEndsEarly("a{}</style")).toBeUndefined();
  });

  it("baseInCdata, quotedEndTag, markupInForeignStyle", () => {
    expect(baseInCdata("base", true)?.message).toBe("removed <base> inside CDATA");
    expect(baseInCdata("base", false)).toBeUndefined();
    expect(baseInCdata("img", true)).toBeUndefined();
    expect(quotedEndTag(' a="')).toBeDefined();
    expect(quotedEndTag(" a='")).toBeDefined();
    expect(quotedEndTag(" a=b")).toBeUndefined();
    expect(markupInForeignStyle("a comment").message).toBe("an svg <style> holding a comment was removed");
  });

  it.each([
    ["L2 quoted end tag", `<p>x</p a="><!--"><img src=${T}>-->`, "removed attributes with quotes from an end tag"],
    ["L5 noscript attribute", `<noscript><p title="</noscript><img src=${T}>"></noscript>`, 'removed a "title" attribute holding </noscript'],
    ["L5 noscript comment", `<noscript><!--</noscript><img src=${T}>--></noscript>`, "removed a comment holding </noscript inside <noscript>"],
    ["select raw text", "<select><title>x</title></select>", "removed <title> inside <select>"],
    ["svg in select (fuzz seed 4242)", `<select><svg><template><image src=${T}><svg>`, "removed <svg> inside <select>"],
    ["math in select", `<select><math><mi><img src=${T}></math></select>`, "removed <math> inside <select>"],
    ["svg style holding markup", `<svg><style><img src=${T}></style></svg>`, "an svg <style> holding markup was removed"],
    ["self-closing svg style", `<svg><style/>@import "${T}";</svg>`, "removed a self-closing svg <style/>, after which some browsers read text as CSS"],
    ["svg style CDATA holding </style> and markup", `<svg><style><![CDATA[</style><img src=${T}>]]></style></svg>`, "removed <style> text holding markup that would fetch a blocked or tracking URL"],
  ])("the engine applies it: %s", (_name, html, message) => {
    const { report } = stripTrackingWithReport(html);
    expect(report.warnings.map((warning) => warning.message)).toContain(message);
  });

  it.each([
    [`<svg><style/>@import "${T}";</svg>`, `<svg>@import "${T}";</svg>`],
    [`<math><STYLE />@import "${T}";</math><p>kept</p>`, `<math>@import "${T}";</math><p>kept</p>`],
    [`<svg><style x="1"/><rect/></svg>`, "<svg><rect/></svg>"],
  ])("a self-closing svg/math <style/> goes, and only the tag: %s", (html, expected) => {
    expect(stripTrackingWithReport(html).html).toBe(expected);
  });

  it("leaves an HTML <style/> (not self-closing in HTML) and an svg <style>...</style> to be read as CSS", () => {
    const kept = "<style/>p{color:red}</style><svg><style>rect{fill:red}</style></svg>";
    const { html, report } = stripTrackingWithReport(kept);
    expect(html).toBe(kept);
    expect(report.warnings).toEqual([]);
  });

  it("foreignInSelect: an svg or math element inside <select> only (older parsers ignore the tag there)", () => {
    expect(foreignInSelect("svg", true, () => true)?.message).toBe("removed <svg> inside <select>");
    expect(foreignInSelect("math", true, () => true)?.message).toBe("removed <math> inside <select>");
    expect(foreignInSelect("svg", true, () => false)).toBeUndefined();
    expect(foreignInSelect("rect", true, () => true)).toBeUndefined();
    expect(foreignInSelect("svg", false, () => true)).toBeUndefined();
  });

  it("an svg inside <select> goes whole, what follows the select stays; an svg outside a select stays", () => {
    expect(stripTrackingWithReport(`<select><option>a</option><svg><template><image src=${T}></template></svg></select><p>after</p>`).html)
      .toBe("<select><option>a</option></select><p>after</p>");
    const outside = "<p><svg width=10 height=10><rect width=10 height=10/></svg></p><select><option>a</option></select>";
    expect(stripTrackingWithReport(outside).html).toBe(outside);
  });
});
