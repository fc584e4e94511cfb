// A Node stream pipeline: read a file, strip tracking as it streams (bounded memory, backpressure respected),
// write the result. The report arrives when the input ends.
// Usage: npm run build && node examples/node-stream.mjs [in.html] > out.html
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { stripTrackingTransform } from "strip-tracking/node";

const input = process.argv[2] ?? new URL("./newsletter.html", import.meta.url);
await pipeline(
  createReadStream(input, { highWaterMark: 1024 }),
  stripTrackingTransform({
    onReport: (report) => console.error(`${report.findings.length} findings, changed: ${report.changed}`),
  }),
  process.stdout,
);
