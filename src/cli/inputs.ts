// The CLI's inputs: files as given, and directories walked lazily (one directory handle at a time), so a
// directory of thousands of messages is never listed into memory whole.

import { opendir, stat } from "node:fs/promises";
import { basename, join, relative } from "node:path";

/** One input file and where its cleaned copy goes, relative to --out-dir. */
export interface InputFile {
  readonly path: string;
  readonly outName: string;
}

const emailFile = /\.(?:html?|eml|xhtml)$/i;

/** Walks the given paths: files as they are, directories recursively (only .html, .htm, .xhtml and .eml files). */
export async function* inputFiles(paths: readonly string[]): AsyncGenerator<InputFile> {
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      for await (const file of walk(path)) yield { path: file, outName: relative(path, file) };
    } else {
      yield { path, outName: basename(path) };
    }
  }
}

async function* walk(directory: string): AsyncGenerator<string> {
  const subdirectories: string[] = [];
  for await (const entry of await opendir(directory)) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) subdirectories.push(entry.name);
    else if (entry.isFile() && emailFile.test(entry.name)) yield path;
  }
  for (const name of subdirectories.sort()) yield* walk(join(directory, name));
}
