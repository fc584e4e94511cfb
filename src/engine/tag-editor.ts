// Applies attribute-level edits to one start tag's source text; every byte not edited is kept.

import { QuoteType } from "htmlparser2";
import type { Span } from "../css/css-urls.js";
import { removeSpans } from "../css/remove-spans.js";
import { removeSrcsetCandidates } from "../html/srcset.js";
import { isHtmlSpace } from "../html/whitespace.js";
import { encodeAttributeValue, mustQuote } from "./attribute-value.js";
import type { RawAttribute } from "./raw-tag.js";
import type { LocatedResource } from "./resources.js";

/** An edit the tag editor understands: drop a resource, or give it a new URL. */
export interface ResourceEdit {
  readonly resource: LocatedResource;
  /** The new URL; undefined to remove the resource. */
  readonly url: string | undefined;
}

/** What became of one attribute. */
export type AttributeOutcome = "removed" | "changed";

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}


/**
 * Rewrites the tag `source` (which starts at input offset `offset`; its name ends at `nameEnd`): applies the
 * resource edits and removes the `removals` attributes. Returns the new text and what happened to each edited
 * attribute name. Duplicates of an edited attribute are removed, so they cannot take its place.
 */
export function editTag(
  source: string,
  offset: number,
  nameEnd: number,
  attributes: readonly RawAttribute[],
  edits: readonly ResourceEdit[],
  removals: readonly RawAttribute[] = [],
): { text: string; outcomes: Map<string, AttributeOutcome> } {
  const only = edits.length === 1 && removals.length === 0 ? edits[0] : undefined;
  if (only?.url !== undefined && only.resource.location.kind === "attribute" && !isDuplicated(attributes, only.resource.location.attribute)) {
    // The usual edit, a link's clean URL: one value replaced, nothing around it moves.
    const attribute = only.resource.location.attribute;
    const splice = valueSplice(source, offset, attribute, only.url);
    const text = source.slice(0, splice.start) + splice.text + source.slice(splice.end);
    return { text, outcomes: new Map([[attribute.name, "changed"]]) };
  }
  const byAttribute = new Map<RawAttribute, ResourceEdit[]>();
  for (const edit of edits) {
    const location = edit.resource.location;
    if (location.kind === "stylesheet") continue;
    const list = byAttribute.get(location.attribute) ?? [];
    list.push(edit);
    byAttribute.set(location.attribute, list);
  }

  const splices: Splice[] = [];
  const outcomes = new Map<string, AttributeOutcome>();
  // Attributes are in source order: each one's predecessor, and each name's attributes, found once (a tag with
  // 200,000 duplicate attributes must stay linear, and no array may be spread into a call).
  const position = new Map<RawAttribute, number>();
  const byName = new Map<string, RawAttribute[]>();
  attributes.forEach((attribute, index) => {
    position.set(attribute, index);
    const same = byName.get(attribute.name);
    if (same) same.push(attribute);
    else byName.set(attribute.name, [attribute]);
  });
  const removed = new Set<RawAttribute>();
  const removeAttribute = (attribute: RawAttribute): void => {
    if (removed.has(attribute)) return;
    removed.add(attribute);
    // Take the spaces and slashes before the attribute too, back to the previous attribute: `<title/style=x>` is
    // not self-closing, but `<title/>` would be, and htmlparser2 also reads `<title/ >` as self-closing.
    const index = position.get(attribute) ?? 0;
    const previousEnd = index > 0 ? Math.max(nameEnd, attributes[index - 1]!.end) : nameEnd;
    let start = attribute.nameStart - offset;
    while (start > previousEnd - offset && (isHtmlSpace(source.charCodeAt(start - 1)) || source[start - 1] === "/")) start--;
    splices.push({ start, end: attribute.end - offset, text: "" });
  };

  for (const attribute of removals) {
    removeAttribute(attribute);
    outcomes.set(attribute.name, "removed");
  }
  for (const [attribute, attributeEdits] of byAttribute) {
    const value = newValue(attribute, attributeEdits);
    if (value === undefined) {
      removeAttribute(attribute);
      outcomes.set(attribute.name, "removed");
    } else {
      splices.push(valueSplice(source, offset, attribute, value));
      outcomes.set(attribute.name, "changed");
    }
    for (const duplicate of byName.get(attribute.name) ?? []) {
      if (duplicate !== attribute) removeAttribute(duplicate);
    }
  }

  splices.sort((a, b) => a.start - b.start);
  return { text: applySplices(source, offset, nameEnd, attributes, splices), outcomes };
}

/** Whether another attribute has this one's name. */
function isDuplicated(attributes: readonly RawAttribute[], attribute: RawAttribute): boolean {
  for (const other of attributes) if (other !== attribute && other.name === attribute.name) return true;
  return false;
}

