// strip-tracking/nodemailer: a compile-step plugin that removes tracking from every part nodemailer will build.

import { optionError, optionsRecord } from "../errors.js";
import { linkOptions, resolveOptions } from "../options.js";
import { stripTrackingWithReport } from "../strip-tracking.js";
import { type StripTextResult, stripTrackingFromText } from "../text/strip-tracking-from-text.js";
import type { Report, StripOptions } from "../types.js";
import { decodeCharset } from "./charset.js";
import { isReadReceiptHeader } from "./read-receipt-headers.js";
import { isRecipientAddress } from "../recipient.js";
import { type MimeReport, stripTrackingFromMime } from "./mime.js";

/** The part of nodemailer's `MailMessage` the plugin uses (nodemailer >= 6). */
export interface MailLike {
  /** The message options given to `sendMail()` (nodemailer's `MailMessageData`). */
  data: object;
  /** nodemailer's content resolver: string, Buffer, stream, `{ path }` or `{ href }` to a string or Buffer. */
  resolveContent(data: object, key: string | number, callback: (error: Error | null, value?: string | Buffer) => void): unknown;
}

/** What the plugin did to one message. */
export interface MailReport {
  /** The report of each HTML field that was present. */
  readonly html?: Report;
  readonly watchHtml?: Report;
  readonly amp?: Report;
  /** The URLs cleaned in the plain-text part. */
  readonly text?: StripTextResult;
  /** One entry per `alternatives` item of type text/html or text/plain, by its index. */
  readonly alternatives: readonly { readonly index: number; readonly report: Report | StripTextResult }[];
  /** The read-receipt headers removed (with `dryRun`: that would be removed), as they were named. */
  readonly removedHeaders: readonly string[];
  /**
   * The recipients handed to the detectors: those of to, cc, bcc and the envelope (for a `raw` message without
   * them, the MIME rewriter reads its To and Cc headers, and this list is empty).
   */
  readonly recipients: readonly string[];
  /** For a message sent with `raw`: what the MIME rewriter did to it (its parts, its headers). */
  readonly raw?: MimeReport;
  /**
   * The contents left as they were, unread, and why: bytes its charset cannot read back as they were (a multi-byte
   * charset's invalid bytes, an unknown charset), or a cleaned text its charset cannot hold. `index` for an
   * alternative; for a `raw` message, `field: "raw"` and the part in the reason.
   */
  readonly skipped: readonly { readonly field: string; readonly index?: number; readonly reason: string }[];
}

/** Options of {@link stripTrackingPlugin}: the strip options and a few of the plugin's own. */
export interface NodemailerPluginOptions extends StripOptions {
  /**
   * Hand the message's own recipients (to, cc, bcc, and the envelope's, which nodemailer delivers to) to the
   * detectors as `recipient` when `recipient` is not given.
   * @default true
   */
  readonly useMessageRecipients?: boolean;
  /** Clean the `amp` part too (AMP for Email: clients fall back to `html` when it is invalid). @default true */
  readonly amp?: boolean;
  /** Remove the read-receipt request headers (never `List-Unsubscribe`). @default true */
  readonly removeReadReceipts?: boolean;
  /** Receives what was done to each message, before it is compiled. */
  readonly onReport?: (report: MailReport, mail: MailLike) => void;
}

/** nodemailer's plugin signature: `transporter.use("compile", plugin)`. */
export type NodemailerPlugin = (mail: MailLike, done: (error?: Error | null) => void) => void;

