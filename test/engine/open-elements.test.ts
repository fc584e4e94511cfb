import { describe, expect, it } from "vitest";
import { OpenElement } from "../../src/engine/open-element.js";
import { htmlElementFacts, impliedCloses, scopes } from "../../src/engine/html-elements.js";
import { OpenElements } from "../../src/engine/open-elements.js";
import { rawAttributes } from "../support/raw-attributes.js";

/** Feeds `<name>` / `</name>` tokens and returns the open element names with their namespaces. */
function simulate(tokens: string[]): string[] {
  const tree = new OpenElements();
  for (const token of tokens) {
    if (token.startsWith("/")) {
      tree.end(token.slice(1));
      continue;
    }
    const [name = "", ...pairs] = token.split(" ");
    const attributes = rawAttributes(pairs.map((pair) => pair.split("=") as [string, string]));
    const namespace = tree.prepareStartTag(name, attributes);
    // As the engine does: the formatting elements closed implicitly reopen before most start tags.
    if (namespace === "html" && htmlElementFacts(name).reopensFormatting) {
      for (const entry of tree.formattingToReopen()) tree.reopen(entry, new OpenElement(entry.name, "html", entry.rawAttributes, undefined));
    }
    tree.push(new OpenElement(name, namespace, attributes, undefined), false);
  }
  return tree.stack.map((element) => (element.namespace === "html" ? element.name : `${element.namespace}:${element.name}`));
}

