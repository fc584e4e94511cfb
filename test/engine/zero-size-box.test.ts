import { describe, expect, it } from "vitest";
import { computedOverflow, isValidBoxDeclaration, isZeroLength, zeroSizeHides, zeroSizes } from "../../src/engine/zero-size-box.js";
import type { StyleDeclaration } from "../../src/types.js";

/** Declarations applied in order, one per property (the last wins), as `cascaded` leaves them. */
function applied(css: string): Map<string, StyleDeclaration> {
  const map = new Map<string, StyleDeclaration>();
  for (const part of css.split(";")) {
    const colon = part.indexOf(":");
    if (colon < 0) continue;
    const declaration = { name: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() };
    map.delete(declaration.name);
    map.set(declaration.name, declaration);
  }
  return map;
}

const height = zeroSizes.find(([name]) => name === "height")!;
const maxHeight = zeroSizes.find(([name]) => name === "max-height")!;
const width = zeroSizes.find(([name]) => name === "width")!;
const noFlex = () => false;
const inFlex = () => true;

describe("computedOverflow", () => {
  it.each<[string, [string, string]]>([
    ["", ["visible", "visible"]],
    ["overflow:hidden", ["hidden", "hidden"]],
    ["overflow:hidden visible", ["hidden", "auto"]],
    ["overflow-x:hidden", ["hidden", "auto"]],
    ["overflow:clip visible", ["clip", "visible"]],
    ["overflow-x:clip;overflow-y:scroll", ["hidden", "scroll"]],
    ["overflow:hidden;overflow-y:visible", ["hidden", "auto"]],
    ["overflow-y:visible;overflow:hidden", ["hidden", "hidden"]],
    ["overflow:clip;overflow-y:unset", ["clip", "visible"]],
    ["overflow:clip;overflow-x:initial", ["visible", "clip"]],
    ["overflow:inherit", ["hidden", "hidden"]],
    ["overflow:AUTO", ["auto", "auto"]],
  ])("%j -> %j", (css, expected) => {
    expect(computedOverflow(applied(css))).toEqual(expected);
  });
});

describe("isValidBoxDeclaration", () => {
  it.each<[string, string, boolean]>([
    ["overflow", "hidden", true],
    ["overflow", "hidden auto", true],
    ["overflow", "-moz-scrollbars-none", false],
    ["overflow", "hidden foo", false],
    ["overflow", "a b c", false],
    ["overflow-y", "inherit", true],
    ["overflow-x", "hidden auto", false],
    ["padding", "0 20px 60px 1em", true],
    ["padding", "1px 2px 3px 4px 5px", false],
    ["padding-bottom", "60px", true],
    ["padding-bottom", "60", true],
    ["padding-bottom", "-60px", false],
    ["padding-bottom", "calc(10px + 5%)", true],
    ["padding-block", "0 10px", true],
    ["padding-block-end", "0 10px", false],
    ["overflow-clip-margin", "content-box 10px", true],
    ["overflow-clip-margin", "-10px", false],
    ["display", "none", true],
    ["display", "inline flow-root", true],
    ["display", "-webkit-box", true],
    ["display", "nnone", false],
    ["display", "var(--d)", true],
    ["display", "inline flow list-item", true],
    ["display", "block none", false],
    ["display", "table list-item", false],
    ["display", "-ms-flexbox", false],
    ["display", "block\\9", false],
    ["max-height", "auto", false],
    ["max-height", "none", true],
    ["height", "auto", true],
    ["height", "-1px", false],
    ["max-width", "fit-content", true],
    ["max-height", "-moz-available", false],
    ["max-height", "fit-content(100px)", false],
    ["max-height", "-webkit-fill-available", true],
    ["max-height", "stretch", true],
    ["max-height", "intrinsic", false],
    ["height", "none", false],
    ["max-height", "calc(0px + 1px)", true],
    ["max-height", "min(0px, 1px)", true],
    ["max-height", "foo(1px)", false],
    ["max-height", "fit-content(var(--h))", true],
    ["max-height", "10px 20px", false],
    ["max-height", "1.5em", true],
    ["max-height", ".5e1px", true],
    ["max-height", "inherit", true],
    // Adversarial review (adversary13), checked with CSS.supports in Chromium.
    ["max-height", "300fr", false],
    ["max-height", "300x", false],
    ["max-height", "300deg", false],
    ["max-height", "3cqmin", true],
    ["max-height", "3PX", true],
    ["max-height", "abs(300px)", true],
    ["max-height", "round(300px, 1px)", true],
    ["max-height", "hypot(300px)", true],
    ["max-height", "if(media(width > 1px): 300px; else: 0px)", true],
    ["max-height", "calc-size(auto, size)", false],
    ["max-height", "calc-size(max-content, size)", true],
    ["max-height", "calc-size(any, 300px)", true],
    ["max-height", "calc(300)", false],
    ["max-height", "calc(0)", false],
    ["max-height", "calc(1e2px * 3)", true],
    ["max-height", "min(100%, 300px)", true],
    ["max-height", "calc(var(--h) * 2)", true],
    ["max-height", "anchor-size(height)", true],
    ["height", "calc-size(auto, size)", true],
    ["max-height", "sqrt(4)", false],
    ["padding-bottom", "60fr", false],
    ["opacity", "anything", true],
  ])("%s: %s -> %j", (name, value, expected) => {
    expect(isValidBoxDeclaration({ name, value }, true)).toBe(expected);
  });

  it.each<[string, string, boolean, boolean]>([
    // name, value, quirks mode, standards mode (Chromium: a number without a unit, physical properties only)
    ["padding-bottom", "60", true, false],
    ["padding", "0 0 60", true, false],
    ["padding-block-end", "60", false, false],
    ["height", "60", true, false],
    ["max-height", "60", true, false],
    ["min-height", "60", true, false],
    ["block-size", "60", false, false],
    ["height", "0", true, true],
    ["padding-bottom", "60px", true, true],
    ["overflow-clip-margin", "60", false, false],
    ["min-height", "none", false, false],
    ["min-height", "auto", true, true],
  ])("%s: %s -> quirks %j, standards %j", (name, value, quirks, standards) => {
    expect(isValidBoxDeclaration({ name, value }, true)).toBe(quirks);
    expect(isValidBoxDeclaration({ name, value }, false)).toBe(standards);
  });
});