/** How a piece of tag text ends, as far as what may follow it without a space. */
type Ending = "name" | "unquoted" | "closed";

/**
 * Joins the kept text and the splices. A removal must not make its neighbours read differently: where it leaves
 * the text before it (a tag name, a bare attribute name, an unquoted value) directly against the text after it,
 * a space is kept between them. `<rect height=10 fill="url(T)"/>` becomes `<rect height=10 />`, not
 * `<rect height=10/>` (whose `height` reads `10/` and which is no longer self-closing), and `<a x="1"y=2>` without
 * `x` becomes `<a y=2>`, not `<ay=2>`.
 */
function applySplices(source: string, offset: number, nameEnd: number, attributes: readonly RawAttribute[], splices: readonly Splice[]): string {
  const endings = new Map<number, Ending>([[nameEnd - offset, "name"]]);
  for (const attribute of attributes) {
    const quoted = attribute.quote === QuoteType.Double || attribute.quote === QuoteType.Single;
    endings.set(attribute.end - offset, quoted ? "closed" : attribute.quote === QuoteType.Unquoted ? "unquoted" : "name");
  }
  let text = "";
  let cursor = 0;
  // How the text written so far ends, and whether a removal has just joined it to what comes next.
  let ending: Ending | undefined;
  let afterRemoval = false;
  const keep = (end: number): void => {
    if (end <= cursor) return;
    if (afterRemoval && needsSpace(ending, source.charCodeAt(cursor))) text += " ";
    text += source.slice(cursor, end);
    ending = endings.get(end);
    afterRemoval = false;
  };
  for (const splice of splices) {
    if (splice.start < cursor) continue;
    keep(splice.start);
    if (splice.text !== "") {
      text += splice.text;
      // A value splice ends where the value ended: a quoted value's closing quote is still to come.
      ending = splice.text.startsWith('"') ? "closed" : undefined;
      afterRemoval = false;
    } else {
      afterRemoval = true;
    }
    cursor = splice.end;
  }
  keep(source.length);
  return text;
}

/** Whether `next` (a character code) may not directly follow text with this ending. */
function needsSpace(ending: Ending | undefined, next: number): boolean {
  if (Number.isNaN(next) || isHtmlSpace(next) || next === 0x3e /* > */) return false;
  if (ending === "closed") return false;
  // After a tag or attribute name a `/` ends the name; after an unquoted value it would join the value.
  if (next === 0x2f /* / */) return ending !== "name";
  return true;
}

/** The attribute's new decoded value, or undefined when the attribute should go. */
function newValue(attribute: RawAttribute, edits: readonly ResourceEdit[]): string | undefined {
  const location = edits[0]!.resource.location;
  switch (location.kind) {
    case "srcset": {
      const remove = edits.filter((edit) => edit.url === undefined).map((edit) => edit.resource.location);
      const indexes = remove.flatMap((where) => (where.kind === "srcset" ? [where.index] : []));
      const value = removeSrcsetCandidates(attribute.value, indexes);
      return value.trim() === "" ? undefined : value;
    }
    case "style-attribute": {
      const spans: Span[] = edits.flatMap((edit) =>
        edit.resource.location.kind === "style-attribute"
          ? [withTrailingSpaces(attribute.value, edit.resource.location.declaration)]
          : [],
      );
      const value = removeSpans(attribute.value, spans);
      return value.trim() === "" ? undefined : value;
    }
    case "meta-refresh": {
      const edit = edits[0]!;
      if (edit.url === undefined) return undefined;
      return attribute.value.slice(0, location.span.start) + edit.url + attribute.value.slice(location.span.end);
    }
    default:
      return edits[0]!.url;
  }
}

/** Extends a declaration's span over the spaces after it, so `a:1; b:url(x); c:2` becomes `a:1; c:2`. */
function withTrailingSpaces(text: string, span: Span): Span {
  let end = span.end;
  while (text[end] === " " || text[end] === "\t") end++;
  return { start: span.start, end };
}

function valueSplice(source: string, offset: number, attribute: RawAttribute, value: string): Splice {
  const raw = source.slice(attribute.valueStart - offset, attribute.valueEnd - offset);
  const encoded = encodeAttributeValue(value, raw, attribute.value, attribute.quote);
  if (attribute.quote === QuoteType.Unquoted && mustQuote(encoded)) {
    const quoted = encodeAttributeValue(value, raw, attribute.value, QuoteType.Double);
    return { start: attribute.valueStart - offset, end: attribute.valueEnd - offset, text: `"${quoted}"` };
  }
  return { start: attribute.valueStart - offset, end: attribute.valueEnd - offset, text: encoded };
}
