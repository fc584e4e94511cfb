// Mistakes in the command line: exit code 2, with the message and a hint. Its own module, so that both commands
// (and their built chunks) share it without one importing the other.

import { resolveOptions } from "../options.js";
import type { StripOptions } from "../types.js";

/** A mistake in the command line: exit code 2 with the message and a hint. */
export class UsageError extends Error {}

/** The library's option for each flag that sets one, to name the flag in an error about the option. */
const flagOfOption: Readonly<Record<string, string>> = {
  preset: "--preset",
  recipient: "--recipient",
  keepParams: "--keep-param",
  removeParams: "--remove-param",
};

/** Validates the options the flags make once, before any input is read: a bad value is a usage error naming its flag. */
export function checkOptions(options: StripOptions): void {
  try {
    resolveOptions(options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const message = error.message.replace(/^strip-tracking: option "([^"]+)"/, (whole, option: string) => flagOfOption[option] ?? whole);
    throw new UsageError(message.replace(/^strip-tracking: /, ""));
  }
}
