// The default command: clean files, directories or stdin; report on stderr (or as JSON on stdout).

import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Preset, StripOptions } from "../types.js";
import { cleanInput, type FileResult } from "./clean-file.js";
import { exitCodes } from "./exit-codes.js";
import { defaultExtensions, describeExtensions, parseExtensions } from "./extensions.js";
import { inputFiles, type WalkedDirectory } from "./inputs.js";
import { WorkerPool } from "./pool.js";
import { checkOptions, UsageError } from "./usage-error.js";
import { packageVersion } from "./version.js";
import { type FileTask, processFile } from "./process-file.js";

export const cleanUsage = `Usage: strip-tracking [options] [file|directory|-]...

Removes email tracking from HTML files and raw messages (.eml), told apart by their content.
With no input, or "-", reads stdin. One input: the cleaned document goes to stdout (or --out-dir).
Several inputs or a directory: use --out-dir, or --check / --json for a report only.
Directories are walked with their subdirectories for ${describeExtensions(defaultExtensions)} files (add more
with --ext); a directory in which no file is read is an error.

Options:
  -o, --out-dir <dir>      write cleaned files there (directory structure kept)
      --check              change nothing; exit 1 when anything would be removed (template CI)
      --dry-run            report what would change, write the input unchanged (exit 0)
      --json               print the report as JSON on stdout (instead of the cleaned document)
  -p, --preset <name>      standard (default), strict or audit
  -r, --recipient <addr>   the recipient's address (repeatable)
      --keep-param <list>  link parameters never removed (repeatable, or a comma list: utm_source,utm_medium)
      --remove-param <list> extra link parameters to remove (repeatable, or a comma list: id,ref)
      --ext <list>         more file name extensions read in directories, e.g. hbs,liquid,njk,mjml,erb
  -j, --jobs <n>           files cleaned in parallel on worker threads (default 1)
  -q, --quiet              no summary line (nor progress line) on stderr; findings are still listed
  -h, --help               this help
  -v, --version            the version

Exit codes: 0 done (and, with --check, nothing to remove); 1 --check found tracking;
2 bad usage, or an input could not be read or cleaned (the other inputs are still read).

strip-tracking verify <files or dirs>: renders each mail before and after in headless Chromium and writes a
report of what went and what must not have (see strip-tracking verify --help).`;

const presets: readonly Preset[] = ["standard", "strict", "audit"];

type Result = FileResult | { file: string; error: string };

/** Runs the clean command; returns the exit code. */
export async function clean(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "out-dir": { type: "string", short: "o" },
      check: { type: "boolean" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      preset: { type: "string", short: "p" },
      recipient: { type: "string", short: "r", multiple: true },
      "keep-param": { type: "string", multiple: true },
      "remove-param": { type: "string", multiple: true },
      ext: { type: "string", multiple: true },
      jobs: { type: "string", short: "j" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  if (values.help) {
    io.stdout.write(`${cleanUsage}\n`);
    return exitCodes.ok;
  }
  if (values.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return exitCodes.ok;
  }
  const preset = (values.preset ?? "standard") as Preset;
  if (!presets.includes(preset)) throw new UsageError(`--preset must be one of ${presets.join(", ")}`);
  const jobs = Number(values.jobs ?? "1");
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs must be a positive integer");
  const check = values.check === true;
  const extensions = parseExtensions(values.ext ?? []);
  const options: StripOptions = {
    preset,
    ...(check || values["dry-run"] ? { dryRun: true } : {}),
    ...(values.recipient ? { recipient: values.recipient } : {}),
    ...(values["keep-param"] ? { keepParams: paramNames(values["keep-param"]) } : {}),
    ...(values["remove-param"] ? { removeParams: paramNames(values["remove-param"]) } : {}),
  };
  checkOptions(options);
  const outDir = values["out-dir"];
  const reportOnly = check || values.json === true;
  const report = new Reporter(io, { json: values.json === true, quiet: values.quiet === true, dryRun: options.dryRun === true || preset === "audit" });

  const paths = positionals.length === 0 ? ["-"] : positionals;
  if (paths.includes("-")) {
    if (paths.length > 1) throw new UsageError('"-" (stdin) cannot be combined with other inputs');
    if (outDir !== undefined) throw new UsageError("--out-dir needs file inputs; stdin goes to stdout");
    const input = await readStdin(io.stdin);
    const { output, result } = await cleanInput("<stdin>", input, options);
    if (!reportOnly) io.stdout.write(output);
    report.add(result);
    return report.finish(check);
  }

  const single = paths.length === 1 && !(await isDirectory(paths[0]!));
  if (single && outDir === undefined) {
    let input: Buffer;
    try {
      input = await readFile(paths[0]!);
    } catch (error) {
      // Reported as any input's error, so that --json still prints one whole document.
      report.add({ file: paths[0]!, error: (error as Error).message });
      return report.finish(check);
    }
    const { output, result } = await cleanInput(paths[0]!, input, options);
    if (!reportOnly) io.stdout.write(output);
    report.add(result);
    return report.finish(check);
  }
  if (outDir === undefined && !reportOnly) {
    throw new UsageError("several inputs: give --out-dir, or --check / --json for a report only");
  }

  const writeTo = reportOnly && check ? undefined : outDir;
  // The output directory is never an input, even inside an input directory; an unreadable input is one error.
  const walkOptions = {
    ...(outDir === undefined ? {} : { skipDirectory: resolve(outDir) }),
    onUnreadable: (file: string, error: string) => report.add({ file, error }),
  };
  const targets = new OutputTargets();
  const task = (path: string, outName: string): FileTask => ({
    path,
    outPath: writeTo === undefined ? undefined : join(writeTo, outName),
    options,
  });
  if (jobs === 1) {
    for await (const file of inputFiles(paths, extensions, (walked) => report.directory(walked, extensions), walkOptions)) {
      report.progress(file.path);
      const next = task(file.path, file.outName);
      report.add(targets.clash(next) ?? (await processFile(next)));
    }
  } else {
    const pool = new WorkerPool(jobs, new URL("./worker.js", import.meta.url), (result) => report.add(result));
    try {
      for await (const file of inputFiles(paths, extensions, (walked) => report.directory(walked, extensions), walkOptions)) {
        report.progress(file.path);
        const next = task(file.path, file.outName);
        const clash = targets.clash(next);
        if (clash) report.add(clash);
        else await pool.run(next);
      }
    } finally {
      await pool.close();
    }
  }
  return report.finish(check);
}

/** The parameter names of --keep-param / --remove-param values: each may be a comma list, as --ext takes. */
function paramNames(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(",")).map((name) => name.trim()).filter((name) => name !== "");
}

/** The streams the CLI talks to (the process's own, or a test's). */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * Where --out-dir writes: two inputs of the same name (`a/m.html b/m.html`) would write one file, the second over
 * the first. The second is an error instead (exit 2), and the first's copy stays.
 */
class OutputTargets {
  private readonly written = new Map<string, string>();

  clash(task: FileTask): { file: string; error: string } | undefined {
    if (task.outPath === undefined) return undefined;
    const target = resolve(task.outPath);
    const earlier = this.written.get(target);
    if (earlier !== undefined) return { file: task.path, error: `not written: ${task.outPath} is the cleaned copy of ${earlier} (two inputs of the same name)` };
    this.written.set(target, task.path);
    return undefined;
  }
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Whether `path` is a directory; a path that cannot be read is not (its error is reported when it is read). */
async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isDirectory(), () => false);
}

