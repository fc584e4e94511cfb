// The Web Streams face of the core: a TransformStream<string, string> for edge runtimes and browsers.

import { createStripper } from "./create-stripper.js";
import type { Report, StripOptions } from "./types.js";

/** A TransformStream that strips tracking from HTML text. `onReport` receives the report at the end. */
export function stripTrackingStream(
  options?: StripOptions & { readonly onReport?: (report: Report) => void },
): TransformStream<string, string> {
  const { onReport, ...stripOptions } = options ?? {};
  if (onReport !== undefined && typeof onReport !== "function") {
    throw new TypeError('strip-tracking: option "onReport" must be a function');
  }
  let controller: TransformStreamDefaultController<string> | undefined;
  const stripper = createStripper({ ...stripOptions, onData: (chunk) => controller?.enqueue(chunk) });
  return new TransformStream<string, string>({
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
