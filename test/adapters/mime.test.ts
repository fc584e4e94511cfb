import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import PostalMime from "postal-mime";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { stripTrackingFromMime, stripTrackingMimeStream } from "../../src/adapters/mime.js";
import { detectKind } from "../../src/cli/detect-kind.js";
import { stripTrackingWithReport } from "../../src/strip-tracking.js";
import type { Rewriter } from "../../src/types.js";
import { cleanLink, cleanMessage, pdfBytes, singlePart, trackedLink, trackedMessage } from "../support/messages.js";

const parse = (message: Buffer | string) => PostalMime.parse(message);

/** The findings that would still change something (a kept opaque redirect is not a tracker we can remove). */
function removable(html: string): string[] {
  return stripTrackingWithReport(html).report.findings.filter((finding) => finding.action !== "kept").map((finding) => finding.reason);
}

function headerBlock(message: Buffer): string[] {
  const text = message.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  return text.slice(0, end).split(/\r?\n(?![ \t])/);
}

describe("stripTrackingFromMime on written messages", () => {
  for (const lineEnd of ["\r\n", "\n"]) {
    it(`cleans every text part and keeps the rest (${JSON.stringify(lineEnd)} line ends)`, async () => {
      const input = Buffer.from(trackedMessage(lineEnd), "utf8");
      const { message, report } = await stripTrackingFromMime(input);
      const before = await parse(input);
      const after = await parse(message);
      expect(after.html).not.toContain("open.tracker.example");
      expect(after.html).toContain(`href="${cleanLink}"`);
      expect(after.html).toContain("Café news");
      expect(after.text).toContain(`Buy: ${cleanLink}\n`);
      expect(after.headers.find((header) => header.key === "disposition-notification-to")).toBeUndefined();
      expect(after.headers.find((header) => header.key === "x-confirm-reading-to")).toBeUndefined();
      expect(after.headers.find((header) => header.key === "list-unsubscribe")?.value).toBe("<https://shop.example/unsub?u=1&utm_source=x>");
      // Attachments, the attached message included, are byte-identical.
      expect(after.attachments.length).toBe(before.attachments.length);
      for (const [index, attachment] of after.attachments.entries()) {
        expect(Buffer.from(attachment.content as ArrayBuffer)).toEqual(Buffer.from(before.attachments[index]!.content as ArrayBuffer));
      }
      expect(Buffer.from(after.attachments[0]!.content as ArrayBuffer)).toEqual(pdfBytes);
      expect(message.toString("latin1")).toContain(`<p>old</p><img src="https://open.tracker.example/o.gif?id=77e1b2"`);
      // Transfer encodings stay: base64 text, QP html; line endings stay.
      expect(report.parts.map(({ part, contentType, transferEncoding, changed }) => [part, contentType, transferEncoding, changed])).toEqual([
        ["1.1", "text/plain", "base64", true],
        ["1.2", "text/html", "quoted-printable", true],
      ]);
      expect(report.removedHeaders).toEqual(["disposition-notification-to", "x-confirm-reading-to"]);
      if (lineEnd === "\n") expect(message.includes("\r\n")).toBe(false);
      // Every header but the read-receipt ones is as it was, byte for byte.
      expect(headerBlock(message)).toEqual(headerBlock(input).filter((line) => !/^(disposition-notification-to|x-confirm-reading-to):/i.test(line)));
    });
  }

  it("gives back a message with nothing to clean byte for byte", async () => {
    const input = Buffer.from(cleanMessage(), "utf8");
    const { message, report } = await stripTrackingFromMime(input);
    expect(report.changed).toBe(false);
    expect(message.equals(input)).toBe(true);
  });

  it("keeps a clean part's bytes when another part changes", async () => {
    const input = trackedMessage().replace(/(Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n)[^-]*/,
      `$1${Buffer.from("nothing here\n").toString("base64")}\r\n`);
    const { message, report } = await stripTrackingFromMime(input);
    expect(report.parts[0]).toMatchObject({ contentType: "text/plain", changed: false });
    expect(message.toString("latin1")).toContain(`${Buffer.from("nothing here\n").toString("base64")}\r\n--inner`);
  });

  it.each([
    ["iso-8859-1", "quoted-printable"],
    ["windows-1252", "8bit"],
    ["utf-7", "7bit"],
    ["koi8-r", "base64"],
  ])("reads and writes back a %s part in %s", async (charset, transferEncoding) => {
    const words = charset === "koi8-r" ? "Привет" : "Café";
    const html = `<p>${words}</p><a href="${trackedLink}">x</a>${'<img src="https://t.example/o.gif" width="1" height="1">'}`;
    let body = iconv.encode(html, charset);
    if (transferEncoding === "quoted-printable") body = Buffer.from((await import("libqp")).encode(body), "latin1");
    const input = Buffer.from(singlePart(body, { type: "text/html", charset, transferEncoding }), "latin1");
    const { message, report } = await stripTrackingFromMime(input);
    expect(report.parts[0]).toMatchObject({ charset, transferEncoding, changed: true });
    const expected = `<p>${words}</p><a href="${cleanLink}">x</a>`;
    if (charset === "utf-7") {
      // postal-mime (TextDecoder) has no UTF-7: read the body with iconv-lite.
      const raw = message.subarray(message.indexOf("\r\n\r\n") + 4);
      expect(iconv.decode(raw, "utf-7").trim()).toBe(expected);
    } else {
      expect((await parse(message)).html?.trim()).toBe(expected);
    }
    expect(message.toString("latin1")).toContain(`Content-Type: text/html; charset=${charset}`);
    expect(message.toString("latin1")).toContain(`Content-Transfer-Encoding: ${transferEncoding}`);
  });

  it("leaves a part in an unknown charset alone and says why", async () => {
    const input = singlePart(Buffer.from(`<img src="https://t.example/o.gif" width="1" height="1">`), { type: "text/html", charset: "x-unknown-42", transferEncoding: "7bit" });
    const { message, report } = await stripTrackingFromMime(input);
    expect(message.toString()).toBe(input);
    expect(report.parts[0]?.skipped).toBe('unknown charset "x-unknown-42"');
  });

  // Only the pixel goes: every other byte of the part comes back as it was.
  const onePixel = '<img src="https://t.example/o.gif" width="1" height="1">';
  const withPixel = (body: Buffer, charset: string) =>
    Buffer.from(singlePart(Buffer.concat([body, Buffer.from(onePixel)]), { type: "text/html", charset, transferEncoding: "8bit" }), "latin1");

  it.each(["windows-1252", "cp1252"])("writes a changed %s part back with its 0x80–0x9F bytes (“ ” – € ™)", async (charset) => {
    // “s” – €5 ™: 0x93 0x94 0x96 0x80 0x99
    const text = Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x73, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x99, 0x3c, 0x2f, 0x70, 0x3e]);
    const { message, report } = await stripTrackingFromMime(withPixel(text, charset));
    expect(report.parts[0]).toMatchObject({ charset, changed: true });
    expect(message.equals(Buffer.from(singlePart(text, { type: "text/html", charset, transferEncoding: "8bit" }), "latin1"))).toBe(true);
  });

  it("writes a changed part in a WHATWG-only label (x-euc-jp) back in that charset, not UTF-8", async () => {
    const text = iconv.encode("<p>こんにちは</p>", "euc-jp");
    const { message, report } = await stripTrackingFromMime(withPixel(text, "x-euc-jp"));
    expect(report.parts[0]).toMatchObject({ charset: "x-euc-jp", changed: true });
    expect(message.equals(Buffer.from(singlePart(text, { type: "text/html", charset: "x-euc-jp", transferEncoding: "8bit" }), "latin1"))).toBe(true);
  });

  it.each([
    // ISO-2022-JP can be read (TextDecoder) but not written (iconv-lite): never UTF-8 under its label.
    ["an iso-2022-jp", "iso-2022-jp", "7bit", Buffer.from([0x3c, 0x70, 0x3e, 0x1b, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x24, 0x4b, 0x24, 0x41, 0x24, 0x4f, 0x1b, 0x28, 0x42, 0x3c, 0x2f, 0x70, 0x3e]),
      'charset "iso-2022-jp" can be read but not written back'],
    ["a windows-1252", "windows-1252", "8bit", Buffer.from("<p>a\x81b</p>", "latin1"), 'bytes that would not be written back as they were in charset "windows-1252"'],
  ])("leaves %s part whose bytes would not come back as they were untouched, and says why", async (_name, charset, transferEncoding, text, skipped) => {
    const header = charset ? `text/html; charset=${charset}` : "text/html";
    const input = Buffer.concat([
      Buffer.from(`From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: ${header}\r\nContent-Transfer-Encoding: ${transferEncoding}\r\n\r\n`),
      text,
      Buffer.from(`${onePixel}\r\n`),
    ]);
    const { message, report } = await stripTrackingFromMime(input);
    expect(message.equals(input)).toBe(true);
    expect(report.parts[0]).toMatchObject({ charset: charset ?? "utf-8", changed: false, skipped });
    expect(report.changed).toBe(false);
  });

  describe("a part in a charset that can be read but not written back (ISO-2022-JP)", () => {
    const japanese = Buffer.concat([
      Buffer.from("From: a@example.com\r\nTo: ann@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n<p>"),
      Buffer.from([0x1b, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1b, 0x28, 0x42]),
      Buffer.from(`</p>${onePixel}\r\n`),
    ]);

    it("under dryRun is read and its findings reported (nothing written), still named as skipped", async () => {
      const { message, report } = await stripTrackingFromMime(japanese, { dryRun: true });
      expect(message.equals(japanese)).toBe(true);
      const part = report.parts[0]!;
      expect(part).toMatchObject({ charset: "iso-2022-jp", changed: false, skipped: 'charset "iso-2022-jp" can be read but not written back' });
      expect("findings" in part.report && part.report.findings.map((finding) => [finding.detector, finding.applied])).toEqual([["pixel", false]]);
      expect((await stripTrackingFromMime(japanese, { preset: "audit" })).report.parts[0]!.report).toMatchObject({ findings: [{ detector: "pixel" }] });
    });

    it("when cleaning is left as it was, with an empty HTML report (not a text one)", async () => {
      const { message, report } = await stripTrackingFromMime(japanese);
      expect(message.equals(japanese)).toBe(true);
      expect(report.parts[0]!.report).toEqual({ preset: "standard", changed: false, findings: [], warnings: [] });
    });

    it("as text/plain under dryRun, lists the URLs it would clean", async () => {
      const plain = Buffer.from(japanese.toString("latin1").replace("text/html", "text/plain").replace(onePixel, " https://shop.example/?utm_source=x"), "latin1");
      const { report } = await stripTrackingFromMime(plain, { dryRun: true });
      expect(report.parts[0]!.report).toMatchObject({ changed: false, changes: [{ cleaned: "https://shop.example/" }] });
      expect((await stripTrackingFromMime(plain)).report.parts[0]!.report).toEqual({ text: "", changed: false, changes: [] });
    });
  });

  it.each([
    // No charset is read as UTF-8: a Latin-1 é is not, and must not come back as U+FFFD.
    ["a no-charset", undefined, Buffer.from("<p>caf\xe9</p>", "latin1")],
    ["a UTF-8", "utf-8", Buffer.from("<p>caf\xe9 \xe2\x9c\x93</p>", "latin1")],
  ])("cleans %s part with bytes its charset does not define, writing every other byte back as it was", async (_name, charset, text) => {
    const header = charset ? `text/html; charset=${charset}` : "text/html";
    const head = `From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: ${header}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`;
    const { message, report } = await stripTrackingFromMime(Buffer.concat([Buffer.from(head), text, Buffer.from(`${onePixel}\r\n`)]));
    expect(report.parts[0]).toMatchObject({ changed: true });
    expect(report.parts[0]?.skipped).toBeUndefined();
    expect(message.equals(Buffer.concat([Buffer.from(head), text, Buffer.from("\r\n")]))).toBe(true);
  });

  it("leaves a part alone when the cleaned text has characters its charset cannot hold", async () => {
    // A user's rewriter puts Cyrillic in a URL; windows-1252 would write it as "???".
    const cyrillic: Rewriter = { name: "cyrillic", rewrite: (finding) => finding.resource && { kind: "replace-url", resource: finding.resource, url: "https://proxy.example/при" } };
    const input = withPixel(Buffer.from("<p>caf\xe9</p>", "latin1"), "windows-1252");
    const { message, report } = await stripTrackingFromMime(input, { rewriters: [cyrillic] });
    expect(message.equals(input)).toBe(true);
    expect(report.parts[0]).toMatchObject({ changed: false, skipped: 'the cleaned text has characters charset "windows-1252" cannot hold' });
  });

  it("writes an unwrapped redirect's destination percent-encoded past its host, so a legacy charset holds it", async () => {
    const redirect = '<a href="https://www.google.com/url?q=https://shop.example/%D0%BF%D1%80%D0%B8&amp;sa=D">x</a>';
    const { message, report } = await stripTrackingFromMime(withPixel(Buffer.from(`<p>caf\xe9</p>${redirect}`, "latin1"), "windows-1252"));
    expect(report.parts[0]).toMatchObject({ changed: true });
    expect(message.toString("latin1")).toContain('<p>caf\xe9</p><a href="https://shop.example/%D0%BF%D1%80%D0%B8">x</a>');
  });

  it("in a UTF-8 part with a stray byte, writes an unwrapped host as UTF-8 and finds a non-ASCII recipient", async () => {
    const stray = Buffer.from("<p>caf\xe9</p>", "latin1");
    const link = '<a href="https://www.google.com/url?q=https://caf%C3%A9.example/a&amp;sa=D">x</a>';
    const recipientImage = '<img src="https://img.example/b.png?e=j%C3%B6rg%40ex%C3%A4mple.de" width="600" height="200">';
    const input = withPixel(Buffer.concat([stray, Buffer.from(`${link}${recipientImage}`)]), "utf-8");
    const { message, report } = await stripTrackingFromMime(input, { recipient: "jörg@exämple.de" });
    expect(report.parts[0]).toMatchObject({ changed: true });
    const body = message.subarray(message.indexOf("\r\n\r\n") + 4);
    expect(body.equals(Buffer.concat([stray, Buffer.from('<a href="https://café.example/a">x</a><img src="https://img.example/b.png" width="600" height="200">\r\n')]))).toBe(true);
  });

  it("never writes a lone surrogate from a token's JSON as a byte: the wrapper stays", async () => {
    const token = `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from('{"e":"https://sh\\udce9op.example/p"}').toString("base64url")}.sig`;
    const input = singlePart(Buffer.from(`<p>hi</p><a href="https://substack.com/redirect/2/${token}">x</a>`), { type: "text/html", charset: "utf-8", transferEncoding: "8bit" });
    const { message } = await stripTrackingFromMime(input);
    expect(message.equals(Buffer.from(input, "latin1"))).toBe(true);
  });

  it("passes the message's recipients to the detectors", async () => {
    const input = singlePart(Buffer.from('<img src="https://img.example/banner.png?e=ann%40example.com" width="600">'), {
      type: "text/html", charset: "utf-8", transferEncoding: "7bit",
    }).replace("To: b@example.com", "To: Ann <Ann@Example.com>");
    let recipients: readonly string[] = [];
    const spy = { name: "spy", detect: (element: { recipients: readonly string[] }) => void (recipients = element.recipients) };
    await stripTrackingFromMime(input, { detectors: [spy as never] });
    expect(recipients).toEqual(["ann@example.com"]);
  });

  it("dryRun reports and changes nothing, read receipts included", async () => {
    const input = Buffer.from(trackedMessage());
    const { message, report } = await stripTrackingFromMime(input, { dryRun: true });
    expect(message.equals(input)).toBe(true);
    expect(report.removedHeaders).toEqual(["disposition-notification-to", "x-confirm-reading-to"]);
    expect(report.parts.every((part) => !part.changed)).toBe(true);
  });

  it("dryRun: every part's report says changed: false (its output is its input), and lists what would change", async () => {
    const { report } = await stripTrackingFromMime(trackedMessage(), { dryRun: true });
    const html = report.parts.find((part) => part.contentType === "text/html")!.report;
    const text = report.parts.find((part) => part.contentType === "text/plain")!.report;
    expect([report.changed, html.changed, text.changed]).toEqual([false, false, false]);
    expect("findings" in html && html.findings.map((finding) => finding.applied)).toEqual([false, false]);
    expect("changes" in text && text.changes.map((change) => change.url)).toEqual([trackedLink]);
    const cleaned = await stripTrackingFromMime(trackedMessage());
    expect(cleaned.report.parts.map((part) => [part.changed, part.report.changed])).toEqual([[true, true], [true, true]]);
  });

  it("streams: the Duplex gives the same bytes and emits the report", async () => {
    const input = Buffer.from(trackedMessage());
    const chunks: Buffer[] = [];
    let reported = false;
    const stream = stripTrackingMimeStream({ onReport: () => (reported = true) });
    await pipeline(Readable.from([input.subarray(0, 100), input.subarray(100, 777), input.subarray(777)]), stream, async (source) => {
      for await (const chunk of source) chunks.push(chunk as Buffer);
    });
    expect(reported).toBe(true);
    expect(Buffer.concat(chunks).equals((await stripTrackingFromMime(input)).message)).toBe(true);
  });

  it("rejects unknown options with a TypeError naming them", () => {
    expect(() => stripTrackingMimeStream({ headers: false } as never)).toThrow(/option "headers" is not a known option/);
  });
});

