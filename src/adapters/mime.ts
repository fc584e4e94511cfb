// strip-tracking/mime: clean a raw RFC 822 message (.eml) for relays and MTAs, on @zone-eu/mailsplit.
//
// Every text/html and text/plain part (not an attachment, not inside an attached message/rfc822) is decoded
// (transfer encoding, then charset), cleaned, and written back only when something changed: a part with no
// change keeps its original bytes, a changed part is re-encoded in its original transfer encoding and charset.
// A part whose bytes would not come back as they were through its charset is left as it was (`skipped`).
// Everything else passes through as mailsplit split it, byte for byte. Memory: the largest text part is held.
//
// A relay that changes a body breaks the sender's DKIM signature: re-sign the message with your own domain after
// cleaning (and, as forwarders do, rewrite From:). For outgoing mail, clean before signing.

import { Duplex, Readable, Transform, type TransformCallback } from "node:stream";
import { Joiner, type MimeNode, Splitter } from "@zone-eu/mailsplit";
import * as libqp from "libqp";
import { optionError, optionsRecord, usageError } from "../errors.js";
import { linkOptions, resolveOptions } from "../options.js";
import { stripTrackingWithReport } from "../strip-tracking.js";
import { type StripTextResult, stripTrackingFromTextLeaving } from "../text/strip-tracking-from-text.js";
import type { Report, StripOptions } from "../types.js";
import { decodeCharset } from "./charset.js";
import { touchesSoftBreak } from "./flowed-text.js";
import { addressesIn } from "./message-recipients.js";
import { isReadReceiptHeader } from "./read-receipt-headers.js";

/** Options of the MIME rewriter: the strip options and a few of its own. */
export interface MimeOptions extends StripOptions {
  /**
   * Hand the message's own recipients (To, Cc) to the detectors as `recipient` when `recipient` is not given.
   * @default true
   */
  readonly useMessageRecipients?: boolean;
  /** Remove the read-receipt request headers of the message (never `List-Unsubscribe`). @default true */
  readonly removeReadReceipts?: boolean;
}

/** Options of {@link stripTrackingMimeStream}: the MIME options and `onReport`. */
export interface MimeStreamOptions extends MimeOptions {
  /** Receives the report when the message has passed. */
  readonly onReport?: (report: MimeReport) => void;
}

/** What was found in one text part. */
export interface MimePartReport {
  /** The IMAP-style part number, e.g. "1.2" ("TEXT" for a single-part message's body). */
  readonly part: string;
  /** `text/html` or `text/plain`. */
  readonly contentType: string;
  /** The charset the part was read and written in (lower-case; `utf-8` when it named none). */
  readonly charset: string;
  /** The Content-Transfer-Encoding (lower-case; `7bit` when it named none). */
  readonly transferEncoding: string;
  /** True when the part was rewritten (false: its bytes passed through untouched). */
  readonly changed: boolean;
  /** The HTML report, or the cleaned URLs of a plain-text part. */
  readonly report: Report | StripTextResult;
  /**
   * Why the part was left as it was, byte for byte, when it was: an unknown charset or transfer encoding, a charset
   * that can be read but not written back (ISO-2022-JP), bytes that would not be written back as they were (not
   * valid in the charset), or a cleaned text the charset cannot hold. Its `report` is then empty (an empty `Report`
   * for text/html), except under `dryRun`, which writes nothing: a part that can be read (ISO-2022-JP) is read, and
   * its report holds what was found (what a real run would still leave, as `skipped` says).
   */
  readonly skipped?: string;
}

/** What was done to one message. */
export interface MimeReport {
  /** True when any byte of the message changed. */
  readonly changed: boolean;
  /** One entry per text part, in message order. */
  readonly parts: readonly MimePartReport[];
  /** The read-receipt headers removed (with `dryRun`: that would be removed), as they were named. */
  readonly removedHeaders: readonly string[];
}

/** The cleaned message and the report. */
export interface MimeResult {
  readonly message: Buffer;
  readonly report: MimeReport;
}

interface Settings {
  readonly stripOptions: StripOptions;
  readonly useMessageRecipients: boolean;
  readonly removeReadReceipts: boolean;
}

type Chunk = MimeNode | { type: "data" | "body"; value: Buffer; node?: MimeNode };

/**
 * Cleans a whole raw message.
 *
 * @param message - The message as a string, bytes, or a Node `Readable`.
 * @param options - The strip options, `useMessageRecipients` and `removeReadReceipts`.
 * @returns The cleaned message (a Buffer, byte-identical when nothing changed) and the report.
 * @example
 * const { message, report } = await stripTrackingFromMime(rawEml);
 */
