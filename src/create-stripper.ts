// The streaming core's public face: validate options, then hand chunks to the engine.

import { Engine } from "./engine/engine.js";
import { optionError } from "./errors.js";
import { chunkDecoder } from "./input.js";
import { resolveOptions } from "./options.js";
import type { Stripper, StripperOptions } from "./types.js";

/**
 * Creates a streaming stripper. Output reaches `onData` as soon as it is safe to emit; the output and the
 * report are the same for any chunking of the input. Chunks are strings, or bytes read as UTF-8.
 *
 * @param options - The strip options and `onData(chunk)`, the output sink. Invalid options throw a TypeError.
 * @returns `write(chunk)` and `end()`, which returns the report.
 * @example
 * let html = "";
 * const stripper = createStripper({ onData: (chunk) => (html += chunk) });
 * stripper.write('<p>Hi</p><img src="https://t.example/o.gif" ');
 * stripper.write('width="1" height="1">');
 * stripper.end().findings.length
 * //=> 1
 */
export function createStripper(options: StripperOptions): Stripper {
  const config = resolveOptions(options);
  if (typeof options.onData !== "function") throw optionError("onData", "must be a function");
  const engine = new Engine(config, options.onData);
  const decoder = chunkDecoder("a chunk");
  return {
    write: (chunk) => engine.write(decoder.text(chunk)),
    end: () => {
      const rest = decoder.end();
      if (rest !== "") engine.write(rest);
      return engine.end();
    },
  };
}
