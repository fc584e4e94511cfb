// End to end with real components: nodemailer's SMTP transport sends to smtp-server on 127.0.0.1, and the raw
// message it receives is parsed with postal-mime.

import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import nodemailer from "nodemailer";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MailReport, stripTrackingPlugin } from "../../src/adapters/nodemailer.js";
import { cleanLink, pdfBytes, pixel, trackedLink } from "../support/messages.js";
import type { Rewriter } from "../../src/types.js";

const html = `<html><body><p>Spring sale</p><a href="${trackedLink}">Buy</a>${pixel}</body></html>`;
const text = `Spring sale\nBuy: ${trackedLink}\n`;

let server: SMTPServer;
let port = 0;
const received: Buffer[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function transporter(options?: Parameters<typeof stripTrackingPlugin>[0]) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, logger: false });
  transport.use("compile", stripTrackingPlugin(options));
  return transport;
}

async function send(message: Record<string, unknown>, options?: Parameters<typeof stripTrackingPlugin>[0]) {
  const before = received.length;
  await transporter(options).sendMail({
    from: "Shop <news@shop.example>",
    to: "Ann <ann@example.com>",
    cc: ["bob@example.org"],
    subject: "Spring sale",
    text,
    headers: { "Disposition-Notification-To": "news@shop.example", "Return-Receipt-To": "news@shop.example", "X-Keep": "yes" },
    list: { unsubscribe: "https://shop.example/unsub?u=1&utm_source=x" },
    attachments: [{ filename: "a.pdf", content: pdfBytes, contentType: "application/pdf" }],
    ...message,
  });
  expect(received.length).toBe(before + 1);
  return PostalMime.parse(received.at(-1)!);
}

function expectClean(parsed: Awaited<ReturnType<typeof PostalMime.parse>>, attachments = 1) {
  expect(parsed.html).toContain(`<a href="${cleanLink}">Buy</a>`);
  expect(parsed.html).not.toContain("open.tracker.example");
  expect(parsed.html).not.toContain("utm_");
  expect(parsed.text).toContain(`Buy: ${cleanLink}`);
  const header = (key: string) => parsed.headers.find((entry) => entry.key === key)?.value;
  expect(header("disposition-notification-to")).toBeUndefined();
  expect(header("return-receipt-to")).toBeUndefined();
  expect(header("x-keep")).toBe("yes");
  expect(header("list-unsubscribe")).toBe("<https://shop.example/unsub?u=1&utm_source=x>");
  // postal-mime lists the extra alternatives (watchHtml, amp, ...) as attachments too.
  expect(parsed.attachments).toHaveLength(attachments);
  const pdf = parsed.attachments.find((attachment) => attachment.mimeType === "application/pdf");
  expect(Buffer.from(pdf!.content as ArrayBuffer).equals(pdfBytes)).toBe(true);
}