export async function stripTrackingFromMime(message: string | Uint8Array | Readable, options?: MimeOptions): Promise<MimeResult> {
  let report: MimeReport | undefined;
  const stream = stripTrackingMimeStream({ ...options, onReport: (value) => (report = value) });
  const source = typeof message === "string" || message instanceof Uint8Array ? Readable.from([Buffer.from(message)]) : message;
  if (!(source instanceof Readable)) throw usageError("message must be a string, a Uint8Array/Buffer or a Readable");
  const parts: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    source.once("error", reject);
    stream.on("error", reject);
    stream.on("data", (chunk: Buffer) => parts.push(chunk));
    stream.on("end", resolve);
    source.pipe(stream);
  });
  return { message: Buffer.concat(parts), report: report! };
}

/**
 * A Node `Duplex`: write a raw message in, read the cleaned message out (Splitter → cleaner → Joiner). The
 * report reaches `onReport` and is emitted as a `report` event before the readable side ends.
 *
 * @param options - The MIME options and `onReport(report)`; invalid options throw a TypeError here.
 * @returns The Duplex stream.
 * @example
 * await pipeline(process.stdin, stripTrackingMimeStream(), process.stdout);
 */
export function stripTrackingMimeStream(options?: MimeStreamOptions): Duplex {
  const { onReport, useMessageRecipients = true, removeReadReceipts = true, ...stripOptions } = optionsRecord(options) as MimeStreamOptions;
  if (typeof useMessageRecipients !== "boolean") throw optionError("useMessageRecipients", "must be a boolean");
  if (typeof removeReadReceipts !== "boolean") throw optionError("removeReadReceipts", "must be a boolean");
  if (onReport !== undefined && typeof onReport !== "function") throw optionError("onReport", "must be a function");
  resolveOptions(stripOptions);
  const splitter = new Splitter({ ignoreEmbedded: true });
  const cleaner = new PartCleaner({ stripOptions, useMessageRecipients, removeReadReceipts });
  const joiner = new Joiner();
  const duplex = Duplex.from({ writable: splitter, readable: joiner });
  cleaner.on("report", (report: MimeReport) => {
    onReport?.(report);
    duplex.emit("report", report);
  });
  for (const stream of [splitter, cleaner] as Transform[]) stream.on("error", (error: Error) => duplex.destroy(error));
  splitter.pipe(cleaner).pipe(joiner);
  return duplex;
}

/** The object-mode step between Splitter and Joiner: holds each text part, cleans it, writes it back. */
class PartCleaner extends Transform {
  private held: { node: MimeNode; body: Buffer[] } | undefined;
  private options: StripOptions;
  private readonly parts: MimePartReport[] = [];
  private removedHeaders: string[] = [];
  private changed = false;

  constructor(private readonly settings: Settings) {
    super({ objectMode: true });
    this.options = settings.stripOptions;
  }