// Corpus parts left as they were, and why (their trackers stay). None: the three stray bytes in a part labelled
// UTF-8 (nextcloud-mail__mail-message-123) are read one character per byte and written back as they were.
const corpusSkips: Record<string, string[]> = {};

const corpus = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "real-tracked");
const corpusMessages = (() => {
  try {
    return readdirSync(corpus).filter((name) => detectKind(readFileSync(join(corpus, name)).subarray(0, 4096).toString("latin1")) === "eml");
  } catch {
    return [];
  }
})();

describe.skipIf(corpusMessages.length === 0)(`stripTrackingFromMime on ../shared/corpus/real-tracked (${corpusMessages.length} messages)`, () => {
  it.each(corpusMessages)("%s", async (name) => {
    const input = readFileSync(join(corpus, name));
    const { message, report } = await stripTrackingFromMime(input);
    const before = await parse(input);
    const after = await parse(message);
    if (!report.changed) expect(message.equals(input)).toBe(true);
    expect(report.parts.flatMap((part) => (part.skipped ? [part.skipped] : []))).toEqual(corpusSkips[name] ?? []);
    if (after.html && !corpusSkips[name]) expect(removable(after.html)).toEqual([]);
    expect(after.attachments.length).toBe(before.attachments.length);
    for (const [index, attachment] of after.attachments.entries()) {
      expect(Buffer.from(attachment.content as ArrayBuffer).equals(Buffer.from(before.attachments[index]!.content as ArrayBuffer))).toBe(true);
    }
    expect(headerBlock(message)).toEqual(headerBlock(input).filter((line) => !/^(disposition-notification-to|return-receipt-to|x-confirm-reading-to|read-receipt-to):/i.test(line)));
  });
});

