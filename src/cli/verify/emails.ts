// The mails verify was given: files, or the mails in directories, and the HTML of each.

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import PostalMime from "postal-mime";
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

/** The HTML of a mail file, or undefined when an `.eml` has no HTML part. */
export async function readMailHtml(file: string): Promise<string | undefined> {
  const bytes = await readFile(file);
  if (!/\.eml$/i.test(file)) return bytes.toString("utf8");
  const mail = await PostalMime.parse(bytes);
  return mail.html;
}

/** A name for the file's report page: its base name, made safe for a URL and unique among `taken`. */
export function pageName(file: string, taken: Set<string>): string {
  const stem = basename(file).replace(/\.(html?|eml)$/i, "").replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "mail";
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  taken.add(name);
  return name;
}
