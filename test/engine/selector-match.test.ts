import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { readSelectorList } from "../../src/engine/rule-selector.js";
import { type AncestorWalks, ancestorsMatch, ClassList, keyOf, matchOf, neededBits, summaryBits } from "../../src/engine/selector-match.js";
import { rawAttributes } from "../support/raw-attributes.js";

const only = (classes: string[], more: { tag?: string; id?: string; classIs?: string } = {}) => ({
  tag: more.tag, classes, id: more.id, classIs: more.classIs,
});

describe("ancestorsMatch", () => {
  const target = (name: string, attributes: Record<string, string> = {}) => ({
    name,
    rawAttributes: rawAttributes(attributes),
    classes: ClassList.of(attributes.class),
  });
  const stack = [target("html"), target("div", { class: "A wrap" }), target("table", { class: "b" }), target("td")];
  const ancestry = { stack, summary: () => stack.reduce((bits, element) => bits | summaryBits(element), 0) };
  it.each<[string, ReturnType<typeof ancestorsMatch>]>([
    [".b .wrap img", undefined],
    [".wrap .b img", "exact"],
    ["div td img", "exact"],
    [".a .b img", "maybe"],
    ["body .b img", "maybe"],
    [".c img", undefined],
    ["html img", "exact"],
    ["tbody td img", "maybe"],
    ["table tr img", "maybe"],
  ])("%s", (selector, expected) => {
    const [read] = readSelectorList(selector);
    const needed = read!.ancestors.reduce((bits, ancestor) => bits | neededBits(ancestor), 0);
    expect(ancestorsMatch(read!.ancestors, needed, ancestry)).toBe(expected);
    // The summary only rules out: without it, the walk gives the same answer.
    expect(ancestorsMatch(read!.ancestors, 0, ancestry)).toBe(expected);
  });
});

describe("keyOf and matchOf", () => {
  it("keys by the first class, else the id, else the tag, in ASCII lower case", () => {
    expect(keyOf(only(["Px", "b"]))).toBe(".px");
    expect(keyOf(only([], { id: "Main" }))).toBe("#main");
    expect(keyOf(only([], { tag: "img" }))).toBe("img");
    expect(keyOf(only([]))).toBe("*");
  });

  it("matches classes and ids exactly, or ignoring ASCII case only (quirks mode)", () => {
    const attributes = rawAttributes({ class: "PX b", id: "Main" });
    const list = (...names: string[]) => new ClassList(names);
    expect(matchOf(only(["PX"]), "img", list("PX", "b"), attributes)).toBe("exact");
    expect(matchOf(only(["px"]), "img", list("PX", "b"), attributes)).toBe("ignoring case");
    expect(matchOf(only([], { id: "main" }), "img", list("PX", "b"), attributes)).toBe("ignoring case");
    expect(matchOf(only(["p\u00d7"]), "img", list("P\u00d7"), attributes)).toBe("ignoring case");
    expect(matchOf(only(["\u00e9"]), "img", list("\u00c9"), attributes)).toBeUndefined();
    expect(matchOf(only(["c"]), "img", list("PX", "b"), attributes)).toBeUndefined();
    expect(matchOf(only(["px"], { tag: "div" }), "img", list("px"), attributes)).toBeUndefined();
    expect(matchOf(only([], { classIs: "px b" }), "img", list("PX", "b"), attributes)).toBeUndefined();
  });
});

describe("ancestorsMatch resuming walks", () => {
  // One stack, pushed and popped at random; every answer with the walks kept from before equals a fresh walk's.
  const step = fc.oneof(
    fc.record({ push: fc.constantFrom("div", "td", "p"), cls: fc.constantFrom(undefined, "a", "b", "A", "a b") }),
    fc.constant({ pop: true as const }),
  );
  const selectors = [".a td", ".b .a div", "div .b p", "td .a", ".a .a .a p"].map((text) => readSelectorList(text)[0]!);
  fcIt.prop([fc.array(step, { maxLength: 60 })], { seed: 20_261_203, numRuns: 500 })("gives what a fresh walk gives", (steps) => {
    const stack: { name: string; rawAttributes: ReturnType<typeof rawAttributes>; classes: ClassList }[] = [];
    const ancestry = { stack, summary: () => stack.reduce((bits, element) => bits | summaryBits(element), 0) };
    const walks: AncestorWalks = new Map();
    for (const s of steps) {
      if ("pop" in s) stack.pop();
      else stack.push({ name: s.push, rawAttributes: rawAttributes(s.cls ? { class: s.cls } : {}), classes: ClassList.of(s.cls) });
      for (const { ancestors } of selectors) {
        const needed = ancestors.reduce((bits, ancestor) => bits | neededBits(ancestor), 0);
        expect(ancestorsMatch(ancestors, needed, ancestry, walks)).toBe(ancestorsMatch(ancestors, needed, ancestry));
      }
    }
  });
});

describe("ClassList", () => {
  it("finds names exactly or ignoring ASCII case, with a set once there are many", () => {
    for (const count of [2, 40]) {
      const list = ClassList.of([...Array.from({ length: count - 1 }, (_, i) => `c${i}`), "Px"].join(" \t"));
      expect(list.names).toHaveLength(count);
      expect(list.has("Px")).toBe(true);
      expect(list.has("px")).toBe(false);
      expect(list.hasIgnoringCase("pX")).toBe(true);
      expect(list.hasIgnoringCase("p")).toBe(false);
    }
    expect(ClassList.of("").names).toEqual([]);
    expect(ClassList.of(undefined).names).toEqual([]);
  });
});
