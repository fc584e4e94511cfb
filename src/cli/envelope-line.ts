// A saved message can open with one line that is not part of the message: the mbox "From_" line (RFC 4155,
// `From sender date`), which mbox splitters and Thunderbird's "Save As" (`From - date`) leave at the top, or the
// byte count Apple Mail writes before the message of an .emlx file (which then ends with an XML property list).
// The CLI sets that line (and an .emlx's trailer) aside, cleans the message, and puts them back.

/** A saved message split into the envelope line, the message itself, and what follows the message (.emlx). */
export interface Envelope {
  readonly before: Buffer;
  readonly message: Buffer;
  readonly after: Buffer;
}

const fromLine = /^From [^\r\n]*\r?\n/; // "From " with a space: "From:" is a header
const byteCountLine = /^(\d+)[ \t]*\r?\n/;

/** The leading envelope line of `head` (a From_ line or an .emlx byte count), or "" when it opens with none. */
export function envelopeLine(head: string): string {
  return (fromLine.exec(head) ?? byteCountLine.exec(head))?.[0] ?? "";
}

/** Splits `input` around its message; with no envelope line, `message` is the whole input. */
export function splitEnvelope(input: Buffer): Envelope {
  const line = envelopeLine(input.subarray(0, 1024).toString("latin1"));
  const before = input.subarray(0, line.length);
  const rest = input.subarray(line.length);
  const count = byteCountLine.exec(line);
  // An .emlx: the count says where the message ends; a count past the end is not trusted.
  const length = count && Number(count[1]) <= rest.length ? Number(count[1]) : rest.length;
  return { before, message: rest.subarray(0, length), after: rest.subarray(length) };
}

/** Joins an envelope around a cleaned message; an .emlx's byte count is updated to the cleaned message's length. */
export function joinEnvelope(envelope: Envelope, message: Buffer): Buffer {
  if (envelope.before.length === 0 && envelope.after.length === 0) return message;
  const line = envelope.before.toString("latin1");
  const before = byteCountLine.test(line) ? Buffer.from(line.replace(/^\d+/, String(message.length)), "latin1") : envelope.before;
  return Buffer.concat([before, message, envelope.after]);
}
