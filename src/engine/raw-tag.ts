// Start tags as the engine collects them: every attribute with its decoded value and its exact source span.

import { QuoteType } from "htmlparser2";
import type { HtmlElementFacts } from "./html-elements.js";

export interface RawAttribute {
  /** Lower-case name. */
  readonly name: string;
  /** Input offset of the first character of the name. */
  readonly nameStart: number;
  /** Input offset of the first character of the value (after the quote); equals `valueEnd` when there is none. */
  readonly valueStart: number;
  /** Input offset just past the value (before the closing quote). */
  readonly valueEnd: number;
  /** Input offset just past the attribute (after the closing quote). */
  readonly end: number;
  readonly quote: QuoteType;
  /** The entity-decoded value. */
  readonly value: string;
}

export interface RawTag {
  /** Lower-case name as written (`image` stays `image` here); the table's own string when it lists the name. */
  readonly name: string;
  /** What the tree simulator knows of the name as an HTML element, looked up once. */
  readonly facts: HtmlElementFacts;
  /** Input offset of `<`. */
  readonly start: number;
  /** Input offset just past the name. */
  readonly nameEnd: number;
  readonly attributes: RawAttribute[];
  /** Set when the tag outgrew the buffer limit: it is dropped, and its values are no longer collected. */
  oversized: boolean;
}

/** The value of the first attribute named `name` (as browsers read duplicates); undefined when absent. */
export function attributeValue(attributes: readonly RawAttribute[], name: string): string | undefined {
  for (const attribute of attributes) if (attribute.name === name) return attribute.value;
  return undefined;
}

/** Attributes by name, first duplicate wins (as in browsers). */
export function attributeRecord(attributes: readonly RawAttribute[]): Record<string, string> {
  // A null prototype, so an attribute named `__proto__` is just an attribute.
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const attribute of attributes) {
    if (!Object.hasOwn(record, attribute.name)) record[attribute.name] = attribute.value;
  }
  return record;
}
