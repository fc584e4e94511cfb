// The changes stripping made, for highlighting: a Myers diff over small tokens (words, spaces, quoted strings, single
// punctuation), so that a removed attribute shows as that attribute, not as a whole changed tag.

/** A run of the cleaned view: kept text, text stripping removed, or text it wrote in its place. */
export interface Piece {
  readonly kind: "same" | "removed" | "added";
  readonly text: string;
}

const tokenPattern = /\s+|[A-Za-z0-9_-]+|"[^"]*"|'[^']*'|[^]/g;

/** The tokens of `text`, joined back they are `text`. */
export function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/**
 * The pieces that turn `before` into `after`; undefined when they differ in more than `maxEdits` tokens (the
 * diff's cost grows with the square of the edits).
 */
export function diffPieces(before: string, after: string, maxEdits = 4000): Piece[] | undefined {
  const a = tokenize(before);
  const b = tokenize(after);
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  if (found < 0) return undefined;
  // Walk back through the trace, from the end to the start.
  const pieces: Piece[] = [];
  const push = (kind: Piece["kind"], text: string): void => {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && last.kind === kind) pieces[pieces.length - 1] = { kind, text: text + last.text };
    else pieces.push({ kind, text });
  };
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const w = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && w[offset + k - 1]! < w[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = w[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      push("same", a[--x]!);
      y--;
    }
    if (down) push("added", b[--y]!);
    else push("removed", a[--x]!);
  }
  while (x > 0 && y > 0) {
    push("same", a[--x]!);
    y--;
  }
  return pieces.reverse();
}
