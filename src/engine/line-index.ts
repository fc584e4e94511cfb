// Line and column of an input offset in the streaming engine. The input passes once: newlines are counted as it
// arrives, and only the newline offsets of the input the engine still holds are kept, so memory follows the
// engine's own window and the total work is O(n). Positions are absolute, so they do not depend on chunking.

import type { Position } from "../text/line-counter.js";

export class LineIndex {
  /** Offsets of the "\n"s at or after `forgotten`, in order; entries before `head` are dropped. */
  private breaks: number[] = [];
  private head = 0;
  /** Input length seen so far. */
  private length = 0;
  /** Newlines before `forgotten`, and the offset of the last of them (-1 when none). */
  private linesBefore = 0;
  private lastForgottenBreak = -1;

  constructor(start = 0) {
    this.length = start;
    this.lastForgottenBreak = start - 1;
  }

  append(chunk: string): void {
    for (let at = chunk.indexOf("\n"); at !== -1; at = chunk.indexOf("\n", at + 1)) this.breaks.push(this.length + at);
    this.length += chunk.length;
  }

  /** Drops what is known of the input before `offset`; later questions are about offsets at or after it. */
  forget(offset: number): void {
    const { breaks } = this;
    while (this.head < breaks.length && breaks[this.head]! < offset) {
      this.lastForgottenBreak = breaks[this.head]!;
      this.linesBefore++;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > breaks.length) {
      this.breaks = breaks.slice(this.head);
      this.head = 0;
    }
  }

  /** The 1-based line and column of `offset` (columns in UTF-16 code units). */
  position(offset: number): Position {
    const { breaks } = this;
    // The number of kept breaks before `offset`, by binary search.
    let low = this.head;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (breaks[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    const lastBreak = low > this.head ? breaks[low - 1]! : this.lastForgottenBreak;
    return { line: this.linesBefore + (low - this.head) + 1, column: offset - lastBreak };
  }
}
