// The CLI's inputs: files as given, and directories walked lazily (one directory handle at a time), so a
// directory of thousands of messages is never listed into memory whole. Shared by the clean command and verify.

import { opendir, stat } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { hasExtension } from "./extensions.js";

/** One input file and where its cleaned copy goes, relative to --out-dir. */
export interface InputFile {
  readonly path: string;
  readonly outName: string;
}

/** A directory argument walked to its end: the files it gave, and those skipped for their extension. */
export interface WalkedDirectory {
  readonly directory: string;
  readonly files: number;
  readonly skipped: number;
}

/** What the clean command asks of the walk beyond the files. */
export interface WalkOptions {
  /** A directory never walked (resolved): --out-dir, whose cleaned copies are no inputs. */
  readonly skipDirectory?: string;
  /** Hears about a path that cannot be read (missing, no permission); without it, that path's error is thrown. */
  readonly onUnreadable?: (path: string, message: string) => void;
}

/**
 * Walks the given paths: files as they are, directories recursively (only files with one of `extensions`).
 * `onDirectory` hears about each directory argument once it is walked, so that an empty one can be refused.
 */
export async function* inputFiles(
  paths: readonly string[],
  extensions: readonly string[],
  onDirectory: (walked: WalkedDirectory) => void = () => {},
  options: WalkOptions = {},
): AsyncGenerator<InputFile> {
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      // One unreadable input among several is reported and the others still read (as cp and grep do).
      if (options.onUnreadable === undefined) throw error;
      options.onUnreadable(path, (error as Error).message);
      continue;
    }
    if (isDirectory) {
      const walked = { directory: path, files: 0, skipped: 0 };
      for await (const file of walk(path, extensions, walked, options.skipDirectory)) {
        walked.files++;
        yield { path: file, outName: relative(path, file) };
      }
      onDirectory(walked);
    } else {
      yield { path, outName: basename(path) };
    }
  }
}

async function* walk(directory: string, extensions: readonly string[], counts: { skipped: number }, skipDirectory: string | undefined): AsyncGenerator<string> {
  const subdirectories: string[] = [];
  for await (const entry of await opendir(directory)) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (skipDirectory === undefined || resolve(path) !== skipDirectory) subdirectories.push(entry.name);
    } else if (entry.isFile() && hasExtension(entry.name, extensions)) yield path;
    else if (entry.isFile()) counts.skipped++;
  }
  for (const name of subdirectories.sort()) yield* walk(join(directory, name), extensions, counts, skipDirectory);
}