describe("stripTrackingPlugin through SMTP", () => {
  it("cleans html given as a string", async () => {
    expectClean(await send({ html }));
  });

  it("cleans html given as a Buffer", async () => {
    expectClean(await send({ html: Buffer.from(html) }));
  });

  it("cleans html given as a stream", async () => {
    expectClean(await send({ html: Readable.from([html.slice(0, 40), html.slice(40)]) }));
  });

  it("cleans html given as a path", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "strip-tracking-")), "mail.html");
    writeFileSync(path, html);
    expectClean(await send({ html: { path } }));
  });

  it("cleans watchHtml, amp and text/html and text/plain alternatives, and reports with the message's recipients", async () => {
    let report: MailReport | undefined;
    const parsedRaw = await send(
      {
        html,
        watchHtml: html,
        amp: `<!doctype html><html ⚡4email><body><a href="${trackedLink}">Buy</a></body></html>`,
        alternatives: [
          { contentType: "text/calendar", content: `URL:${trackedLink}` },
        ],
      },
      { onReport: (value) => (report = value) },
    );
    expectClean(parsedRaw, 4);
    for (const attachment of parsedRaw.attachments.filter((item) => item.mimeType.startsWith("text/"))) {
      const content = typeof attachment.content === "string" ? attachment.content : Buffer.from(attachment.content as ArrayBuffer).toString("utf8");
      expect(content).not.toContain("open.tracker.example");
      if (attachment.mimeType !== "text/calendar") expect(content).not.toContain("utm_");
    }
    const calendar = parsedRaw.attachments.find((attachment) => attachment.mimeType === "text/calendar");
    expect(Buffer.from(calendar!.content as ArrayBuffer).toString("utf8").trim()).toBe(`URL:${trackedLink}`); // not ours to touch
    expect(report?.recipients).toEqual(["ann@example.com", "bob@example.org"]);
    expect(report?.watchHtml?.findings.map((finding) => finding.action)).toEqual(["rewrote-url", "removed-element"]);
    expect(report?.amp?.findings.map((finding) => finding.action)).toEqual(["rewrote-url"]);
    expect(report?.removedHeaders).toEqual(["Disposition-Notification-To", "Return-Receipt-To"]);
  });

  it("cleans text/html and text/plain alternatives", async () => {
    let report: MailReport | undefined;
    await send(
      { html: "<p>hi</p>", alternatives: [{ contentType: "text/html", content: html }, { contentType: "text/plain; charset=utf-8", content: Buffer.from(text) }] },
      { onReport: (value) => (report = value) },
    );
    const raw = received.at(-1)!.toString("utf8");
    expect(raw).not.toContain("open.tracker.example");
    expect(raw).not.toContain("utm_medium");
    expect(report?.alternatives.map((alternative) => alternative.index)).toEqual([0, 1]);
  });

  it("reads and writes a Buffer alternative in the charset its contentType names (iso-8859-1 é, windows-1252 “ ” €)", async () => {
    const contents: unknown[] = [];
    await send(
      {
        html: "<p>hi</p>",
        alternatives: [
          { contentType: "text/html; charset=iso-8859-1", content: Buffer.from(`<p>caf\xe9</p>${pixel}`, "latin1") },
          { contentType: 'text/html; charset="windows-1252"', content: Buffer.from(`<p>\x93s\x94 \x80</p>${pixel}`, "latin1") },
        ],
      },
      { onReport: (_report, mail) => contents.push(...((mail.data as { alternatives: { content: unknown }[] }).alternatives.map((item) => item.content))) },
    );
    expect(contents).toEqual([Buffer.from("<p>caf\xe9</p>", "latin1"), Buffer.from("<p>\x93s\x94 \x80</p>", "latin1")]);
    const raw = received.at(-1)!.toString("latin1");
    expect(raw).not.toContain("open.tracker.example");
    expect(raw).not.toContain("=EF=BF=BD");
    expect(raw).toContain("<p>caf=E9</p>");
    expect(raw).toContain(Buffer.from("<p>\x93s\x94 \x80</p>", "latin1").toString("base64")); // nodemailer picks base64 here
  });

  it("cleans a Buffer with bytes its charset does not define, writing every other byte back as it was", async () => {
    const invalid = Buffer.from(`<p>caf\xe9</p>${pixel}`, "latin1"); // a Latin-1 é, labelled (or read as) UTF-8
    const cleaned = Buffer.from("<p>caf\xe9</p>", "latin1");
    let report: MailReport | undefined;
    let data: { html?: unknown; alternatives: { content: unknown }[] } | undefined;
    await send(
      { html: invalid, alternatives: [{ contentType: "text/html; charset=utf-8", content: invalid }] },
      { onReport: (value, mail) => ((report = value), (data = mail.data as typeof data)) },
    );
    expect(Buffer.isBuffer(data?.html) && data.html.equals(cleaned)).toBe(true);
    expect(Buffer.isBuffer(data?.alternatives[0]?.content) && (data.alternatives[0].content as Buffer).equals(cleaned)).toBe(true);
    expect(report?.html?.changed).toBe(true);
    expect(received.at(-1)!.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
  });

  it("says which contents it left as they were, and why", async () => {
    const cyrillic: Rewriter = { name: "cyrillic", rewrite: (finding) => finding.resource && { kind: "replace-url", resource: finding.resource, url: "https://proxy.example/при" } };
    const cyrillicLink = Buffer.from(`<p>caf\xe9</p>${pixel}`, "latin1");
    const loneLeadByte = Buffer.concat([Buffer.from("<p>"), Buffer.from([0x82]), Buffer.from(`</p>${pixel}`)]);
    let report: MailReport | undefined;
    await send(
      {
        alternatives: [
          { contentType: "text/html; charset=windows-1252", content: cyrillicLink },
          { contentType: "text/html; charset=shift_jis", content: loneLeadByte },
        ],
      },
      { rewriters: [cyrillic], onReport: (value) => (report = value) },
    );
    expect(report?.skipped).toEqual([
      { field: "alternatives", index: 0, reason: 'the cleaned text has characters charset "windows-1252" cannot hold' },
      { field: "alternatives", index: 1, reason: 'bytes that would not be written back as they were in charset "shift_jis"' },
    ]);
    expect(report?.alternatives).toEqual([]);
  });

  it("cleans an alternative without a contentType as nodemailer sends it (text/plain, or HTML by its file name)", async () => {
    let report: MailReport | undefined;
    await send(
      { alternatives: [{ content: `Buy: ${trackedLink}\n` }, { content: `<a href="${trackedLink}">Buy</a>`, filename: "offer.html" }] },
      { onReport: (value) => (report = value) },
    );
    expect(report?.alternatives.map(({ index }) => index)).toEqual([0, 1]);
    expect(report?.alternatives.map(({ report: part }) => part.changed)).toEqual([true, true]);
    expect(received.at(-1)!.toString("latin1")).not.toMatch(/utm_source=(?:3D)?news/);
  });

  it("hands on only the recipients the recipient option takes: an odd address in `to` does not stop the mail", async () => {
    let report: MailReport | undefined;
    await send({ to: ["j\udce9rg@x.example", "ann@example.com"], html }, { onReport: (value) => (report = value) });
    expect(report?.recipients).toEqual(["ann@example.com", "bob@example.org"]);
  });

  it("removes read-receipt headers given as an array, never List-Unsubscribe", async () => {
    const parsed = await send({
      html,
      headers: [
        { key: "read-receipt-to", value: "x@shop.example" },
        { key: "X-Confirm-Reading-To", value: "x@shop.example" },
        { key: "List-Unsubscribe", value: "<mailto:unsub@shop.example>" },
      ],
      list: undefined,
    });
    const keys = parsed.headers.map((header) => header.key);
    expect(keys).not.toContain("read-receipt-to");
    expect(keys).not.toContain("x-confirm-reading-to");
    expect(keys).toContain("list-unsubscribe");
  });

  it("passes an error to done: sendMail rejects", async () => {
    await expect(send({ html: { path: "/nonexistent/strip-tracking.html" } })).rejects.toThrow(/ENOENT/);
  });

  it("honours recipient over the message's own, and dryRun", async () => {
    let report: MailReport | undefined;
    const parsed = await send({ html }, { recipient: "zed@example.net", dryRun: true, onReport: (value) => (report = value) });
    expect(report?.recipients).toEqual(["zed@example.net"]);
    expect(parsed.html).toContain("open.tracker.example");
    expect(parsed.headers.map((header) => header.key)).toContain("disposition-notification-to");
    expect(report?.html?.findings.every((finding) => !finding.applied)).toBe(true);
  });

  it("throws a TypeError at setup for a bad or unknown option", () => {
    expect(() => stripTrackingPlugin({ amp: "yes" } as never)).toThrow(/option "amp" must be a boolean/);
    expect(() => stripTrackingPlugin({ headers: true } as never)).toThrow(/option "headers" is not a known option/);
  });
});

