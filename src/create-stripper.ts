// The streaming core's public face: validate options, then hand chunks to the engine.

import { Engine } from "./engine/engine.js";
import { resolveOptions } from "./options.js";
import type { Stripper, StripperOptions } from "./types.js";

/**
 * Creates a streaming stripper. Output reaches `onData` as soon as it is safe to emit; the output and the
 * report are the same for any chunking of the input.
 */
export function createStripper(options: StripperOptions): Stripper {
  if (options === null || typeof options !== "object" || typeof options.onData !== "function") {
    throw new TypeError('strip-tracking: option "onData" must be a function');
  }
  const engine = new Engine(resolveOptions(options), options.onData);
  return {
    write: (chunk) => engine.write(chunk),
    end: () => engine.end(),
  };
}
