// An mbox split at its From_ lines, and a cleaned message made safe to put back.

import { describe, expect, it } from "vitest";
import { quoteFromLines, splitMbox } from "../../src/cli/mbox.js";

const text = (buffer: Buffer) => buffer.toString("latin1");

describe("splitMbox", () => {
  it("splits at a From_ line after a blank line and before a header; the parts join back byte for byte", () => {
    const input = Buffer.from("From a@x Wed Dec  2 04:00:00 2026\nSubject: 1\n\nbody\n\nFrom b@x Wed Dec  2 05:00:00 2026\r\nSubject: 2\r\n\r\nbody 2\n");
    const messages = splitMbox(input)!;
    expect(messages.map((entry) => [text(entry.fromLine), text(entry.message)])).toEqual([
      ["From a@x Wed Dec  2 04:00:00 2026\n", "Subject: 1\n\nbody\n\n"],
      ["From b@x Wed Dec  2 05:00:00 2026\r\n", "Subject: 2\r\n\r\nbody 2\n"],
    ]);
    expect(Buffer.concat(messages.flatMap((entry) => [entry.fromLine, entry.message])).equals(input)).toBe(true);
  });

  it("a single message, or none opening with a From_ line, is not an mbox", () => {
    expect(splitMbox(Buffer.from("From a@x date\nSubject: 1\n\nbody\n"))).toBeUndefined();
    expect(splitMbox(Buffer.from("Subject: 1\n\nbody\n\nFrom b@x date\nSubject: 2\n\n"))).toBeUndefined();
  });

  it("keeps in its message a quoted >From line, a From line with no blank line before, and one not followed by a header", () => {
    const input = Buffer.from("From a@x date\nSubject: 1\n\n>From here\n\nbody\nFrom there\nX: y\n\nFrom now on, we write.\nthanks\n");
    expect(splitMbox(input)).toBeUndefined();
  });
});

describe("quoteFromLines", () => {
  it("quotes a From line cleaning left as a boundary, and nothing else", () => {
    expect(text(quoteFromLines(Buffer.from("S: 1\n\nbody\n\nFrom me\nX: y\n")))).toBe("S: 1\n\nbody\n\n>From me\nX: y\n");
    const kept = Buffer.from("S: 1\n\n>From me\nFrom you\nX: y\n\nFrom us, thanks\n");
    expect(quoteFromLines(kept)).toBe(kept);
  });
});
