import { describe, expect, it } from "vitest";
import { openAncestorsOf } from "../../src/detectors/open-ancestors.js";
import { type Detector, type Element, stripTracking } from "../../src/index.js";

describe("openAncestorsOf", () => {
  it("is element.ancestors for an element made by hand", () => {
    const ancestors = [{ name: "html", attributes: {} }];
    expect(openAncestorsOf({ ancestors } as unknown as Element)).toBe(ancestors);
  });

  it("reads the same ancestors as element.ancestors during detection", () => {
    const seen: [string[], string[]][] = [];
    const spy: Detector = {
      name: "spy",
      tags: ["img"],
      detect(element) {
        seen.push([openAncestorsOf(element).map((a) => a.name), element.ancestors.map((a) => a.name)]);
        return undefined;
      },
    };
    stripTracking(`<div><p><img src="https://ok.example/a.png"></p></div>`, { detectors: [spy] });
    expect(seen).toEqual([[["div", "p"], ["div", "p"]]]);
  });

  it("3,000 nested <div> then 3,000 images: the built-in detectors copy no stack per image (adversary26 F4)", () => {
    const input = "<div>".repeat(3000) + `<img src="https://ok.example/a.png">`.repeat(3000);
    const slice = Array.prototype.slice;
    let copied = 0;
    Array.prototype.slice = function (this: unknown[], ...args: [number?, number?]) {
      const result = slice.apply(this, args);
      copied += result.length;
      return result;
    } as typeof slice;
    try {
      stripTracking(input, {});
    } finally {
      Array.prototype.slice = slice;
    }
    // Copying the stack for every image: 9,000,000 elements for 123,000 characters.
    expect(copied).toBeLessThan(input.length);
  });
});
