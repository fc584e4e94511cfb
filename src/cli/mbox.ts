// An mbox file (RFC 4155: what Thunderbird, mutt and Google Takeout export) holds several messages, each opened by
// a "From " line. A line is a boundary when it starts with "From ", follows a blank line, and is followed by a
// header line: mbox writers quote a body line that starts with "From " as ">From ", so an unquoted one after a
// blank line opens the next message. The header check keeps a stray unquoted "From " line in a lax export inside
// its message.
//
// The messages are cleaned as they are stored: ">From " lines are not unquoted, so they come back as they were,
// and the framing (the From_ lines, the blank line before each) is kept byte for byte.

/** One message of an mbox: its From_ line and the message that follows (up to and with the blank line before the next From_ line). */
export interface MboxMessage {
  readonly fromLine: Buffer;
  readonly message: Buffer;
}

const boundary = /\n\r?\n(From [^\r\n]*\r?\n)(?=[!-9;-~]+:)/g;
const newBoundary = /\n(\r?\n)(From [^\r\n]*\r?\n[!-9;-~]+:)/g;

/** The messages of `input` when it is an mbox with more than one message; undefined otherwise. */
export function splitMbox(input: Buffer): MboxMessage[] | undefined {
  const text = input.toString("latin1"); // one character per byte: offsets are byte offsets
  const first = /^From [^\r\n]*\r?\n/.exec(text);
  if (first === null) return undefined;
  const starts: { line: number; body: number }[] = [{ line: 0, body: first[0].length }];
  for (const match of text.matchAll(boundary)) {
    const line = match.index + match[0].length - match[1]!.length;
    starts.push({ line, body: line + match[1]!.length });
  }
  if (starts.length === 1) return undefined;
  return starts.map((start, index) => ({
    fromLine: input.subarray(start.line, start.body),
    message: input.subarray(start.body, starts[index + 1]?.line ?? input.length),
  }));
}

/**
 * A cleaned message made safe to put back: a line that cleaning left as a boundary (an element removed before a
 * "From " line) would open a new message, so it is quoted as ">From ", as mbox writers do. The stored message
 * holds no boundary (it would have been split there), so only lines cleaning made are quoted.
 */
export function quoteFromLines(message: Buffer): Buffer {
  const text = message.toString("latin1");
  const quoted = text.replace(newBoundary, "\n$1>$2");
  return quoted === text ? message : Buffer.from(quoted, "latin1");
}
