// A string that keeps nothing else alive: for what outlives the input chunk it was read from (report lines, style
// rules, per-host caches), so that memory follows what is kept, not every chunk it came from.

/**
 * A copy of `text` that shares no memory with the string it came from. V8 keeps the whole parent of a slice
 * (and every part of a concatenation) alive; a report line that outlives its chunk must not keep the input.
 * Concatenating flattens into a fresh string, and the slice of that fresh string refers to it alone.
 * @example
 * ownString(hugeInput.slice(10, 60)) //=> the same 50 characters, without hugeInput behind them
 */
export function ownString(text: string): string {
  return (" " + text).slice(1);
}