describe("open-element simulator", () => {
  it.each([
    ["nesting and end tags", ["div", "p", "b", "/b"], ["div", "p"]],
    ["a void element is never open", ["div", "img", "br"], ["div"]],
    ["<p> is closed by a block start tag", ["p", "div"], ["div"]],
    ["<li> closes the previous <li>", ["ul", "li", "li"], ["ul", "li"]],
    ["<td> closes the previous cell, <tr> the previous row", ["table", "tr", "td", "span", "td", "tr"], ["table", "tr"]],
    ["an end tag closes across open inline elements", ["div", "span", "b", "/div"], []],
    ["an end tag does not cross a table boundary", ["div", "table", "tr", "td", "/div"], ["div", "table", "tr", "td"]],
    ["a stray end tag is ignored", ["div", "/span"], ["div"]],
    ["svg content is foreign", ["svg", "g", "circle"], ["svg:svg", "svg:g", "svg:circle"]],
    ["a breakout tag pops svg", ["div", "svg", "g", "p"], ["div", "p"]],
    ["<font color> breaks out, <font> does not", ["svg", "font"], ["svg:svg", "svg:font"]],
    ["<font color> pops svg", ["svg", "font color=red"], ["font"]],
    ["</p> in svg breaks out", ["svg", "g", "/p"], []],
    ["foreignObject is an HTML integration point", ["svg", "foreignObject".toLowerCase(), "div"], ["svg:svg", "svg:foreignobject", "div"]],
    ["math text integration point", ["math", "mi", "span"], ["math:math", "math:mi", "span"]],
    ["annotation-xml as HTML", ["math", "annotation-xml encoding=text/html", "div"], ["math:math", "math:annotation-xml", "div"]],
    // Issue 6, item 1: end tags at integration points take the foreign-content rules and pop them.
    ["</desc> pops an svg desc", ["svg", "desc", "/desc"], ["svg:svg"]],
    ["</title> pops an svg title", ["svg", "title", "/title", "style"], ["svg:svg", "svg:style"]],
    ["</foreignobject> pops it", ["svg", "foreignobject", "/foreignobject"], ["svg:svg"]],
    ["</mi> pops a MathML mi", ["math", "mi", "/mi", "style"], ["math:math", "math:style"]],
    ["</annotation-xml> pops it", ["math", "annotation-xml encoding=text/html", "/annotation-xml"], ["math:math"]],
    ["</svg> at an integration point closes the svg", ["div", "svg", "desc", "/svg"], ["div"]],
    ["an HTML end tag at an integration point stops at it", ["svg", "desc", "/div"], ["svg:svg", "svg:desc"]],
    ["</p> at an integration point pops nothing", ["svg", "desc", "/p"], ["svg:svg", "svg:desc"]],
    // Item 2: mglyph/malignmark in a MathML text integration point stay MathML.
    ["mglyph in mi is MathML", ["math", "mi", "mglyph"], ["math:math", "math:mi", "math:mglyph"]],
    ["malignmark in mtext is MathML", ["math", "mtext", "malignmark"], ["math:math", "math:mtext", "math:malignmark"]],
    // Item 3: svg directly in annotation-xml is svg, and its integration points are HTML integration points.
    ["svg in annotation-xml", ["math", "annotation-xml", "svg", "foreignobject", "div"], ["math:math", "math:annotation-xml", "svg:svg", "svg:foreignobject", "div"]],
    ["other tags in annotation-xml stay MathML", ["math", "annotation-xml", "g"], ["math:math", "math:annotation-xml", "math:g"]],
    // The HTML end-tag rules.
    ["</body> pops nothing (it only changes the insertion mode)", ["body", "svg", "/body"], ["body", "svg:svg"]],
    ["adoption agency: a furthest block stays open, the formatting element leaves", ["b", "div", "svg", "/b"], ["div"]],
    ["adoption agency without a furthest block", ["b", "span", "svg", "/b"], []],
    ["adoption agency: non-formatting elements between go, formatting ones stay", ["b", "span", "i", "div", "p", "/b"], ["i", "div", "p"]],
    ["</form> takes only the form out", ["form", "div", "svg", "/form"], ["div", "svg:svg"]],
    ["</form> as the current node closes it", ["div", "form", "/form"], ["div"]],
    ["a table part closes what was foster-parented", ["table", "p", "span", "tr"], ["table", "tr"]],
    ["<caption> closes at a row", ["table", "caption", "b", "tr"], ["table", "tr"]],
    ["<colgroup> closes at any tag but <col>", ["table", "colgroup", "col", "tr"], ["table", "tr"]],
    ["<table> in a table closes it", ["table", "tr", "table"], ["table"]],
    ["<table> in a cell nests", ["table", "tr", "td", "table"], ["table", "tr", "td", "table"]],
    ["<table> after a row in a template, with no table open", ["template", "tr", "table"], ["template", "tr", "table"]],
    ["a formatting element closed by </p> is reopened before content", ["p", "b", "/p", "img", "span"], ["b", "span"]],
    ["a cell's end forgets the formatting elements listed in it", ["table", "tr", "td", "b", "/td", "td", "span"], ["table", "tr", "td", "span"]],
    ["an end tag takes a closed formatting element off the list", ["p", "b", "/p", "/b", "span"], ["span"]],
    ["<button> closes an open <button>", ["button", "div", "button"], ["button"]],
    ["a second <a> closes the first", ["a", "span", "a"], ["a"]],
    ["a second <nobr> closes the first", ["nobr", "nobr"], ["nobr"]],
    ["<select> in a <select> closes it", ["select", "select"], ["select"]],
    ["<rtc> closes <rb>, <rt> does not close <rtc>", ["ruby", "rb", "rtc", "rt"], ["ruby", "rtc", "rt"]],
    ["<li> closes across div but not center", ["ul", "li", "div", "li"], ["ul", "li"]],
    ["<li> does not close across center", ["ul", "li", "center", "li"], ["ul", "li", "center", "li"]],
    ["<dt> closes an open <dd>", ["dl", "dd", "p", "dt"], ["dl", "dt"]],
    ["any other end tag stops at a special element", ["span", "div", "/span"], ["span", "div"]],
    ["a heading end tag closes any heading", ["h1", "h2", "/h1"], []],
    ["<option> closes only a current <option>", ["math", "mtext", "option", "x", "option"], ["math:math", "math:mtext", "option", "x", "option"]],
  ])("%s", (_title, tokens, stack) => {
    expect(simulate(tokens)).toEqual(stack);
  });

  it("in quirks mode a <table> does not close an open <p>", () => {
    const tree = new OpenElements();
    const push = (name: string) => tree.push(new OpenElement(name, tree.prepareStartTag(name, []), [], undefined), false);
    push("p");
    push("table");
    expect(tree.stack.map((element) => element.name)).toEqual(["p", "table"]);
    tree.quirks = false;
    push("p");
    expect(tree.stack.map((element) => element.name)).toEqual(["p", "table", "p"]);
  });

  it("re-parents what the adoption agency moves and says from where the hiding is to be read again", () => {
    const hidden = { reason: "display:none on <b>", byVisibility: false };
    const tree = new OpenElements();
    const b = new OpenElement("b", tree.prepareStartTag("b", []), [], hidden);
    tree.push(b, false);
    tree.push(new OpenElement("p", tree.prepareStartTag("p", []), [], hidden), false);
    expect(tree.takeMoved()).toBe(-1);
    tree.end("b");
    expect(tree.stack.map((element) => element.name)).toEqual(["p"]);
    expect(tree.takeMoved()).toBe(0);
    expect(tree.takeMoved()).toBe(-1);
    tree.replaceHiding(0, undefined);
    expect(tree.stack[0]!.hiding).toBeUndefined();
  });

  it("follows a held element when one below it leaves the stack, and puts it past the end once it left itself", () => {
    const tree = new OpenElements();
    for (const name of ["form", "div"]) tree.push(new OpenElement(name, tree.prepareStartTag(name, []), [], undefined), false);
    tree.heldDepth = 1;
    tree.end("form");
    expect(tree.stack.map((element) => element.name)).toEqual(["div"]);
    expect(tree.heldDepth).toBe(0);
    const nested = new OpenElements();
    for (const name of ["b", "span", "div"]) nested.push(new OpenElement(name, nested.prepareStartTag(name, []), [], undefined), false);
    nested.heldDepth = 1; // the span, which the adoption agency takes out
    nested.end("b");
    expect(nested.stack.map((element) => element.name)).toEqual(["div"]);
    expect(nested.heldDepth).toBeGreaterThanOrEqual(nested.depth);
  });

  it("reports foreign content only outside integration points", () => {
    const tree = new OpenElements();
    const push = (name: string) => tree.push(new OpenElement(name, tree.prepareStartTag(name, []), [], undefined), false);
    push("svg");
    expect(tree.isInForeignContent()).toBe(true);
    push("foreignobject");
    expect(tree.isInForeignContent()).toBe(false);
  });
});

