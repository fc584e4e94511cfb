// The line a saved message can open with (mbox From_, .emlx byte count), set aside and put back.

import { describe, expect, it } from "vitest";
import { envelopeLine, joinEnvelope, splitEnvelope } from "../../src/cli/envelope-line.js";

describe("envelopeLine", () => {
  it("is the From_ line or the byte count line, with its line break", () => {
    expect(envelopeLine("From - Thu Dec  3 12:00:00 2026\r\nX-Mozilla-Status: 0001\r\n")).toBe("From - Thu Dec  3 12:00:00 2026\r\n");
    expect(envelopeLine("1843      \nFrom: a@example.com\n")).toBe("1843      \n");
  });

  it("is empty for a header, or a line without its break", () => {
    expect(envelopeLine("From: a@example.com\r\n")).toBe("");
    expect(envelopeLine("From a")).toBe("");
    expect(envelopeLine("12a\n")).toBe("");
  });
});

describe("splitEnvelope / joinEnvelope", () => {
  it("keeps a From_ line byte for byte around the message", () => {
    const input = Buffer.from("From - Thu Dec  3 12:00:00 2026\r\nSubject: x\r\n\r\nbody\r\n", "latin1");
    const envelope = splitEnvelope(input);
    expect(envelope.before.toString("latin1")).toBe("From - Thu Dec  3 12:00:00 2026\r\n");
    expect(envelope.message.toString("latin1")).toBe("Subject: x\r\n\r\nbody\r\n");
    expect(envelope.after.length).toBe(0);
    expect(joinEnvelope(envelope, envelope.message).equals(input)).toBe(true);
    expect(joinEnvelope(envelope, Buffer.from("Subject: x\r\n\r\n")).toString("latin1")).toBe("From - Thu Dec  3 12:00:00 2026\r\nSubject: x\r\n\r\n");
  });

  it("cuts an .emlx at its byte count, keeps its property list, and updates the count to the new length", () => {
    const message = "Subject: x\n\nbody\n";
    const input = Buffer.from(`${message.length}        \n${message}<?xml version="1.0"?>\n<plist/>\n`, "latin1");
    const envelope = splitEnvelope(input);
    expect(envelope.message.toString("latin1")).toBe(message);
    expect(envelope.after.toString("latin1")).toBe('<?xml version="1.0"?>\n<plist/>\n');
    expect(joinEnvelope(envelope, envelope.message).equals(input)).toBe(true);
    expect(joinEnvelope(envelope, Buffer.from("Subject: x\n\n")).toString("latin1")).toBe('12        \nSubject: x\n\n<?xml version="1.0"?>\n<plist/>\n');
  });

  it("takes the whole rest as the message when the count runs past the end", () => {
    const envelope = splitEnvelope(Buffer.from("999\nSubject: x\n\n"));
    expect(envelope.message.toString()).toBe("Subject: x\n\n");
    expect(envelope.after.length).toBe(0);
  });

  it("returns the message itself when there is no envelope line", () => {
    const input = Buffer.from("Subject: x\n\n");
    expect(splitEnvelope(input).message.equals(input)).toBe(true);
    const cleaned = Buffer.from("y");
    expect(joinEnvelope(splitEnvelope(input), cleaned)).toBe(cleaned);
  });
});
