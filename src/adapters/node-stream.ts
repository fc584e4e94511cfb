// strip-tracking/node: the streaming core as a Node Transform (the Web TransformStream is in the main entry).

import { Transform } from "node:stream";
import { stripperWithSink } from "../create-stripper.js";
import { optionError } from "../errors.js";
import type { Report, StripOptions } from "../types.js";

/** Options of {@link stripTrackingTransform}: the strip options and `onReport`. */
export interface StripTransformOptions extends StripOptions {
  /** Receives the report when the input ends (before the stream's `end`). */
  readonly onReport?: (report: Report) => void;
}

/**
 * A Node `Transform` that strips tracking from HTML. It takes strings or Buffers (read as UTF-8) and emits the
 * cleaned HTML as UTF-8 Buffers (call `setEncoding("utf8")` for strings). Backpressure is Node's own: when the
 * reader stops reading, writes return false until it drains. The report is also emitted as a `report` event.
 *
 * @param options - The strip options and `onReport(report)`; invalid options throw a TypeError here.
 * @returns The Transform.
 * @example
 * await pipeline(createReadStream("in.html"), stripTrackingTransform(), createWriteStream("out.html"));
 */
export function stripTrackingTransform(options?: StripTransformOptions): Transform {
  const { onReport, ...stripOptions } = options ?? {};
  if (onReport !== undefined && typeof onReport !== "function") throw optionError("onReport", "must be a function");
  let transform: Transform | undefined;
  const stripper = stripperWithSink(stripOptions, (chunk) => transform?.push(chunk, "utf8"));
  transform = new Transform({
    decodeStrings: false,
    transform(chunk: string | Buffer, encoding, callback) {
      try {
        // A string written with an encoding (`write(hex, "hex")`) is those bytes; a plain string is the text.
        stripper.write(typeof chunk === "string" && encoding !== "utf8" && encoding !== "utf-8" ? Buffer.from(chunk, encoding) : chunk);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        const report = stripper.end();
        onReport?.(report);
        transform?.emit("report", report);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  return transform;
}
