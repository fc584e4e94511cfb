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

describe("cleanInput: the findings of a message's plain-text part", () => {
  it("say what was removed and name the vendor, as its HTML twin does", async () => {
    const { result } = await cleanInput("m.eml", Buffer.from(trackedMessage(), "latin1"), {});
    const text = result.findings.find((finding) => finding.part === "1.1")!;
    const html = result.findings.find((finding) => finding.part === "1.2" && finding.action === "rewrote-url")!;
    expect(html).toMatchObject({ reason: "removed utm_source, utm_medium", vendor: "Google Analytics" });
    expect(text).toMatchObject({ action: "rewrote-url", applied: true, detector: "click-tracking", reason: html.reason, vendor: html.vendor, url: html.url, newUrl: html.newUrl });
  });

  it("say what a redirect was, and are not applied under dryRun", async () => {
    const wrapped = `https://www.google.com/url?q=${encodeURIComponent("https://shop.example/a?utm_source=news&id=7")}&sa=D`;
    const message = `From: a@example.com\r\nContent-Type: text/plain\r\n\r\nSee ${wrapped}\r\n`;
    const { result } = await cleanInput("m.eml", Buffer.from(message), { dryRun: true });
    expect(result.findings).toMatchObject([{ part: "TEXT", applied: false, reason: "unwrapped Google redirect; removed utm_source", vendor: "Google", newUrl: "https://shop.example/a?id=7" }]);
    expect(result).toMatchObject({ changed: false, wouldChange: true });
  });
});

describe("cleanInput: changed and wouldChange", () => {
  const html = `<p><a href="https://shop.example/a?utm_source=news&amp;id=7">x</a></p>`;

  it("changed: the output differs; wouldChange: cleaning changes, or under dryRun would change, the input", async () => {
    const cleaned = await cleanInput("a.html", Buffer.from(html), {});
    expect(cleaned.result).toMatchObject({ changed: true, wouldChange: true });
    const dry = await cleanInput("a.html", Buffer.from(html), { dryRun: true });
    expect(dry.result).toMatchObject({ changed: false, wouldChange: true });
    expect(dry.output.toString()).toBe(html);
    const audit = await cleanInput("a.eml", Buffer.from(trackedMessage(), "latin1"), { preset: "audit" });
    expect(audit.result).toMatchObject({ changed: false, wouldChange: true });
    const nothing = await cleanInput("b.html", Buffer.from("<p>x</p>"), { dryRun: true });
    expect(nothing.result).toMatchObject({ changed: false, wouldChange: false });
  });
});

describe("cleanInput: an mbox with several messages", () => {
  const first = "From: a@shop.example\nTo: ann@example.com\nSubject: hello\nContent-Type: text/plain\n\nhello, nothing tracked here\n\n";
  const second = trackedMessage("\n");
  const mbox = `From news@shop.example Wed Dec  2 04:00:00 2026\n${first}From news@shop.example Wed Dec  2 05:00:00 2026\n${second}`;

  it("cleans every message, names its findings by message number, and keeps the framing byte for byte", async () => {
    const { output, result } = await cleanInput("Inbox.mbox", Buffer.from(mbox, "latin1"), {});
    const alone = await cleanInput("m.eml", Buffer.from(second, "latin1"), {});
    expect(output.toString("latin1")).toBe(`From news@shop.example Wed Dec  2 04:00:00 2026\n${first}From news@shop.example Wed Dec  2 05:00:00 2026\n${alone.output.toString("latin1")}`);
    expect(result.changed).toBe(true);
    expect(result.findings.length).toBe(alone.result.findings.length);
    expect(result.findings.every((finding) => finding.part?.startsWith("2/"))).toBe(true);
    expect(result.removedHeaders).toEqual(alone.result.removedHeaders);
  });

  it("under dryRun reports the second message's findings and writes the input as it was", async () => {
    const input = Buffer.from(mbox, "latin1");
    const { output, result } = await cleanInput("Inbox.mbox", input, { dryRun: true });
    expect(output.equals(input)).toBe(true);
    expect(result.wouldChange).toBe(true);
    expect(result.findings.some((finding) => finding.action === "removed-element" && finding.part?.startsWith("2/"))).toBe(true);
  });
});
