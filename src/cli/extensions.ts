// The file name extensions a directory argument is read for: the usual HTML and message files, and the template
// extensions a user adds with --ext (hbs, liquid, njk, mjml, erb, ...). A file named on the command line is read
// whatever its name (its content tells HTML from a message).

import { UsageError } from "./usage-error.js";

/** Read in a directory unless --ext adds more. */
export const defaultExtensions: readonly string[] = ["html", "htm", "xhtml", "eml"];

const extension = /^[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*$/i;

/** The extensions to read: the defaults and those of `--ext` values (comma-separated, a leading dot allowed). */
export function parseExtensions(values: readonly string[]): string[] {
  const added = values.flatMap((value) =>
    value.split(",").map((item) => {
      const name = item.trim().replace(/^\./, "").toLowerCase();
      if (!extension.test(name)) throw new UsageError(`--ext takes file name extensions separated by commas (e.g. hbs,liquid,njk), got "${value}"`);
      return name;
    }),
  );
  return [...new Set([...defaultExtensions, ...added])];
}

/** `.html, .htm, .xhtml, .eml` */
export function describeExtensions(extensions: readonly string[]): string {
  return extensions.map((name) => `.${name}`).join(", ");
}

/** True when the file name ends with one of the extensions (`receipt.html.erb` ends with `erb` and `html.erb`). */
export function hasExtension(fileName: string, extensions: readonly string[]): boolean {
  const lower = fileName.toLowerCase();
  return extensions.some((name) => lower.endsWith(`.${name}`));
}