  override _transform(chunk: Chunk, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      if (chunk.type === "body" && this.held) {
        this.held.body.push(chunk.value);
      } else {
        this.release();
        if (chunk.type === "node") this.onNode(chunk);
        else this.push(chunk);
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.release();
      this.emit("report", { changed: this.changed, parts: this.parts, removedHeaders: this.removedHeaders });
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private onNode(node: MimeNode): void {
    if (node.root) this.onRoot(node);
    if (isCleanable(node)) this.held = { node, body: [] };
    else this.pushHeaders(node);
  }

  private onRoot(node: MimeNode): void {
    const headers = node.headers || undefined;
    if (!headers) return;
    if (this.settings.removeReadReceipts) {
      const names = headers.getList().map((line) => line.key).filter(isReadReceiptHeader);
      this.removedHeaders = names;
      // A dry run reports the headers it would remove and changes nothing.
      if (names.length > 0 && !isDryRun(this.options)) {
        const lineEnd = node.getHeaders().includes("\r\n") ? "\r\n" : "\n";
        for (const name of names) headers.remove(name);
        this.changed = true;
        // Rebuilt with the message's own line ending, so every other header line stays as it was.
        this.rootHeaders = headers.build(lineEnd);
      }
    }
    if (this.options.recipient === undefined && this.settings.useMessageRecipients) {
      // A header line is "To: …": its value follows the first colon.
      const recipients = ["to", "cc"].flatMap((key) => headers.get(key)).flatMap((line) => addressesIn(line.slice(line.indexOf(":") + 1)));
      if (recipients.length > 0) this.options = { ...this.options, recipient: [...new Set(recipients)] };
    }
  }

  /** The root's rebuilt header block (read receipts removed), when it was rebuilt. */
  private rootHeaders: Buffer | undefined;

  /** Writes a node's header block: the joiner serializes a node, and takes a Buffer as it is. */
  private pushHeaders(node: MimeNode): void {
    this.push(node.root && this.rootHeaders ? this.rootHeaders : node);
  }

  /** Cleans the held part and writes it: its original bytes when nothing changed. */
  private release(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    const { node } = held;
    const raw = Buffer.concat(held.body);
    const part = cleanPart(node, raw, this.options);
    this.parts.push(part.report);
    this.pushHeaders(node);
    if (part.body === undefined) {
      for (const value of held.body) this.push({ type: "body", value, node });
    } else {
      this.changed = true;
      this.push({ type: "body", value: part.body, node });
    }
  }
}

function isDryRun(options: StripOptions): boolean {
  return options.dryRun === true || options.preset === "audit";
}

function isCleanable(node: MimeNode): boolean {
  if (node.multipart || node.disposition === "attachment") return false;
  const type = node.contentType || "text/plain"; // RFC 2045 §5.2: no Content-Type is text/plain
  return type === "text/html" || type === "text/plain";
}


/** Decodes, cleans and (when changed) re-encodes one part; `body` is undefined when it is unchanged. */
function cleanPart(node: MimeNode, raw: Buffer, options: StripOptions): { body?: Buffer; report: MimePartReport } {
  const contentType = node.contentType || "text/plain";
  const charset = String(node.charset || "utf-8").toLowerCase();
  const transferEncoding = String(node.encoding || "7bit").toLowerCase();
  const base = { part: node.partNr ? node.partNr.join(".") : "", contentType, charset, transferEncoding };
  // A skipped part's report is an empty one of its kind: an HTML report for text/html, a text result otherwise.
  const skip = (skipped: string) => ({ report: { ...base, changed: false, report: clean(contentType, "", options).report, skipped } });
  const bytes = decodeTransfer(raw, transferEncoding);
  if (!bytes) return skip(`unknown transfer encoding "${transferEncoding}"`);
  const read = decodeCharset(bytes, charset);
  if ("skipped" in read) {
    // A dry run writes nothing: a part that can be read but not written back is read, and what it holds reported.
    if (read.readOnly === undefined || !isDryRun(options)) return skip(read.skipped);
    return { report: { ...base, changed: false, report: clean(contentType, read.readOnly, options).report, skipped: read.skipped } };
  }
  const { text } = read;
  const cleaned = clean(contentType, text, options, touchesSoftBreak(text, node.flowed, node.delSp));
  if (!cleaned.changed) return { report: { ...base, changed: false, report: cleaned.report } };
  // An unwrapped redirect can bring characters the part's charset has no bytes for.
  const encoded = read.encode(cleaned.text);
  if (!encoded) return skip(`the cleaned text has characters charset "${charset}" cannot hold`);
  const lineEnd = raw.includes("\r\n") ? "\r\n" : "\n";
  const body = encodeTransfer(encoded, transferEncoding, lineEnd, raw);
  return { body, report: { ...base, changed: true, report: cleaned.report } };
}

/**
 * Cleans the decoded text of a part as HTML or as plain text; `leave`: the URLs of a plain text to leave as they are
 * (those over a soft line break of flowed text, `flowed-text.ts`).
 */
function clean(
  contentType: string,
  text: string,
  options: StripOptions,
  leave?: (start: number, end: number) => boolean,
): { text: string; changed: boolean; report: Report | StripTextResult } {
  if (contentType === "text/html") {
    const { html, report } = stripTrackingWithReport(text, options);
    return { text: html, changed: report.changed, report };
  }
  const result = stripTrackingFromTextLeaving(text, { ...linkOptions(options), dryRun: isDryRun(options) }, leave);
  return { text: result.text, changed: result.changed, report: result };
}

function decodeTransfer(raw: Buffer, encoding: string): Buffer | undefined {
  switch (encoding) {
    case "base64":
      return Buffer.from(raw.toString("latin1").replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
    case "quoted-printable":
      return libqp.decode(raw);
    case "7bit":
    case "8bit":
    case "binary":
      return raw;
    default:
      return undefined;
  }
}

function encodeTransfer(bytes: Buffer, encoding: string, lineEnd: string, original: Buffer): Buffer {
  const endsWithBreak = original.toString("latin1").endsWith("\n");
  switch (encoding) {
    case "base64": {
      const lines = bytes.toString("base64").match(/.{1,76}/g) ?? [];
      return Buffer.from(lines.join(lineEnd) + (endsWithBreak ? lineEnd : ""), "latin1");
    }
    case "quoted-printable": {
      let encoded = libqp.wrap(libqp.encode(bytes), 76);
      if (lineEnd === "\n") encoded = encoded.replaceAll("=\r\n", "=\n");
      return Buffer.from(encoded, "latin1");
    }
    default:
      return bytes;
  }
}