describe("OpenElements.clone", () => {
  function feed(tree: OpenElements, tokens: string[]): string[] {
    for (const token of tokens) {
      if (token.startsWith("/")) {
        tree.end(token.slice(1));
        continue;
      }
      const namespace = tree.prepareStartTag(token, []);
      tree.push(new OpenElement(token, namespace, [], undefined), false);
    }
    return tree.stack.map((element) => `${element.namespace}:${element.name}`);
  }

  it("behaves like the original, and changes independently of it", () => {
    const original = new OpenElements();
    feed(original, ["div", "table", "tr", "td", "svg", "desc"]);
    const copy = original.clone();
    const more = ["p", "/desc", "b", "/svg", "/td", "span", "/table"];
    const fromCopy = feed(copy, more);
    const reference = new OpenElements();
    feed(reference, ["div", "table", "tr", "td", "svg", "desc"]);
    expect(fromCopy).toEqual(feed(reference, more));
    expect(original.stack.map((element) => element.name)).toEqual(["div", "table", "tr", "td", "svg", "desc"]);
  });

  it("counts every change in its version", () => {
    const tree = new OpenElements();
    const before = tree.version;
    feed(tree, ["div"]);
    const afterPush = tree.version;
    expect(afterPush).not.toBe(before);
    feed(tree, ["/div"]);
    expect(tree.version).not.toBe(afterPush);
  });
});

describe("scope index", () => {
  it("indexes every scope an implied close asks about", () => {
    for (const rules of impliedCloses.values()) {
      for (const rule of rules) {
        expect(scopes).toContain(rule.boundaries);
        expect(scopes[rule.scope]).toBe(rule.boundaries);
      }
    }
  });

  it("finds the boundary of each scope, innermost first, and forgets it when it closes", () => {
    // </td> asks the table scope, which <p> does not bound.
    expect(simulate(["table", "tr", "td", "p", "/td", "span"])).toEqual(["table", "tr", "span"]);
    // A <p> closes an open <p> in button scope: <object> bounds it, <span> does not.
    expect(simulate(["p", "object", "p"])).toEqual(["p", "object", "p"]);
    expect(simulate(["p", "span", "p"])).toEqual(["p"]);
    // An <li> closes an open <li> in list-item scope; closing the boundary makes the <li> reachable again.
    expect(simulate(["ul", "li", "object", "li"])).toEqual(["ul", "li", "object", "li"]);
    expect(simulate(["ul", "li", "object", "/object", "li"])).toEqual(["ul", "li"]);
  });
});