if (corpusMessages.length === 0) {
  describe("../shared/corpus/real-tracked", () => {
    it("is absent: the corpus checks of the MIME rewriter were skipped", () => {
      expect(corpusMessages).toEqual([]);
    });
  });
}

describe("format=flowed text parts: a URL over a soft line break (adversary25 F9)", () => {
  const message = (params: string, ...body: string[]) =>
    ["From: a@example.com", "To: b@example.com", "Subject: t", "MIME-Version: 1.0", `Content-Type: text/plain; charset=utf-8${params}`, "Content-Transfer-Encoding: 7bit", "", ...body, ""].join("\r\n");
  const bodyOf = (out: Buffer) => out.toString("utf8").split("\r\n\r\n").slice(1).join("\r\n\r\n");
  /** RFC 3676 reading: a line ending in a space joins the next one, the space deleted with DelSp=yes. */
  const unflow = (text: string, delSp: boolean) => text.replace(/ \r\n/g, delSp ? "" : " ");

  it("leaves a URL continued over a delsp=yes soft break as it was, and reports it kept", async () => {
    const input = message("; format=flowed; delsp=yes", "Confirm your account: https://example.com/confirm?id=1&utm_source=newsletter&utm_medium= ", "email&code=42");
    const { message: out, report } = await stripTrackingFromMime(input);
    expect(unflow(bodyOf(out), true)).toContain("https://example.com/confirm?id=1&utm_source=newsletter&utm_medium=email&code=42");
    const part = report.parts[0]!.report as { kept?: readonly { url: string }[] };
    expect(part.kept?.map(({ url }) => url)).toEqual(["https://example.com/confirm?id=1&utm_source=newsletter&utm_medium="]);
  });
  it("leaves the URL that starts on the line after a delsp=yes soft break", async () => {
    const input = message("; format=flowed; delsp=yes", "Go: https://example.com/r?next= ", "https://shop.example/p?utm_source=x&id=2");
    const { message: out } = await stripTrackingFromMime(input);
    expect(out.toString("utf8")).toBe(input);
  });
  it("still cleans a URL on a line of its own in a delsp=yes part, and one before a hard break", async () => {
    const input = message("; format=flowed; delsp=yes", "Read this  ", "article: https://example.com/a?utm_source=n&id=7", "Thanks");
    const { message: out } = await stripTrackingFromMime(input);
    expect(unflow(bodyOf(out), true)).toBe("Read this article: https://example.com/a?id=7\r\nThanks\r\n");
  });
  it("cleans a URL before a delsp=no soft break: the space is text, so the URL ends before it", async () => {
    const input = message("; format=flowed", "See https://example.com/a?id=1&utm_source=n ", "for more.");
    const { message: out } = await stripTrackingFromMime(input);
    expect(unflow(bodyOf(out), false)).toBe("See https://example.com/a?id=1 for more.\r\n");
  });
  it("cleans a URL before a trailing space in a part that is not flowed", async () => {
    const input = message("", "See https://example.com/a?id=1&utm_source=n ", "email");
    const { message: out } = await stripTrackingFromMime(input);
    expect(bodyOf(out)).toBe("See https://example.com/a?id=1 \r\nemail\r\n");
  });
});
