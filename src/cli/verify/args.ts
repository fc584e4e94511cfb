// The command line of `strip-tracking verify`.

import type { Preset } from "../../types.js";
import { defaultExtensions, describeExtensions, parseExtensions } from "../extensions.js";

/** What `verify` was asked to do. */
export interface VerifyArgs {
  /** Files or directories, as given. */
  readonly inputs: readonly string[];
  /** The report folder. */
  readonly out: string;
  readonly preset: Preset;
  readonly recipients: readonly string[];
  /** The Chromium executable. */
  readonly chromium: string;
  /** The file name extensions read in directories. */
  readonly extensions: readonly string[];
}

export const verifyUsage = `Usage: strip-tracking verify [options] <file|directory>...

Strips each mail, renders it before and after in headless Chromium (800 and 375 px wide), and writes a report of
what went (requests, trackers) and what must not have (images a reader sees). Needs Chromium and the optional
packages playwright-core, pixelmatch and pngjs.
A file is read as HTML, or as a raw message (its HTML part, with its To/Cc addresses as recipients unless
--recipient is given), by its content. Directories are walked with their subdirectories for
${describeExtensions(defaultExtensions)} files, as the clean command does.

Options:
      --out <dir>          the report folder (default verify-report)
      --preset <name>      standard (default), strict or audit
      --recipient <addr>   the recipient's address (repeatable)
      --ext <list>         more file name extensions read in directories, e.g. hbs,liquid,njk
      --chromium <path>    the Chromium executable (default $CHROMIUM_PATH or /usr/bin/chromium)
  -h, --help               this help
  -v, --version            the version

Exit codes: 0 no mail has a failure; 1 a mail has one; 2 verify could not run (bad usage, no Chromium,
playwright-core missing).`;

const presets: readonly Preset[] = ["standard", "strict", "audit"];

/**
 * Parses `argv` (the arguments after `verify`). Throws a `TypeError` naming the option that is wrong.
 * `env` supplies `CHROMIUM_PATH`, the default browser when `--chromium` is absent.
 */
export function parseVerifyArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): VerifyArgs {
  const inputs: string[] = [];
  const recipients: string[] = [];
  const extensions: string[] = [];
  let out = "verify-report";
  let preset: Preset = "standard";
  let chromium = env["CHROMIUM_PATH"] || "/usr/bin/chromium";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new TypeError(`${name} needs a value`);
      return v;
    };
    if (name === "--out") out = value();
    else if (name === "--preset") {
      const v = value();
      if (!presets.includes(v as Preset)) throw new TypeError(`--preset must be one of ${presets.join(", ")}, not "${v}"`);
      preset = v as Preset;
    } else if (name === "--recipient") recipients.push(value());
    else if (name === "--chromium") chromium = value();
    else if (name === "--ext") extensions.push(value());
    else if (name.startsWith("-")) throw new TypeError(`unknown option ${name}`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new TypeError("no files or directories given");
  return { inputs, out, preset, recipients, chromium, extensions: parseExtensions(extensions) };
}
