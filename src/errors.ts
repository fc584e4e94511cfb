// The library's error messages: one prefix, written in one place.

const prefix = "strip-tracking: ";

/** A TypeError about one option, e.g. `strip-tracking: option "preset" must be one of …`. */
export function optionError(option: string, expectation: string): TypeError {
  return new TypeError(`${prefix}option "${option}" ${expectation}`);
}

/** A TypeError about a misused API (a bad argument, a broken plugin). */
export function usageError(message: string): TypeError {
  return new TypeError(prefix + message);
}

/** An Error about a call out of order (write after end). */
export function stateError(message: string): Error {
  return new Error(prefix + message);
}

/** Throws a TypeError naming every key of `options` that `known` does not hold. */
export function rejectUnknownOptions(options: object, known: ReadonlySet<string>): void {
  const unknown = Object.keys(options).filter((key) => !known.has(key));
  if (unknown.length === 1) throw optionError(unknown[0]!, "is not a known option");
  if (unknown.length > 1) throw usageError(`options ${unknown.map((key) => `"${key}"`).join(", ")} are not known options`);
}

/** Checks that `options` is undefined, null or a plain object, and returns it as a record. */
export function optionsRecord(options: unknown): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) throw usageError("options must be an object");
  return options as Record<string, unknown>;
}
