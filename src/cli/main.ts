#!/usr/bin/env node
// The `strip-tracking` command: dispatches to a subcommand; with none named, cleans (see clean.ts).

import { clean, type CliIo } from "./clean.js";
import { UsageError } from "./usage-error.js";
import { exitCodes } from "./exit-codes.js";

/** A subcommand: takes its own arguments, returns the exit code. */
type Command = (argv: string[], io: CliIo) => Promise<number>;

// One line per subcommand; the first argument picks one, anything else is the default `clean`.
const commands: Readonly<Record<string, Command>> = {
  clean,
  // Loaded only when asked for: it needs Chromium and optional packages.
  verify: async (argv, io) =>
    (await import("./verify.js")).verify(argv, { stdout: (text) => void io.stdout.write(text), stderr: (text) => void io.stderr.write(text) }),
};

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  const named = argv[0] !== undefined ? commands[argv[0]] : undefined;
  const command = named ?? clean;
  try {
    return await command(named ? argv.slice(1) : argv, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    io.stderr.write(`strip-tracking: ${(error as Error).message}${usage ? " (see --help)" : ""}\n`);
    return exitCodes.error;
  }
}

/**
 * A reader that goes away early (`strip-tracking big.html | head`) is not a failure: stop at once and quietly, with
 * exit code 0, as a Unix filter does. The one place for it: every write to stdout or stderr (the cleaned document,
 * the JSON report, the findings) goes through these two streams.
 */
function stopQuietlyWhenTheReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(exitCodes.ok);
    throw error;
  });
}

stopQuietlyWhenTheReaderLeaves(process.stdout);
stopQuietlyWhenTheReaderLeaves(process.stderr);
process.exitCode = await main(process.argv.slice(2));
