// The Web Streams face of the core: a TransformStream for edge runtimes and browsers.

import { stripperWithSink } from "./create-stripper.js";
import { optionError } from "./errors.js";
import type { Report, StripOptions } from "./types.js";

/** Options of {@link stripTrackingStream}: the strip options and `onReport`. */
export interface StripStreamOptions extends StripOptions {
  /** Receives the report when the stream ends. */
  readonly onReport?: (report: Report) => void;
}

/**
 * A TransformStream that strips tracking from HTML. Chunks are strings, or bytes read as UTF-8.
 *
 * @param options - The strip options and `onReport(report)`.
 * @returns A `TransformStream` whose readable side carries the cleaned HTML as strings.
 * @example
 * response.body.pipeThrough(stripTrackingStream({ onReport: (report) => audit.save(report) }))
 */
export function stripTrackingStream(options?: StripStreamOptions): TransformStream<string | Uint8Array, string> {
  const { onReport, ...stripOptions } = options ?? {};
  if (onReport !== undefined && typeof onReport !== "function") throw optionError("onReport", "must be a function");
  let controller: TransformStreamDefaultController<string> | undefined;
  const stripper = stripperWithSink(stripOptions, (chunk) => controller?.enqueue(chunk));
  return new TransformStream<string | Uint8Array, string>({
    start(streamController) {
      controller = streamController;
    },
    transform(chunk) {
      stripper.write(chunk);
    },
    flush() {
      const report = stripper.end();
      onReport?.(report);
    },
  });
}