const htmlFields = ["html", "watchHtml", "amp"] as const;
// An address as it appears in an address header: what addressparser would return as `address`.
const addressPattern = /[^\s<>,;:"'()[\]@]+@[^\s<>,;:"'()[\]@]+/g;

/**
 * Creates the nodemailer plugin. Register it after templating and inlining plugins so it sees the final HTML.
 * A message sent with `raw` is cleaned as `strip-tracking/mime` cleans a raw message.
 *
 * @param options - The strip options, plus `useMessageRecipients`, `amp`, `removeReadReceipts` and `onReport`.
 *   Invalid options throw a TypeError here, not at send time.
 * @returns A `(mail, done)` function for `transporter.use("compile", ...)`.
 * @example
 * transporter.use("compile", stripTrackingPlugin({ onReport: (report) => log(report.html?.findings) }));
 */
export function stripTrackingPlugin(options?: NodemailerPluginOptions): NodemailerPlugin {
  const record = optionsRecord(options);
  const { useMessageRecipients = true, amp = true, removeReadReceipts = true, onReport, ...rest } = record;
  const stripOptions = rest as StripOptions;
  for (const [name, value] of Object.entries({ useMessageRecipients, amp, removeReadReceipts })) {
    if (typeof value !== "boolean") throw optionError(name, "must be a boolean");
  }
  if (onReport !== undefined && typeof onReport !== "function") throw optionError("onReport", "must be a function");
  resolveOptions(stripOptions); // fail at setup, not at send time

  return (mail, done) => {
    clean(mail, stripOptions, { useMessageRecipients: useMessageRecipients as boolean, amp: amp as boolean, removeReadReceipts: removeReadReceipts as boolean })
      .then((report) => {
        (onReport as NodemailerPluginOptions["onReport"])?.(report, mail);
        done();
      })
      .catch((error: unknown) => done(error instanceof Error ? error : new Error(String(error))));
  };
}

async function clean(
  mail: MailLike,
  stripOptions: StripOptions,
  flags: { useMessageRecipients: boolean; amp: boolean; removeReadReceipts: boolean },
): Promise<MailReport> {
  const data = mail.data as Record<string, unknown>;
  const recipients = stripOptions.recipient === undefined && flags.useMessageRecipients ? messageRecipients(data) : [];
  const options: StripOptions = recipients.length > 0 ? { ...stripOptions, recipient: recipients } : stripOptions;
  if (data.raw) return cleanRaw(mail, data, options, flags);
  const alternativeReports: { index: number; report: Report | StripTextResult }[] = [];
  const skipped: { field: string; index?: number; reason: string }[] = [];
  const report: { -readonly [K in keyof MailReport]: MailReport[K] } = {
    alternatives: alternativeReports,
    skipped,
    removedHeaders: flags.removeReadReceipts ? removeReadReceiptHeaders(data, textOptions(options).dryRun) : [],
    recipients: typeof options.recipient === "string" ? [options.recipient] : [...(options.recipient ?? [])],
  };

  // nodemailer labels these fields utf-8 whatever they hold. A content left as it was has no report, but a reason.
  for (const field of htmlFields) {
    if (!data[field] || (field === "amp" && !flags.amp)) continue;
    const cleaned = cleanHtml(await read(mail, data, field, "utf-8"), options);
    if (!cleaned) continue;
    if ("skipped" in cleaned) skipped.push({ field, reason: cleaned.skipped });
    else {
      if (cleaned.written !== undefined) data[field] = cleaned.written;
      report[field] = cleaned.report;
    }
  }
  if (data.text) {
    const cleaned = cleanText(await read(mail, data, "text", "utf-8"), options);
    if (cleaned && "skipped" in cleaned) skipped.push({ field: "text", reason: cleaned.skipped });
    else if (cleaned) {
      if (cleaned.written !== undefined) data.text = cleaned.written;
      report.text = cleaned.report;
    }
  }
  const alternatives = Array.isArray(data.alternatives) ? (data.alternatives as Record<string, unknown>[]) : [];
  for (const [index, alternative] of alternatives.entries()) {
    const contentType = alternativeType(alternative);
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    if (type !== "text/html" && type !== "text/plain") continue;
    const content = await read(mail, alternatives, index, charsetOf(contentType));
    const cleaned = type === "text/html" ? cleanHtml(content, options) : cleanText(content, options);
    if (!cleaned) continue;
    if ("skipped" in cleaned) {
      skipped.push({ field: "alternatives", index, reason: cleaned.skipped });
      continue;
    }
    if (cleaned.written !== undefined) replaceContent(alternative, cleaned.written);
    alternativeReports.push({ index, report: cleaned.report });
  }
  return report;
}

/**
 * A message sent with `raw` (nodemailer sends it as it is, ignoring html, text and headers): cleaned by the MIME
 * rewriter. Without recipients from the message options, the rewriter reads the raw message's To and Cc.
 */
async function cleanRaw(mail: MailLike, data: Record<string, unknown>, options: StripOptions, flags: { useMessageRecipients: boolean; removeReadReceipts: boolean }): Promise<MailReport> {
  const value = await resolve(mail, data, "raw");
  const recipients = typeof options.recipient === "string" ? [options.recipient] : [...(options.recipient ?? [])];
  if (value === undefined) return { alternatives: [], skipped: [], removedHeaders: [], recipients };
  const { message, report } = await stripTrackingFromMime(value, {
    ...options,
    useMessageRecipients: flags.useMessageRecipients && recipients.length === 0,
    removeReadReceipts: flags.removeReadReceipts,
  });
  if (report.changed) data.raw = message;
  const skipped = report.parts.flatMap((part) => (part.skipped === undefined ? [] : [{ field: "raw", reason: `part ${part.part}: ${part.skipped}` }]));
  return { alternatives: [], skipped, removedHeaders: report.removedHeaders, recipients, raw: report };
}

interface Cleaned<R> {
  /** The cleaned content, when it changed. */
  readonly written?: string | Buffer;
  readonly report: R;
}

/** Why a content is left as it was. */
interface Skipped {
  readonly skipped: string;
}

/** Cleans one HTML content; undefined when there is none, or why it cannot be read or written back in its charset. */
function cleanHtml(content: Content | Skipped | undefined, options: StripOptions): Cleaned<Report> | Skipped | undefined {
  if (!content || "skipped" in content) return content;
  const { html, report } = stripTrackingWithReport(content.text, options);
  return cleanedAs(content, report.changed, html, report);
}

/** Cleans one plain-text content; as {@link cleanHtml}. */
function cleanText(content: Content | Skipped | undefined, options: StripOptions): Cleaned<StripTextResult> | Skipped | undefined {
  if (!content || "skipped" in content) return content;
  const result = stripTrackingFromText(content.text, textOptions(options));
  return cleanedAs(content, result.changed, result.text, result);
}

function cleanedAs<R>(content: Content, changed: boolean, text: string, report: R): Cleaned<R> | Skipped {
  if (!changed) return { report };
  // An unwrapped redirect can bring characters the content's charset has no bytes for: then it stays as it was.
  const bytes = content.write(text);
  return bytes === undefined ? { skipped: `the cleaned text has characters charset "${content.charset}" cannot hold` } : { written: bytes, report };
}

function textOptions(options: StripOptions) {
  return { ...linkOptions(options), dryRun: options.dryRun === true || options.preset === "audit" };
}

/** A content as text, and the cleaned text in the form it came in (undefined: it cannot be written back so). */
interface Content {
  readonly text: string;
  readonly charset: string;
  readonly write: (text: string) => string | Buffer | undefined;
}

/**
 * The content of `holder[key]` as text; undefined when there is none, or why its bytes are left as they are (they
 * would not be written back as they were in `charset`). nodemailer resolves streams, paths and URLs.
 */
async function read(mail: MailLike, holder: object, key: string | number, charset: string): Promise<Content | Skipped | undefined> {
  const value = await resolve(mail, holder, key);
  if (value === undefined || typeof value === "string") return value === undefined ? undefined : { text: value, charset, write: (text) => text };
  const decoded = decodeCharset(value, charset);
  return "skipped" in decoded ? decoded : { text: decoded.text, charset, write: decoded.encode };
}

function resolve(mail: MailLike, holder: object, key: string | number): Promise<string | Buffer | undefined> {
  return new Promise((resolvePromise, reject) => {
    mail.resolveContent(holder, key, (error, value) => {
      if (error) reject(error);
      else resolvePromise(value === undefined || value === null ? undefined : value);
    });
  });
}

/**
 * An alternative's Content-Type as nodemailer sends it: the one given, else by its file name (`.html`, `.htm`), else
 * text/plain, nodemailer's default for an alternative.
 */
function alternativeType(alternative: Record<string, unknown> | undefined): string {
  if (typeof alternative?.contentType === "string" && alternative.contentType.trim() !== "") return alternative.contentType;
  const name = [alternative?.filename, alternative?.path].find((value): value is string => typeof value === "string");
  return name !== undefined && /\.html?$/i.test(name) ? "text/html" : "text/plain";
}

/** The charset a Content-Type names; utf-8 when it names none (as the raw MIME rewriter reads such a part). */
function charsetOf(contentType: string): string {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? "utf-8";
}

/** An alternative's content, replaced by the cleaned content (its path, href and encoding no longer apply). */
function replaceContent(alternative: Record<string, unknown>, content: string | Buffer): void {
  alternative.content = content;
  delete alternative.path;
  delete alternative.href;
  delete alternative.encoding;
}

/** Every address in the message's to, cc and bcc and its envelope's (what nodemailer delivers to), in any form nodemailer accepts. */
function messageRecipients(data: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      // An address the `recipient` option would refuse is not handed on: it must not stop the mail.
      for (const [address] of value.matchAll(addressPattern)) if (isRecipientAddress(address)) found.add(address.toLowerCase());
    }
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object" && "address" in value) visit((value as { address: unknown }).address);
  };
  for (const field of ["to", "cc", "bcc"]) visit(data[field]);
  const envelope = data.envelope;
  if (envelope && typeof envelope === "object") for (const field of ["to", "cc", "bcc"]) visit((envelope as Record<string, unknown>)[field]);
  return [...found];
}

/** Removes read-receipt headers from `data.headers` (an object or an array of `{ key, value }`). */
function removeReadReceiptHeaders(data: Record<string, unknown>, dryRun: boolean): string[] {
  const removed: string[] = [];
  const { headers } = data;
  if (dryRun) {
    const names = Array.isArray(headers) ? headers.map((header: { key?: unknown }) => header?.key) : Object.keys(headers ?? {});
    return names.filter((name): name is string => typeof name === "string" && isReadReceiptHeader(name));
  }
  if (Array.isArray(headers)) {
    data.headers = headers.filter((header: { key?: unknown }) => {
      const drop = typeof header?.key === "string" && isReadReceiptHeader(header.key);
      if (drop) removed.push(header.key as string);
      return !drop;
    });
  } else if (headers && typeof headers === "object") {
    for (const name of Object.keys(headers)) {
      if (!isReadReceiptHeader(name)) continue;
      delete (headers as Record<string, unknown>)[name];
      removed.push(name);
    }
  }
  return removed;
}
