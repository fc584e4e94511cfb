// strip-tracking/nodemailer: a compile-step plugin that removes tracking from every part nodemailer will build.

import { optionError, optionsRecord } from "../errors.js";
import { linkOptions, resolveOptions } from "../options.js";
import { stripTrackingWithReport } from "../strip-tracking.js";
import { type StripTextResult, stripTrackingFromText } from "../text/strip-tracking-from-text.js";
import type { Report, StripOptions } from "../types.js";
import { isReadReceiptHeader } from "./read-receipt-headers.js";

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
  /** The recipients handed to the detectors. */
  readonly recipients: readonly string[];
}

/** Options of {@link stripTrackingPlugin}: the strip options and a few of the plugin's own. */
export interface NodemailerPluginOptions extends StripOptions {
  /**
   * Hand the message's own recipients (to, cc, bcc) to the detectors as `recipient` when `recipient` is not
   * given.
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
 * Messages sent with `raw` are not touched (use `strip-tracking/mime` for those).
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
  const alternativeReports: { index: number; report: Report | StripTextResult }[] = [];
  const report: { -readonly [K in keyof MailReport]: MailReport[K] } = {
    alternatives: alternativeReports,
    removedHeaders: flags.removeReadReceipts ? removeReadReceiptHeaders(data, textOptions(options).dryRun) : [],
    recipients: typeof options.recipient === "string" ? [options.recipient] : [...(options.recipient ?? [])],
  };

  for (const field of htmlFields) {
    if (!data[field] || (field === "amp" && !flags.amp)) continue;
    const html = await resolve(mail, data, field);
    if (html === undefined) continue;
    const result = stripTrackingWithReport(html, options);
    if (result.report.changed) data[field] = result.html;
    report[field] = result.report;
  }
  if (data.text) {
    const text = await resolve(mail, data, "text");
    if (text !== undefined) {
      const result = stripTrackingFromText(text, textOptions(options));
      if (result.changed) data.text = result.text;
      report.text = result;
    }
  }
  const alternatives = Array.isArray(data.alternatives) ? (data.alternatives as Record<string, unknown>[]) : [];
  for (const [index, alternative] of alternatives.entries()) {
    const type = String(alternative?.contentType ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "text/html" && type !== "text/plain") continue;
    const content = await resolve(mail, alternatives, index);
    if (content === undefined) continue;
    if (type === "text/html") {
      const result = stripTrackingWithReport(content, options);
      if (result.report.changed) replaceContent(alternative, result.html);
      alternativeReports.push({ index, report: result.report });
    } else {
      const result = stripTrackingFromText(content, textOptions(options));
      if (result.changed) replaceContent(alternative, result.text);
      alternativeReports.push({ index, report: result });
    }
  }
  return report;
}

function textOptions(options: StripOptions) {
  return { ...linkOptions(options), dryRun: options.dryRun === true || options.preset === "audit" };
}

/** The content of `holder[key]` as text: nodemailer resolves streams, paths and URLs; bytes are UTF-8. */
function resolve(mail: MailLike, holder: object, key: string | number): Promise<string | undefined> {
  return new Promise((resolvePromise, reject) => {
    mail.resolveContent(holder, key, (error, value) => {
      if (error) reject(error);
      else if (value === undefined || value === null) resolvePromise(undefined);
      else resolvePromise(typeof value === "string" ? value : Buffer.from(value).toString("utf8"));
    });
  });
}

/** An alternative's content, replaced by the cleaned text (its path, href and encoding no longer apply). */
function replaceContent(alternative: Record<string, unknown>, content: string): void {
  alternative.content = content;
  delete alternative.path;
  delete alternative.href;
  delete alternative.encoding;
}

/** Every address in the message's to, cc and bcc, in any form nodemailer accepts. */
function messageRecipients(data: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") for (const [address] of value.matchAll(addressPattern)) found.add(address.toLowerCase());
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object" && "address" in value) visit((value as { address: unknown }).address);
  };
  for (const field of ["to", "cc", "bcc"]) visit(data[field]);
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
