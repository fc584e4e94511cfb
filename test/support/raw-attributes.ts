// Attributes as the engine's tag collector hands them on, made from names and values (offsets do not matter to
// the code that reads them by name).

import { QuoteType } from "htmlparser2";
import type { RawAttribute } from "../../src/engine/raw-tag.js";

/** A record's entries, or name/value pairs (duplicates allowed), as the tokenizer would list them. */
export function rawAttributes(attributes: Readonly<Record<string, string>> | readonly (readonly [string, string])[]): RawAttribute[] {
  const pairs = Array.isArray(attributes) ? attributes : Object.entries(attributes);
  return pairs.map(([name, value]) => ({ name, nameStart: 0, valueStart: 0, valueEnd: 0, end: 0, quote: QuoteType.Double, value }));
}
