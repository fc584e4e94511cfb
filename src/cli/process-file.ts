// One file's whole job, shared by the main thread (--jobs 1) and the workers: read, clean, write, report.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { StripOptions } from "../types.js";
import { cleanInput, type FileResult } from "./clean-file.js";

/** A task for one file. */
export interface FileTask {
  readonly path: string;
  /** Where the cleaned file goes; undefined for a report only. */
  readonly outPath: string | undefined;
  readonly options: StripOptions;
}

/** Cleans one file; a file that cannot be read or written is reported as an error, not thrown. */
export async function processFile(task: FileTask): Promise<FileResult | { file: string; error: string }> {
  try {
    const input = await readFile(task.path);
    const { output, result } = await cleanInput(task.path, input, task.options);
    if (task.outPath !== undefined) {
      await mkdir(dirname(task.outPath), { recursive: true });
      await writeFile(task.outPath, output);
    }
    return result;
  } catch (error) {
    return { file: task.path, error: (error as Error).message };
  }
}
