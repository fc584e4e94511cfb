// The streaming core's public face: validate options, then hand chunks to the engine.

import { Engine } from "./engine/engine.js";
import { optionError, optionsRecord } from "./errors.js";
import { chunkDecoder } from "./input.js";
import { resolveOptions } from "./options.js";
import type { StripOptions, Stripper, StripperOptions } from "./types.js";

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
  const { onData, ...stripOptions } = optionsRecord(options);
  if (typeof onData !== "function") throw optionError("onData", "must be a function");
  return stripperWithSink(stripOptions, onData as StripperOptions["onData"]);
}

/**
 * A stripper whose output goes to `sink`: for the stream faces, which own the sink. The options are the strip
 * options, so an `onData` among them is an unknown option (the caller's output would never reach it).
 */
export function stripperWithSink(options: StripOptions, sink: (chunk: string) => void): Stripper {
  const engine = new Engine(resolveOptions(options), sink);
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
