// Soft line breaks of `format=flowed` text (RFC 3676): a line that ends in a space continues on the next one. With
// `delsp=yes` the reader deletes that space too, so a long URL can be cut anywhere and read back whole
// (`…&utm_medium= ␍␊email&code=42` is `…&utm_medium=email&code=42`). Cleaned line by line, its head would lose the
// parameters its tail completes, and the reader would glue the rest onto what is left (`?id=1email`). Such a URL is
// left as it is (and reported): the simplest reading that cannot cut one. With `delsp=no` the space stays in the
// text, so a URL ends before it, and is cleaned as any other.

/**
 * For a `delsp=yes` flowed text: whether the URL characters at [start, end) run into a soft line break (`end` is
 * at a space that ends its line) or come straight after one (`start` begins a line whose previous line is soft).
 * Undefined (nothing to leave) for other texts.
 */
export function touchesSoftBreak(text: string, flowed: boolean, delSp: boolean): ((start: number, end: number) => boolean) | undefined {
  if (!flowed || !delSp) return undefined;
  return (start, end) => isSoftBreak(text, end) || (start > 0 && text.charCodeAt(start - 1) === 0x0a /* \n */ && isSoftBreak(text, lineEndBefore(text, start - 1)));
}

/** A space at `at` that ends its line (before CRLF or LF), other than a signature separator (`-- `). */
function isSoftBreak(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 0x20) return false;
  const next = text.charCodeAt(at + 1);
  if (next !== 0x0a && !(next === 0x0d && text.charCodeAt(at + 2) === 0x0a)) return false;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return text.slice(lineStart, at + 1) !== "-- ";
}

/** Where the line that ends with the line feed at `lineFeed` ends: its CR, or the LF. */
function lineEndBefore(text: string, lineFeed: number): number {
  return lineFeed > 0 && text.charCodeAt(lineFeed - 1) === 0x0d ? lineFeed - 2 : lineFeed - 1;
}