describe("zeroSizeHides", () => {
  it("needs a block box that clips", () => {
    expect(zeroSizeHides("div", applied("height:0;overflow:hidden"), height, noFlex)).toBe(true);
    expect(zeroSizeHides("div", applied("height:0"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("span", applied("height:0;overflow:hidden"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("span", applied("display:inline-block;height:0;overflow:hidden"), height, noFlex)).toBe(true);
    expect(zeroSizeHides("td", applied("height:0;overflow:hidden"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("body", applied("display:block;height:0;overflow:hidden"), height, noFlex)).toBe(false);
  });

  it("opens with the end padding of its axis, from whichever declaration set it last", () => {
    expect(zeroSizeHides("div", applied("height:0;overflow:hidden;padding-bottom:56%"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("height:0;overflow:hidden;padding:0 0 10px"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("height:0;overflow:hidden;padding-top:60px"), height, noFlex)).toBe(true);
    expect(zeroSizeHides("div", applied("height:0;overflow:hidden;padding-bottom:60px;padding:0"), height, noFlex)).toBe(true);
    expect(zeroSizeHides("div", applied("height:0;overflow:hidden;padding:0;padding-block-end:1px"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("width:0;overflow:hidden;padding:0 20px"), width, noFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("width:0;overflow:hidden;padding:0 0 0 20px"), width, noFlex)).toBe(true);
  });

  it("opens with a minimum, and with flex growth or a basis only as a flex item and only against a size", () => {
    expect(zeroSizeHides("div", applied("height:0;min-height:1px;overflow:hidden"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("height:0;flex:1;overflow:hidden"), height, inFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("height:0;flex:1;overflow:hidden"), height, noFlex)).toBe(true);
    expect(zeroSizeHides("div", applied("max-height:0;flex:1;overflow:hidden"), maxHeight, inFlex)).toBe(true);
    expect(zeroSizeHides("div", applied("height:0;flex:none;overflow:hidden"), height, inFlex)).toBe(true);
    expect(zeroSizeHides("div", applied("height:0;flex:0 0 60px;overflow:hidden"), height, inFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("height:0;flex:1;flex-grow:0;overflow:hidden"), height, inFlex)).toBe(true);
  });

  it("opens with a clip margin where both axes clip", () => {
    expect(zeroSizeHides("div", applied("height:0;overflow:clip;overflow-clip-margin:20px"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("height:0;overflow:clip;overflow-clip-margin:padding-box 20px"), height, noFlex)).toBe(false);
    expect(zeroSizeHides("div", applied("height:0;overflow-y:clip;overflow-clip-margin:20px"), height, noFlex)).toBe(true);
    expect(zeroSizeHides("div", applied("height:0;overflow:clip;overflow-clip-margin:content-box"), height, noFlex)).toBe(true);
  });

  it("isZeroLength", () => {
    expect(["0", "0px", "-0.0em", "0%", " 0 ", "0e1px", "0."].every(isZeroLength)).toBe(true);
    expect(["1px", "0.1px", "auto", ""].some(isZeroLength)).toBe(false);
  });
});
