// One input cleaned in the shape the CLI reports: HTML or a raw message, told apart by content.

import { describe, expect, it } from "vitest";
import { cleanInput } from "../../src/cli/clean-file.js";
import { trackedMessage } from "../support/messages.js";

describe("cleanInput: a message saved with an envelope line", () => {
  for (const [name, line] of [
    ["Thunderbird's From - line", "From - Thu Dec  3 12:00:00 2026\r\nX-Mozilla-Status: 0001\r\n"],
    ["an mbox From_ line", "From news@shop.example Thu Dec  3 12:00:00 2026\r\n"],
  ] as const) {
    it(`cleans its parts and headers and keeps ${name} byte for byte`, async () => {
      const input = Buffer.from(line + trackedMessage(), "latin1");
      const { output, result } = await cleanInput("saved.eml", input, {});
      const plain = await cleanInput("plain.eml", Buffer.from(trackedMessage(), "latin1"), {});
      expect(result.kind).toBe("eml");
      expect(result.findings.some((finding) => finding.action === "removed-element")).toBe(true);
      expect(result.removedHeaders).toContain("disposition-notification-to");
      expect(output.toString("latin1")).toBe(line + plain.output.toString("latin1"));
    });
  }

  it("reports under dryRun what would change, and leaves the bytes as they were", async () => {
    const input = Buffer.from(`From - Thu Dec  3 12:00:00 2026\r\n${trackedMessage()}`, "latin1");
    const { output, result } = await cleanInput("saved.eml", input, { dryRun: true });
    expect(result.changed).toBe(false);
    expect(result.findings.some((finding) => finding.action === "removed-element")).toBe(true);
    expect(output.equals(input)).toBe(true);
  });

  it("cleans an .emlx's message, keeps its property list, and updates its byte count", async () => {
    const message = trackedMessage("\n");
    const plist = '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict/></plist>\n';
    const input = Buffer.from(`${Buffer.byteLength(message, "latin1")}      \n${message}${plist}`, "latin1");
    const { output, result } = await cleanInput("m.emlx", input, {});
    const cleaned = (await cleanInput("m.eml", Buffer.from(message, "latin1"), {})).output;
    expect(result.kind).toBe("eml");
    expect(output.toString("latin1")).toBe(`${cleaned.length}      \n${cleaned.toString("latin1")}${plist}`);
  });
});
