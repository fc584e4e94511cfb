// The engine's bytes: the input still undecided, and the output built from it. Output is the input copied
// through, with only edited spans replaced or dropped.
//
// A removal never joins its neighbours into new markup (issue 6, item 4): when the character before a removed
// span and the one after it would form a delimiter (`<` + `img`, `<` + `!--`, and in comment or CDATA bodies `-`
// + `->` or `]` + `]>`), a space is kept between them.
//
// Offsets are offsets into the whole input. Only the input from `start` on is kept; the engine trims it to what
// is still undecided, so memory is bounded by the largest construct incomplete at a chunk boundary. That input is
// kept as two strings, never joined: what earlier chunks left undecided (usually a few characters), and the last
// chunk whole. One string of both would copy every chunk once more, and a chunk of 64K two-byte characters is a
// large object, which only a full GC frees: streaming would hold several times the input between full GCs.

export class Output {
  /** Input [start, chunkStart): what earlier chunks left undecided; empty once `start` passes `chunkStart`. */
  private held = "";
  /** Input [chunkStart, length): the last chunk written, whole. */
  private chunk = "";
  private start = 0;
  private chunkStart = 0;
  /** Total input length written so far. */
  private length = 0;
  /** Everything before this offset has been copied or dropped. */
  private done = 0;
  /** Output made since the last flush, before the open run of input. */
  private pending: string[] = [];
  /**
   * The run of input copied through unchanged since the last edit, as offsets: it becomes a string (one slice)
   * only when an edit or a flush closes it, so a chunk nothing touched is handed on as one slice of the input.
   */
  private runFrom = 0;
  private runTo = 0;
  private edited = false;
  /** The last character handed on (a char code), or -1. */
  private lastEmitted = -1;
  /** Set after a removal, until the next emitted text: the character before the removed span. */
  private beforeRemoval: number | undefined;

  /**
   * @param sink receives the output.
   * @param inCommentLike true for the body of a conditional comment or a CDATA section, where `-->` and `]]>`
   *   would end the construct early.
   */
  constructor(
    private readonly sink: (chunk: string) => void,
    private readonly inCommentLike = false,
  ) {}

  /** Total input written so far. */
  get total(): number {
    return this.length;
  }

  /** Everything before this offset has been copied or dropped. */
  get cursor(): number {
    return this.done;
  }

  /** True once any byte was replaced or dropped. */
  get changed(): boolean {
    return this.edited;
  }

  append(chunk: string): void {
    // What the engine still holds of the previous chunk joins `held`.
    const kept = Math.max(this.start, this.chunkStart);
    const rest = this.chunk.length > kept - this.chunkStart ? this.chunk.slice(kept - this.chunkStart) : "";
    this.held = this.start < this.chunkStart ? this.held + rest : rest;
    this.chunkStart = this.length;
    this.chunk = chunk;
    this.length += chunk.length;
  }

  slice(from: number, to: number): string {
    const split = this.chunkStart;
    if (from >= split) return this.chunk.slice(from - split, to - split);
    if (to <= split) return this.held.slice(from - this.start, to - this.start);
    return this.held.slice(from - this.start) + this.chunk.slice(0, to - split);
  }

  charCodeAt(offset: number): number {
    const split = this.chunkStart;
    return offset >= split ? this.chunk.charCodeAt(offset - split) : this.held.charCodeAt(offset - this.start);
  }

  /** Offset of the first `character` at or after `from`, or -1: one UTF-16 unit, never split between the strings. */
  indexOf(character: string, from: number): number {
    const split = this.chunkStart;
    if (from < split) {
      const inHeld = this.held.indexOf(character, from - this.start);
      if (inHeld >= 0) return inHeld + this.start;
      from = split;
    }
    const found = this.chunk.indexOf(character, from - split);
    return found < 0 ? -1 : found + split;
  }

