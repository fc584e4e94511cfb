// The tag editor's splices: removing attributes never changes how the rest of the tag reads.

import { fc, test } from "@fast-check/vitest";
import { QuoteType } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { RawAttribute } from "../../src/engine/raw-tag.js";
import type { LocatedResource } from "../../src/engine/resources.js";
import { editTag, type ResourceEdit } from "../../src/engine/tag-editor.js";
import { readStartTag } from "../support/engine-pieces.js";

const seed = Number(process.env["FUZZ_SEED"] ?? "20261202");

/** The first start tag of `html` as the engine's tag collector reads it. */
function readTag(html: string) {
  const { tag, selfClosing } = readStartTag(html);
  return { name: tag.name, nameEnd: tag.nameEnd, attributes: tag.attributes, selfClosing };
}

/** The tag with the attributes at these indexes removed. */
function removeAttributes(html: string, remove: (attribute: RawAttribute, index: number) => boolean): string {
  const tag = readTag(html);
  const removals = tag.attributes.filter(remove);
  return editTag(html, 0, tag.nameEnd, tag.attributes, [], removals).text;
}

describe("editTag removals", () => {
  it.each([
    ['<rect height=10 fill="url(T)"/>', "fill", "<rect height=10 />"],
    ["<rect height=10 fill=x/>", "fill", "<rect height=10>"],
    ['<rect height="10" fill="url(T)"/>', "fill", '<rect height="10"/>'],
    ['<rect hidden fill="url(T)"/>', "fill", "<rect hidden/>"],
    ['<rect fill="url(T)"/>', "fill", "<rect/>"],
    ['<img src="t"alt="x">', "src", '<img alt="x">'],
    ['<img a=1 src="t"alt="x">', "src", '<img a=1 alt="x">'],
    ['<img a="1" src="t"alt="x">', "src", '<img a="1"alt="x">'],
    ['<img a=1 src="t" alt="x">', "src", '<img a=1 alt="x">'],
    ["<img a=1 src=t>", "src", "<img a=1>"],
    ["<img a=1 src=t />", "src", "<img a=1 />"],
    ["<title/style=x>", "style", "<title>"],
  ])("%s without %s is %s", (html, name, expected) => {
    expect(removeAttributes(html, (attribute) => attribute.name === name)).toBe(expected);
  });
});

const attributeName = fc.stringMatching(/^[a-z][a-z0-9-]{0,3}$/);
/** Unquoted values may hold `/` (`a=1/` reads `1/`), never spaces, quotes, `=`, `<`, `>` or `&`. */
const unquotedValue = fc.stringMatching(/^[a-z0-9/.:()#-]{1,5}$/);
const quotedValue = fc.stringMatching(/^[a-z0-9 /.:()#=>'-]{0,5}$/);
const attribute = fc.oneof(
  attributeName.map((name) => ({ text: name, quoted: false })),
  fc.tuple(attributeName, unquotedValue).map(([name, value]) => ({ text: `${name}=${value}`, quoted: false })),
  fc.tuple(attributeName, quotedValue).map(([name, value]) => ({ text: `${name}="${value}"`, quoted: true })),
  // A value in single quotes cannot hold one (it would end the value).
  fc.tuple(attributeName, quotedValue).map(([name, value]) => ({ text: `${name}='${value.replace(/'/g, "")}'`, quoted: true })),
);
/** What may sit between attributes: spaces, slashes, or nothing after a quoted value. */
const separator = fc.constantFrom(" ", "  ", "\n", " / ", "/", "");
const tagText = fc
  .tuple(
    fc.constantFrom("rect", "img", "td", "a"),
    fc.uniqueArray(fc.tuple(attribute, separator), { selector: ([a]) => a.text.split("=")[0], maxLength: 6 }),
    fc.constantFrom(">", "/>", " />", " >", "//>"),
  )
  .map(([name, attributes, end]) => {
    let text = `<${name}`;
    let previousQuoted = false;
    for (const [{ text: written, quoted }, between] of attributes) {
      // A separator is always needed after a name or an unquoted value; `/` alone only after a quoted value.
      text += previousQuoted || between.includes(" ") || between.includes("\n") ? between : ` ${between.trim()} `.replace(/ +/g, " ");
      text += written;
      previousQuoted = quoted;
    }
    return text + end;
  });

describe("editTag property", () => {
  test.prop([tagText, fc.array(fc.boolean(), { maxLength: 6 })], { seed })(
    "re-reading the edited tag gives exactly the kept attributes and the same self-closing flag",
    (html, removeFlags) => {
      const before = readTag(html);
      const remove = (_: RawAttribute, index: number): boolean => removeFlags[index] ?? false;
      const edited = removeAttributes(html, remove);
      const after = readTag(edited);
      const kept = before.attributes.filter((a, index) => !remove(a, index)).map((a) => [a.name, a.value]);
      expect(after.name).toBe(before.name);
      expect(after.attributes.map((a) => [a.name, a.value])).toEqual(kept);
      expect(after.selfClosing).toBe(before.selfClosing);
    },
  );
});

/** An edit giving `attribute` the URL `url`, as a detector's replace-url decision reaches the editor. */
function newUrl(attribute: RawAttribute, url: string): ResourceEdit {
  return { resource: { location: { kind: "attribute", attribute } } as unknown as LocatedResource, url };
}

describe("editTag value edits", () => {
  const url = fc.stringMatching(/^[a-z0-9 /.:?#=&;"'<>-]{0,12}$/);
  test.prop([tagText, fc.nat(), url], { seed })(
    "re-reading the tag gives the new value and every other attribute as it was",
    (html, pick, value) => {
      const before = readTag(html);
      fc.pre(before.attributes.length > 0);
      const target = before.attributes[pick % before.attributes.length] as RawAttribute;
      fc.pre(target.quote !== QuoteType.NoValue); // a URL is always some attribute's value
      const edited = editTag(html, 0, before.nameEnd, before.attributes, [newUrl(target, value)]);
      const after = readTag(edited.text);
      const expected = before.attributes.map((a) => [a.name, a === target ? value : a.value]);
      expect(after.attributes.map((a) => [a.name, a.value])).toEqual(expected);
      expect(after.selfClosing).toBe(before.selfClosing);
      expect(edited.outcomes).toEqual(new Map([[target.name, "changed"]]));
    },
  );

  it("removes the duplicates of an edited attribute, so none can take its place", () => {
    const html = '<a href="https://t.example/x?utm_source=a" title=t href="https://other.example/">';
    const tag = readTag(html);
    const edited = editTag(html, 0, tag.nameEnd, tag.attributes, [newUrl(tag.attributes[0] as RawAttribute, "https://t.example/x")]);
    expect(edited.text).toBe('<a href="https://t.example/x" title=t>');
  });
});
