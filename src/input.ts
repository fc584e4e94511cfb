// What the API accepts as text: a string, or bytes decoded once here as UTF-8.

import { usageError } from "./errors.js";

/**
 * The text of an input: a string as it is, a `Uint8Array` (a Node `Buffer` is one) decoded as UTF-8 (a BOM is
 * dropped, invalid bytes become U+FFFD). Anything else is a TypeError that says what to pass.
 */
export function textOf(input: unknown, what: string): string {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array) return new TextDecoder().decode(input);
  throw usageError(`${what} must be a string or a Uint8Array read as UTF-8 (a Buffer is one), got ${describe(input)}`);
}

/**
 * A decoder for a stream of chunks: a UTF-8 sequence split between two byte chunks is decoded whole. A string chunk
 * ends a sequence left open (U+FFFD), so text never moves before bytes written earlier.
 */
export function chunkDecoder(what: string): { text(chunk: unknown): string; end(): string } {
  let decoder: TextDecoder | undefined;
  return {
    text(chunk) {
      if (typeof chunk === "string") return decoder === undefined ? chunk : decoder.decode() + chunk;
      if (chunk instanceof Uint8Array) return (decoder ??= new TextDecoder()).decode(chunk, { stream: true });
      throw usageError(`${what} must be a string or a Uint8Array read as UTF-8 (a Buffer is one), got ${describe(chunk)}`);
    },
    end: () => decoder?.decode() ?? "",
  };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "an object";
  return typeof value;
}
