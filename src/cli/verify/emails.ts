// The mails verify was given: files, or the mails in directories, and the HTML of each.

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import PostalMime from "postal-mime";
import { addressesIn } from "../../adapters/message-recipients.js";
import { isRecipientAddress } from "../../recipient.js";
import { detectKind } from "../detect-kind.js";
import { splitEnvelope } from "../envelope-line.js";
import { defaultExtensions } from "../extensions.js";
import { inputFiles } from "../inputs.js";

/**
 * Expands directories into the mail files they hold, as the clean command does (subdirectories too, the same
 * extensions and those added with --ext); files stay as given.
 */
export async function findMailFiles(inputs: readonly string[], extensions: readonly string[] = defaultExtensions): Promise<string[]> {
  const files: string[] = [];
  for await (const file of inputFiles(inputs, extensions)) files.push(file.path);
  return files;
}

/** What verify renders of a mail file: its HTML (undefined for a message without an HTML part), and for a message its recipients. */
export interface MailFile {
  readonly html: string | undefined;
  /** The To and Cc addresses of a message (lower-cased, once each), as the MIME path hands them to the detectors. */
  readonly recipients: readonly string[];
}

/** Reads a mail file, told HTML or message by its content as the clean command does. */
export async function readMail(file: string): Promise<MailFile> {
  const bytes = await readFile(file);
  if (detectKind(bytes.subarray(0, 4096).toString("latin1")) === "html") return { html: bytes.toString("utf8"), recipients: [] };
  const mail = await PostalMime.parse(splitEnvelope(bytes).message);
  const recipients = mail.headers
    .filter(({ key }) => key === "to" || key === "cc")
    .flatMap(({ value }) => addressesIn(value))
    .filter(isRecipientAddress);
  return { html: mail.html, recipients: [...new Set(recipients)] };
}

/** A name for the file's report page: its base name, made safe for a URL and unique among `taken`. */
export function pageName(file: string, taken: Set<string>): string {
  const stem = basename(file).replace(/\.(html?|eml)$/i, "").replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "mail";
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  taken.add(name);
  return name;
}
