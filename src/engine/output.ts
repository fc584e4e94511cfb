// The engine's bytes: the input still undecided, and the output built from it. Output is the input copied
// through, with only edited spans replaced or dropped.
//
// Offsets are offsets into the whole input. Only the input from `start` on is kept; the engine trims it to what
// is still undecided, so memory is bounded by the largest construct incomplete at a chunk boundary.

export class Output {
  /** Input from offset `start` on. */
  private text = "";
  private start = 0;
  /** Total input length written so far. */
  private length = 0;
  /** Everything before this offset has been copied or dropped. */
  private done = 0;
  private pending: string[] = [];
  private edited = false;

  constructor(private readonly sink: (chunk: string) => void) {}

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
    this.text += chunk;
    this.length += chunk.length;
  }

  slice(from: number, to: number): string {
    return this.text.slice(from - this.start, to - this.start);
  }

  charCodeAt(offset: number): number {
    return this.text.charCodeAt(offset - this.start);
  }

  /** Offset of the first `search` at or after `from`, or -1. */
  indexOf(search: string, from: number): number {
    const found = this.text.indexOf(search, from - this.start);
    return found < 0 ? -1 : found + this.start;
  }

  /** Copies the input up to `to` (when `keep`) or drops it. */
  advance(to: number, keep: boolean): void {
    if (to <= this.done) return;
    if (keep) this.pending.push(this.slice(this.done, to));
    else this.edited = true;
    this.done = to;
  }

  /** Replaces [from, to) with `replacement`, copying what comes before it. */
  replace(from: number, to: number, replacement: string): void {
    if (from > this.done) this.pending.push(this.slice(this.done, from));
    this.pending.push(replacement);
    this.done = Math.max(this.done, to);
    this.edited = true;
  }

  /** Drops [from, to), copying what comes before it. */
  drop(from: number, to: number): void {
    if (from > this.done) this.pending.push(this.slice(this.done, from));
    if (to > Math.max(from, this.done)) this.edited = true;
    this.done = Math.max(this.done, to);
  }

  /** Forgets the input before `keepFrom` (never past the cursor) and hands the pending output to the sink. */
  flush(keepFrom: number): void {
    keepFrom = Math.min(keepFrom, this.done);
    if (keepFrom > this.start) {
      this.text = this.text.slice(keepFrom - this.start);
      this.start = keepFrom;
    }
    if (this.pending.length === 0) return;
    const chunk = this.pending.join("");
    this.pending = [];
    if (chunk !== "") this.sink(chunk);
  }
}
