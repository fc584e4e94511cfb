import { describe, expect, it } from "vitest";
import { compileSelector } from "../../src/rules/selector.js";
import type { Ancestor } from "../../src/types.js";

const element = (name: string, attributes: Record<string, string> = {}): Ancestor => ({ name, attributes });

describe("compileSelector", () => {
  it.each([
    ["div.x img", [element("div", { class: "x" }), element("p")], true],
    ["div.x > img", [element("div", { class: "x" }), element("p")], false],
    ["div.x > p img", [element("div", { class: "x" }), element("p"), element("span")], true],
    ["div.x > p > img", [element("div", { class: "x" }), element("span"), element("p")], false],
    // The nearest `p` fails `.x > p`; a farther one matches: the search must go on past it.
    [".x > p span img", [element("div", { class: "x" }), element("p"), element("span"), element("p"), element("span")], true],
    ["a b c img", [element("c"), element("b"), element("a")], false],
    ["a b c img", [element("a"), element("b"), element("c")], true],
  ] as const)("%s", (selector, ancestors, expected) => {
    expect(compileSelector(selector)(element("img"), ancestors)).toBe(expected);
  });

  it("reads each ancestor a bounded number of times per step: `.x div div div img` under 60 <div> (adversary26 F3)", () => {
    let reads = 0;
    const node = (name: string): Ancestor => ({
      get name() {
        reads++;
        return name;
      },
      get attributes() {
        reads++;
        return {};
      },
    });
    const depth = 60;
    const ancestors = Array.from({ length: depth }, () => node("div"));
    const matches = compileSelector(".x div div div img");
    expect(matches(node("img"), ancestors)).toBe(false);
    // 5 steps over 61 elements: a linear matcher reads well under 10 x 5 x 61 = 3,050 times (backtracking: ~36,000).
    expect(reads).toBeLessThan(10 * 5 * (depth + 1));
  });

  it("resumes where the walk for the element before stopped, on the same stack (adversary26 F5)", () => {
    let reads = 0;
    const node = (name: string): Ancestor => ({
      get name() {
        reads++;
        return name;
      },
      attributes: {},
    });
    const depth = 200;
    const stack = Array.from({ length: depth }, () => node("div"));
    const matches = compileSelector("div.footer img");
    // 200 images in the innermost <div>, then 200 siblings <p><span><img></span></p> (pushed and popped).
    for (let i = 0; i < depth; i++) expect(matches(node("img"), stack)).toBe(false);
    for (let i = 0; i < depth; i++) {
      stack.push(node("p"), node("span"));
      expect(matches(node("img"), stack)).toBe(false);
      stack.length -= 2;
    }
    // Walking every ancestor for every image: 2 x 200 x 200 = 80,000 reads.
    expect(reads).toBeLessThan(20 * 2 * depth);
  });

  it("walks again when the stack changes below a miss (a new array, or a new element at that position)", () => {
    const matches = compileSelector(".f img");
    const stack = [element("div"), element("p")];
    expect(matches(element("img"), stack)).toBe(false);
    stack[1] = element("p", { class: "f" });
    expect(matches(element("img"), stack)).toBe(true);
    expect(matches(element("img"), [element("div", { class: "f" }), element("p")])).toBe(true);
  });

  it("matches under 400 nested <div> at once (backtracking took 44 s)", () => {
    const ancestors = Array.from({ length: 400 }, () => element("div"));
    expect(compileSelector(".x div div div img")(element("img"), ancestors)).toBe(false);
    expect(compileSelector("div div div img")(element("img"), ancestors)).toBe(true);
  });
});
