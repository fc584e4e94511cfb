// Cleans one input (HTML or a raw message) and says what was found, in the shape the CLI reports.

import { stripTrackingFromMime } from "../adapters/mime.js";
import { stripTrackingWithReport } from "../strip-tracking.js";
import type { ReportEntry, StripOptions, Warning } from "../types.js";
import { describeUrlChanges, vendorOfUrlChanges } from "../url/describe-changes.js";
import { detectKind, type InputKind } from "./detect-kind.js";
import { joinEnvelope, splitEnvelope } from "./envelope-line.js";
import { quoteFromLines, splitMbox } from "./mbox.js";
import { readHtmlBytes } from "./html-bytes.js";

/** One finding as the CLI reports it: where (line and column in the file, or in a message part) and what. */
export interface CliFinding {
  /** For a message: the part number; absent for an HTML file. */
  readonly part?: string;
  readonly line: number;
  readonly column: number;
  readonly action: ReportEntry["action"];
  readonly applied: boolean;
  readonly detector: string;
  readonly reason: string;
  readonly url?: string;
  readonly newUrl?: string;
  readonly vendor?: string;
}

/** What the CLI reports for one input. */
export interface FileResult {
  readonly file: string;
  readonly kind: InputKind;
  /** True when the output differs from the input (always false with --check and --dry-run). */
  readonly changed: boolean;
  /** True when cleaning changes the input, or with --check and --dry-run would (the summary's "would change"). */
  readonly wouldChange: boolean;
  readonly findings: readonly CliFinding[];
  readonly warnings: readonly Warning[];
  /** For a message: the read-receipt headers removed. */
  readonly removedHeaders?: readonly string[];
  /** For a message: the text parts left as they were, unread, and why (an unknown charset, ...). */
  readonly skippedParts?: readonly { readonly part: string; readonly reason: string }[];
}

function fromEntry(entry: ReportEntry, part?: string): CliFinding {
  const { line, column, action, applied, detector, reason, url, newUrl, vendor } = entry;
  return {
    ...(part === undefined ? {} : { part }),
    line, column, action, applied, detector, reason,
    ...(url === undefined ? {} : { url }),
    ...(newUrl === undefined ? {} : { newUrl }),
    ...(vendor === undefined ? {} : { vendor }),
  };
}

/** Cleans `input` (named `file` in the report); `output` is the cleaned bytes. */
export async function cleanInput(file: string, input: Buffer, options: StripOptions): Promise<{ output: Buffer; result: FileResult }> {
  const kind = detectKind(input.subarray(0, 4096).toString("latin1"));
  if (kind === "html") {
    const bytes = readHtmlBytes(input);
    const { html, report } = stripTrackingWithReport(bytes.text, options);
    const wouldChange = report.findings.some((finding) => finding.action !== "kept");
    const output = report.changed ? bytes.encode(html) : input;
    if (output === undefined) throw new Error("the cleaned document holds a character its encoding cannot write; left unwritten");
    return {
      output,
      result: { file, kind, changed: report.changed, wouldChange, findings: report.findings.map((entry) => fromEntry(entry)), warnings: report.warnings },
    };
  }
  // Several messages in an mbox: each is cleaned, and its findings named by its number ("#2/1.2").
  const mbox = splitMbox(input);
  if (mbox !== undefined) {
    const cleaned: CleanedMessage[] = [];
    for (const [index, entry] of mbox.entries()) cleaned.push(await cleanMessage(entry.message, options, `${index + 1}/`));
    const output = Buffer.concat(mbox.flatMap((entry, index) => [entry.fromLine, quoteFromLines(cleaned[index]!.message)]));
    return { output, result: mergeResults(file, kind, cleaned) };
  }
  // An mbox "From " line or an .emlx byte count is not part of the message: set aside, and put back as it was.
  const envelope = splitEnvelope(input);
  const cleaned = await cleanMessage(envelope.message, options, "");
  return { output: joinEnvelope(envelope, cleaned.message), result: mergeResults(file, kind, [cleaned]) };
}

interface CleanedMessage {
  readonly message: Buffer;
  readonly changed: boolean;
  readonly findings: readonly CliFinding[];
  readonly warnings: readonly Warning[];
  readonly removedHeaders: readonly string[];
  readonly skippedParts: readonly { readonly part: string; readonly reason: string }[];
}

/** Cleans one raw message; its part numbers are prefixed with `prefix` (an mbox's message number). */
async function cleanMessage(input: Buffer, options: StripOptions, prefix: string): Promise<CleanedMessage> {
  const { message, report } = await stripTrackingFromMime(input, options);
  const findings: CliFinding[] = [];
  const warnings: Warning[] = [];
  const skippedParts = report.parts.flatMap((part) => (part.skipped === undefined ? [] : [{ part: prefix + part.part, reason: part.skipped }]));
  for (const part of report.parts) {
    if ("findings" in part.report) {
      findings.push(...part.report.findings.map((entry) => fromEntry(entry, prefix + part.part)));
      warnings.push(...part.report.warnings);
    } else {
      // Worded as the HTML path words a link ("removed utm_source", "unwrapped Google redirect"), with the vendor.
      for (const change of part.report.changes) {
        const vendor = vendorOfUrlChanges(change.changes);
        findings.push({
          part: prefix + part.part, line: change.line, column: change.column, action: "rewrote-url", applied: part.report.changed,
          detector: "click-tracking", reason: describeUrlChanges(change.changes), url: change.url, newUrl: change.cleaned,
          ...(vendor === undefined ? {} : { vendor }),
        });
      }
    }
  }
  return { message, changed: report.changed, findings, warnings, removedHeaders: report.removedHeaders, skippedParts };
}

function mergeResults(file: string, kind: InputKind, messages: readonly CleanedMessage[]): FileResult {
  const findings = messages.flatMap((message) => message.findings);
  const removedHeaders = messages.flatMap((message) => message.removedHeaders);
  const skippedParts = messages.flatMap((message) => message.skippedParts);
  const wouldChange = findings.some((finding) => finding.action !== "kept") || removedHeaders.length > 0;
  return {
    file, kind, changed: messages.some((message) => message.changed), wouldChange, findings,
    warnings: messages.flatMap((message) => message.warnings), removedHeaders,
    ...(skippedParts.length > 0 ? { skippedParts } : {}),
  };
}
