// An open element reads its attributes by name from the list the tokenizer collected, and builds the record the
// public types promise only when asked; both read duplicates as browsers do (the first wins).

import { describe, expect, it } from "vitest";
import { OpenElement } from "../../src/engine/open-element.js";
import { stripTracking } from "../../src/index.js";
import type { Detector } from "../../src/types.js";
import { rawAttributes } from "../support/raw-attributes.js";

describe("OpenElement", () => {
  const element = new OpenElement("img", "html", rawAttributes([["width", "1"], ["src", "a.gif"], ["width", "2"], ["__proto__", "x"]]), undefined);

  it("reads the first of duplicate attributes, and nothing for an absent one", () => {
    expect(element.attribute("width")).toBe("1");
    expect(element.attribute("src")).toBe("a.gif");
    expect(element.attribute("height")).toBeUndefined();
    expect(element.attribute("__proto__")).toBe("x");
  });

  it("builds the same answers as a record, once, with no prototype to inherit from", () => {
    const record = element.attributes;
    expect(Object.getPrototypeOf(record)).toBeNull();
    expect({ ...record }).toEqual({ width: "1", src: "a.gif", ["__proto__"]: "x" });
    expect(element.attributes).toBe(record);
    expect("toString" in record).toBe(false);
  });
});

describe("Element.attribute in a detector", () => {
  it("gives what attributes[name] gives, duplicates and case included", () => {
    const seen: [string | undefined, string | undefined][] = [];
    const watcher: Detector = {
      name: "watcher",
      tags: ["img"],
      detect(element) {
        seen.push([element.attribute("width"), element.attributes["width"]]);
        seen.push([element.attribute("alt"), element.attributes["alt"]]);
        return undefined;
      },
    };
    stripTracking(`<img WIDTH="7" width="8" src="https://cdn.example/a.png">`, { detectors: [watcher] });
    expect(seen).toEqual([["7", "7"], [undefined, undefined]]);
  });
});