/** Collects results: a line per finding on stderr, JSON streamed on stdout, a progress line on a TTY. */
class Reporter {
  private files = 0;
  private changed = 0;
  private wouldChange = 0;
  private findings = 0;
  private errors = 0;
  private skipped = 0;
  private seen = 0;
  private jsonStarted = false;

  constructor(private readonly io: CliIo, private readonly mode: { json: boolean; quiet: boolean; dryRun: boolean }) {}

  progress(file: string): void {
    this.seen++;
    if (!this.io.stderr.isTTY || this.mode.quiet) return;
    this.io.stderr.write(`\r\x1b[K[${this.files}/${this.seen}] ${file.slice(-60)}`);
  }

  add(result: Result): void {
    this.files++;
    if (this.io.stderr.isTTY && !this.mode.quiet) this.io.stderr.write("\r\x1b[K");
    if ("error" in result) {
      this.errors++;
      this.io.stderr.write(`${result.file}: error: ${result.error}\n`);
    } else {
      if (result.changed) this.changed++;
      if (result.wouldChange) this.wouldChange++;
      this.findings += result.findings.length;
      // --quiet drops the summary (and the progress line), never a finding or a part left unread.
      this.describe(result);
    }
    if (this.mode.json) {
      this.io.stdout.write(`${this.jsonStarted ? "," : '{"files":['}\n${JSON.stringify(result)}`);
      this.jsonStarted = true;
    }
  }

  /** A walked directory argument: its skipped files are counted, and one that gave no file is an error. */
  directory(walked: WalkedDirectory, extensions: readonly string[]): void {
    this.skipped += walked.skipped;
    if (walked.files > 0) return;
    this.errors++;
    const others = walked.skipped === 0 ? "" : ` (${walked.skipped} other file${walked.skipped === 1 ? "" : "s"} skipped)`;
    this.io.stderr.write(`${walked.directory}: error: no file to read: none named ${describeExtensions(extensions)}${others}; add extensions with --ext\n`);
  }

  finish(check: boolean): number {
    if (this.mode.json) {
      const summary = { files: this.files, changed: this.changed, wouldChange: this.wouldChange, findings: this.findings, errors: this.errors, skipped: this.skipped };
      this.io.stdout.write(`${this.jsonStarted ? "\n]," : '{"files":[],'}"summary":${JSON.stringify(summary)}}\n`);
    }
    if (!this.mode.quiet) {
      // --check and --dry-run write the input as it was: they say what would change (and `changed` stays 0).
      const changes = this.mode.dryRun ? `${this.wouldChange} would change` : `${this.changed} changed`;
      this.io.stderr.write(
        `strip-tracking: ${this.files} file${this.files === 1 ? "" : "s"}, ${this.findings} finding${this.findings === 1 ? "" : "s"}, ${changes}${this.skipped ? `, ${this.skipped} skipped (extension not read, see --ext)` : ""}${this.errors ? `, ${this.errors} error${this.errors === 1 ? "" : "s"}` : ""}\n`,
      );
    }
    if (this.errors > 0) return exitCodes.error;
    return check && this.wouldChange > 0 ? exitCodes.found : exitCodes.ok;
  }

  private describe(result: FileResult): void {
    for (const finding of result.findings) {
      const where = `${result.file}${finding.part === undefined ? "" : `#${finding.part}`}:${finding.line}:${finding.column}`;
      const what = finding.action === "rewrote-url" ? `${finding.url} -> ${finding.newUrl}` : (finding.url ?? "");
      this.io.stderr.write(`${where}: ${finding.applied || finding.action === "kept" ? "" : "(would be) "}${finding.action} ${finding.reason}${what ? ` ${what}` : ""}\n`);
    }
    for (const name of result.removedHeaders ?? []) this.io.stderr.write(`${result.file}: removed-header ${name}\n`);
    for (const { part, reason } of result.skippedParts ?? []) this.io.stderr.write(`${result.file}#${part}: skipped (not cleaned): ${reason}\n`);
  }
}
