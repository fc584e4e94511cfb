import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { readSelectorList } from "../../src/engine/rule-selector.js";

const only = (classes: string[], more: { tag?: string; id?: string; classIs?: string } = {}) => ({
  tag: more.tag, classes, id: more.id, classIs: more.classIs,
});

describe("readSelectorList", () => {
  it.each([
    [".px", only(["px"]), 100],
    ["img.px.b", only(["px", "b"], { tag: "img" }), 201],
    ["#p", only([], { id: "p" }), 10_000],
    ["td[class=x]", only([], { tag: "td", classIs: "x" }), 101],
    ["*[class].x", only(["x"]), 200],
    ["[class~='y']", only(["y"]), 100],
    ["*", only([]), 0],
    ["IMG", only([], { tag: "img" }), 1],
    // Escapes, as the tokenizer decodes them: any code point, a digit first included.
    [".\\31 a", only(["1a"]), 100],
    [".a\\.b", only(["a.b"]), 100],
    [".\\70 x", only(["px"]), 100],
    [".\\000070\r\nx", only(["px"]), 100],
    [".p\\x", only(["px"]), 100],
    [".a\u00e9", only(["a\u00e9"]), 100],
    [".-a", only(["-a"]), 100],
    [".--1", only(["--1"]), 100],
  ])("reads %j exactly", (text, subject, specificity) => {
    expect(readSelectorList(text)).toEqual([{ subject, ancestors: [], exact: true, specificity }]);
  });

  it.each([
    ["body .px", only(["px"]), [only([], { tag: "body" })], true],
    [".a .b img", only([], { tag: "img" }), [only(["b"]), only(["a"])], true],
    [".a > .b img", only([], { tag: "img" }), [only(["b"]), only(["a"])], false],
    ["u + .body .x", only(["x"]), [only(["body"])], false],
    [".a:hover .x", only(["x"]), [only(["a"])], false],
    ["div ~ .x", only(["x"]), [], false],
  ])("reads %j down to its subject and the ancestors it needs", (text, subject, ancestors, exact) => {
    expect(readSelectorList(text)).toEqual([{ subject, ancestors, exact, specificity: expect.any(Number) }]);
  });

  it.each([
    ["table > tr > td img", only([], { tag: "img" })],
    [".a + .b", only(["b"])],
    [".a~.b", only(["b"])],
    [".px:hover", only(["px"])],
    [".px:not(.a, .b)", only(["px"])],
    ["img[src*='x'].px", only(["px"], { tag: "img" })],
    ["[class]", only([])],
    ["&.px", only(["px"])],
  ])("reads %j down to its subject, a rule that may apply", (text, subject) => {
    const [read, ...rest] = readSelectorList(text);
    expect(rest).toEqual([]);
    expect(read?.subject).toEqual(subject);
    expect(read?.exact).toBe(false);
  });

  it("reads each selector of a list, commas inside brackets and strings included", () => {
    const read = readSelectorList(".a, div :is(.b, .c) .d ,[class='e,f'] .g");
    expect(read.map(({ subject, exact }) => [subject.classes, exact])).toEqual([[["a"], true], [["d"], false], [["g"], false]]);
  });

  it("reads no selector of a list exactly when browsers may drop it (an unknown pseudo-class), or one that matches nothing", () => {
    expect(readSelectorList(".a, .b:hovr").map(({ subject, exact }) => [subject.classes, exact])).toEqual([[["a"], false], [["b"], false]]);
    expect(readSelectorList(".a, .b:hover").map(({ subject, exact }) => [subject.classes, exact])).toEqual([[["a"], true], [["b"], false]]);
    expect(readSelectorList("#a#b")[0]?.exact).toBe(false);
    expect(readSelectorList("#a#a")[0]?.exact).toBe(true);
  });

  it("leaves out selectors of pseudo-elements, which style another box", () => {
    expect(readSelectorList(".px::after, .q:before, .r::-webkit-scrollbar, .s")).toEqual([{ subject: only(["s"]), ancestors: [], exact: true, specificity: 100 }]);
  });

  // Invalid to browsers (the rule is dropped) or beyond this reading (namespaces): may apply to any element.
  it.each([".1a", ".", ". a", ".a.", ".a\\", "#1", "svg|rect", "*|img", ".a >", "> .a", ".a, .b!", ".a\\\n", ".px::after .q", "a[x", ".a,", ".a, ", ".-", "", ", .a"])(
    "reads %j as a rule that may apply anywhere",
    (text) => {
      expect(readSelectorList(text)).toEqual([{ subject: only([]), ancestors: [], exact: false, specificity: 0 }]);
    },
  );

  // The one-class path reads from char codes; anything else goes through the reader: the same answer.
  fcIt.prop([fc.stringMatching(/^\.[a-zA-Z0-9_\-\u00e9\u0130\u017f.:#]{0,6}$/)], { numRuns: 2000, seed: 5 })("reads a class as the selector grammar does: %s", (text) => {
    const [read] = readSelectorList(text);
    if (/^\.(?!-\d|-$)[a-z_\-\u0080-\uffff][\w\-\u0080-\uffff]*$/i.test(text)) expect(read).toEqual({ subject: only([text.slice(1)]), ancestors: [], exact: true, specificity: 100 });
    else expect(read?.subject.classes).not.toEqual([text.slice(1)]);
  });
});
