// Line and column of offsets in one string, asked in increasing order: each character is scanned once.

/** A 1-based line and column (columns count UTF-16 code units; a line ends at "\n"). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Counts lines forward through a string; positions must be asked in non-decreasing offset order. */
export class LineCounter {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  position(text: string, offset: number): Position {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.lineStart = 0;
    }
    for (let at = text.indexOf("\n", this.offset); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
      this.line++;
      this.lineStart = at + 1;
    }
    this.offset = offset;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}
