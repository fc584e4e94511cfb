import { describe, expect, it } from "vitest";
import {
  buttonScope,
  defaultScope,
  documentScope,
  formattingElements,
  headContent,
  headings,
  htmlElementFacts,
  impliedCloses,
  listItemScope,
  scopedEndTags,
  scopes,
  specialElements,
  tablePartStartTags,
  tableScope,
  voidElements,
} from "../../src/engine/html-elements.js";

const listed = [
  ...voidElements, ...specialElements, ...formattingElements, ...headings, ...headContent, ...tablePartStartTags,
  ...impliedCloses.keys(), ...scopedEndTags, ...scopes.flatMap((scope) => [...scope]),
];
const unlisted = ["", "x", "custom-element", "o:p", "v:rect", "svg", "foreignobject", "P", "DIV", "__proto__", "constructor"];

describe("htmlElementFacts", () => {
  it.each([...new Set([...listed, ...unlisted])])("says what the lists say about <%s>", (name) => {
    const facts = htmlElementFacts(name);
    expect(facts.isVoid).toBe(voidElements.has(name));
    expect(facts.special).toBe(specialElements.has(name));
    expect(facts.formatting).toBe(formattingElements.has(name));
    expect(facts.heading).toBe(headings.has(name));
    expect(facts.headContent).toBe(headContent.has(name));
    expect(facts.tablePartStart).toBe(tablePartStartTags.has(name));
    expect(facts.impliedCloses).toEqual(impliedCloses.get(name) ?? []);
    scopes.forEach((scope, index) => expect(Boolean(facts.boundaryMask & (1 << index)), `scope ${index}`).toBe(scope.has(name)));
  });

  it.each([
    ["table", documentScope],
    ["td", tableScope],
    ["tr", tableScope],
    ["caption", tableScope],
    ["p", buttonScope],
    ["li", listItemScope],
    ["div", defaultScope],
  ] as const)("gives </%s> the scope it must be found in", (name, scope) => {
    expect(scopes[htmlElementFacts(name).endTagScope]).toBe(scope);
  });

  it("gives </option> and </optgroup> no scope: they close as any other end tag, stopping at a special element", () => {
    expect(htmlElementFacts("option").endTagScope).toBe(-1);
    expect(htmlElementFacts("optgroup").endTagScope).toBe(-1);
  });

  it("names a listed element by the table's own string, and an unlisted one not at all", () => {
    for (const name of [...listed, "span", "o:p", "v:roundrect", "svg"]) {
      // A name built afresh, as the engine slices it from the input, comes back as the table's string.
      expect(htmlElementFacts(name.split("").join("")).name).toBe(name);
    }
    for (const name of ["", "x", "custom-element", "P", "__proto__", "constructor"]) expect(htmlElementFacts(name).name).toBeUndefined();
  });

  it("gives no scope to an end tag the spec does not scope", () => {
    for (const name of ["span", "b", "h1", "x", "img"]) expect(htmlElementFacts(name).endTagScope).toBe(-1);
    for (const name of scopedEndTags) expect(htmlElementFacts(name).endTagScope).toBeGreaterThanOrEqual(0);
  });
});
