// The mails verify was given: files, or the mails in directories, and the HTML of each.

import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import PostalMime from "postal-mime";

/** File names verify reads: HTML as is, `.eml` for its HTML part. */
const mailFile = /\.(html?|eml)$/i;

/** Expands directories (not recursively) into the mail files they hold, sorted by name; files stay as given. */
export async function findMailFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) {
      const names = (await readdir(input)).filter((name) => mailFile.test(name)).sort();
      files.push(...names.map((name) => join(input, name)));
    } else {
      files.push(input);
    }
  }
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
