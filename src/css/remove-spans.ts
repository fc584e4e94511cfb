// Deleting source spans from a text while keeping every other code unit.
import type { Span } from "./css-urls.js";

/**
 * Deletes the given spans from `text`; overlapping, touching and duplicate spans are merged, spans are clamped
 * to the text, and empty or inverted spans delete nothing. Nothing else is touched, not even whitespace left
 * behind.
 * @param text - The original text the spans index.
 * @param spans - Half-open `[start, end)` ranges, in any order.
 * @returns `text` without the spans.
 * @example
 * removeSpans("a:1;b:url(x);c:2", [{ start: 4, end: 13 }]) //=> "a:1;c:2"
 */
export function removeSpans(text: string, spans: readonly Span[]): string {
  const sorted = spans
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(text.length, end) }))
    .filter(({ start, end }) => start < end)
    .sort((a, b) => a.start - b.start);
  let result = "";
  let kept = 0; // text before `kept` is already either copied or deleted
  for (const { start, end } of sorted) {
    if (start > kept) result += text.slice(kept, start);
    kept = Math.max(kept, end);
  }
  return result + text.slice(kept);
}