  /** Copies the input up to `to` (when `keep`) or drops it. */
  advance(to: number, keep: boolean): void {
    if (to <= this.done) return;
    if (keep) this.copy(this.done, to);
    else this.removed();
    this.done = to;
  }

  /** Replaces [from, to) with `replacement`, copying what comes before it. */
  replace(from: number, to: number, replacement: string): void {
    if (from > this.done) this.copy(this.done, from);
    if (replacement === "") this.removed();
    else this.emit(replacement);
    this.done = Math.max(this.done, to);
    this.edited = true;
  }

  /** Drops [from, to), copying what comes before it. */
  drop(from: number, to: number): void {
    if (from > this.done) this.copy(this.done, from);
    if (to > Math.max(from, this.done)) this.removed();
    this.done = Math.max(this.done, to);
  }

  private removed(): void {
    this.edited = true;
    this.beforeRemoval ??= this.lastEmitted;
  }

  /** Hands on the input [from, to) unchanged: it extends the open run when it follows it. */
  private copy(from: number, to: number): void {
    if (to <= from) return;
    if (this.beforeRemoval !== undefined) this.separateFromRemoval(this.charCodeAt(from));
    if (this.runTo !== from || this.runTo === this.runFrom) {
      this.closeRun();
      this.runFrom = from;
    }
    this.runTo = to;
    this.lastEmitted = this.charCodeAt(to - 1);
  }

  /** Hands on a replacement text. */
  private emit(text: string): void {
    if (text === "") return;
    if (this.beforeRemoval !== undefined) this.separateFromRemoval(text.charCodeAt(0));
    this.closeRun();
    this.pending.push(text);
    this.lastEmitted = text.charCodeAt(text.length - 1);
  }

  /** Keeps a space after a removal when the text that follows would join the text before it into markup. */
  private separateFromRemoval(next: number): void {
    const before = this.beforeRemoval!;
    this.beforeRemoval = undefined;
    if (formsDelimiter(before, next, this.inCommentLike)) {
      this.closeRun();
      this.pending.push(" ");
    }
  }

  /** Turns the open run of input into a string (one slice). */
  private closeRun(): void {
    if (this.runTo === this.runFrom) return;
    this.pending.push(this.slice(this.runFrom, this.runTo));
    this.runFrom = this.runTo;
  }

  /** Forgets the input before `keepFrom` (never past the cursor) and hands the pending output to the sink. */
  flush(keepFrom: number): void {
    this.closeRun();
    keepFrom = Math.min(keepFrom, this.done);
    if (keepFrom > this.start) {
      this.held = keepFrom >= this.chunkStart ? "" : this.held.slice(keepFrom - this.start);
      this.start = keepFrom;
    }
    if (this.pending.length === 0) return;
    // Concatenated, not joined: V8 keeps the pieces as a rope and copies them once, when the reader first needs
    // the characters (join copies them here, and writing to a socket or file copies them again).
    let chunk = "";
    for (const piece of this.pending) chunk += piece;
    this.pending = [];
    if (chunk !== "") this.sink(chunk);
  }
}

/** True when `before` followed by `after` would start markup that neither side was (see the top of the file). */
function formsDelimiter(before: number, after: number, inCommentLike: boolean): boolean {
  if (before === 0x3c /* < */) {
    // A tag name, `/`, `!` or `?` after `<` opens a tag, an end tag, a comment or a bogus comment.
    return (after | 0x20) >= 0x61 && (after | 0x20) <= 0x7a ? true : after === 0x2f || after === 0x21 || after === 0x3f;
  }
  if (!inCommentLike) return false;
  // `--`, `->`, `-!`, `!>` can complete `-->` or `--!>`; `]]` and `]>` can complete `]]>`.
  if (before === 0x2d /* - */ || before === 0x21 /* ! */) return after === 0x2d || after === 0x3e || after === 0x21;
  return before === 0x5d /* ] */ && (after === 0x5d || after === 0x3e);
}
