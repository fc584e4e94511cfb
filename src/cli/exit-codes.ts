// The CLI's exit codes, documented in its --help and the README.

export const exitCodes = {
  /** Done; with --check, nothing to remove. */
  ok: 0,
  /** --check found tracking. */
  found: 1,
  /** Bad usage, or an input could not be read or cleaned. */
  error: 2,
} as const;
