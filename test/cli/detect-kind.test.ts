// Telling a raw message from an HTML document by its first bytes.

import { describe, expect, it } from "vitest";
import { detectKind } from "../../src/cli/detect-kind.js";
import { trackedMessage } from "../support/messages.js";

describe("detectKind", () => {
  it("reads a header block as a message and markup as HTML", () => {
    expect(detectKind(trackedMessage())).toBe("eml");
    expect(detectKind(trackedMessage("\n"))).toBe("eml");
    expect(detectKind("<p>From: a@example.com</p>")).toBe("html");
    expect(detectKind("Subject line without a colon")).toBe("html");
  });

  it("skips one leading mbox From_ line (RFC 4155), as mbox splitters and Thunderbird's Save As write it", () => {
    expect(detectKind(`From - Thu Dec  3 12:00:00 2026\r\nX-Mozilla-Status: 0001\r\n${trackedMessage()}`)).toBe("eml");
    expect(detectKind(`From news@shop.example Thu Dec  3 12:00:00 2026\n${trackedMessage("\n")}`)).toBe("eml");
  });

  it("skips the byte count line that opens an Apple Mail .emlx", () => {
    expect(detectKind(`1843      \n${trackedMessage("\n")}`)).toBe("eml");
  });

  it("skips only one such line, and only before a header block", () => {
    expect(detectKind(`From the desk of Ann\n<p>Hello</p>`)).toBe("html");
    expect(detectKind(`From a\nFrom b\n${trackedMessage()}`)).toBe("html");
    expect(detectKind(`42\n<p>Hello</p>`)).toBe("html");
    expect(detectKind(`From a\n`)).toBe("html");
  });
});
