// The command line of `strip-tracking verify`.

import type { Preset } from "../../types.js";

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
}

export const verifyUsage =
  "usage: strip-tracking verify <files or dirs> [--out verify-report] [--preset standard|strict|audit] " +
  "[--recipient ADDRESS]... [--chromium PATH]";

const presets: readonly Preset[] = ["standard", "strict", "audit"];

/**
 * Parses `argv` (the arguments after `verify`). Throws a `TypeError` naming the option that is wrong.
 * `env` supplies `CHROMIUM_PATH`, the default browser when `--chromium` is absent.
 */
export function parseVerifyArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): VerifyArgs {
  const inputs: string[] = [];
  const recipients: string[] = [];
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
    else if (name.startsWith("-")) throw new TypeError(`unknown option ${name}`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new TypeError("no files or directories given");
  return { inputs, out, preset, recipients, chromium };
}