describe("stripTrackingPlugin: raw messages and the envelope (stream transport)", () => {
  async function sendStream(mail: Record<string, unknown>, options: Parameters<typeof stripTrackingPlugin>[0] = {}) {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    let report: MailReport | undefined;
    transport.use("compile", stripTrackingPlugin({ ...options, onReport: (value) => (report = value) }));
    const info = await transport.sendMail({ from: "help@desk.example", subject: "s", ...mail });
    return { message: (info.message as Buffer).toString("latin1"), report: report! };
  }
  const raw =
    "From: help@desk.example\r\nTo: ann@example.com\r\nDisposition-Notification-To: help@desk.example\r\n" +
    `Content-Type: text/html\r\n\r\n<p>Hi</p><a href="${trackedLink}">Buy</a>${pixel}`;

  for (const [name, value] of [["a string", raw], ["a Buffer", Buffer.from(raw)]] as const) {
    it(`cleans a message sent with raw as ${name}, as the MIME rewriter does, and reports it`, async () => {
      const { message, report } = await sendStream({ raw: value });
      expect(message).not.toContain("open.tracker.example");
      expect(message).toContain(`<a href="${cleanLink}">Buy</a>`);
      expect(message).not.toContain("Disposition-Notification-To");
      expect(report.raw?.changed).toBe(true);
      expect(report.raw?.parts.map((part) => part.part)).toEqual(["TEXT"]);
      expect(report.removedHeaders).toEqual(["disposition-notification-to"]);
      expect(report.skipped).toEqual([]);
    });
  }

  it("a raw message under dryRun is sent as it was, with what would change", async () => {
    const { message, report } = await sendStream({ raw }, { dryRun: true });
    expect(message).toContain("open.tracker.example");
    expect(report.raw?.changed).toBe(false);
    expect(report.raw?.parts[0]?.report).toMatchObject({ changed: false });
  });

  it("a raw message's part it cannot read is named in skipped with field raw", async () => {
    const unknown = raw.replace("Content-Type: text/html", "Content-Type: text/html; charset=x-unknown-42");
    const { message, report } = await sendStream({ raw: unknown });
    expect(report.skipped).toEqual([{ field: "raw", reason: 'part TEXT: unknown charset "x-unknown-42"' }]);
    expect(message).toContain("open.tracker.example");
  });

  it("hands the envelope's recipients to the detectors as well as to, cc and bcc", async () => {
    const { report } = await sendStream({
      to: "customers@desk.example",
      envelope: { from: "help@desk.example", to: ["ann@example.com", { name: "Bob", address: "Bob@Example.org" }], cc: "carl@example.net" },
      html: "<p>Hi</p>",
    });
    expect(report.recipients).toEqual(["customers@desk.example", "ann@example.com", "bob@example.org", "carl@example.net"]);
  });

  it("without an envelope, the recipients are to, cc and bcc only", async () => {
    const { report } = await sendStream({ to: "ann@example.com", bcc: "bob@example.org", html: "<p>Hi</p>" });
    expect(report.recipients).toEqual(["ann@example.com", "bob@example.org"]);
  });
});
