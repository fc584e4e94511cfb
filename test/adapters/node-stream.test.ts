import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { stripTrackingTransform } from "../../src/adapters/node-stream.js";
import { stripTrackingWithReport } from "../../src/strip-tracking.js";
import type { Report } from "../../src/types.js";

const html = `<p>Café ☕</p><a href="https://x.example/?utm_source=a&id=1">x</a><img src="https://t.example/o.gif" width="1" height="1">`;

async function collect(chunks: (string | Buffer)[], options?: Parameters<typeof stripTrackingTransform>[0]) {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), stripTrackingTransform(options), new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  }));
  return Buffer.concat(out).toString("utf8");
}

describe("stripTrackingTransform", () => {
  it("gives the one-shot result for string chunks and for Buffers split inside a UTF-8 sequence", async () => {
    const expected = stripTrackingWithReport(html).html;
    expect(await collect([html.slice(0, 10), html.slice(10)])).toBe(expected);
    const bytes = Buffer.from(html);
    const chunks = Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1)); // one byte each
    expect(await collect(chunks)).toBe(expected);
  });

  it("reads a string written with an encoding as those bytes", async () => {
    const transform = stripTrackingTransform();
    const out: Buffer[] = [];
    transform.on("data", (chunk: Buffer) => out.push(chunk));
    const done = new Promise((resolve) => transform.on("end", resolve));
    transform.write(Buffer.from(html).toString("hex"), "hex");
    transform.end(Buffer.from("<p>end</p>").toString("base64"), "base64");
    await done;
    expect(Buffer.concat(out).toString("utf8")).toBe(stripTrackingWithReport(`${html}<p>end</p>`).html);
  });

  it("hands the report to onReport and as a report event", async () => {
    let fromOption: Report | undefined;
    let fromEvent: Report | undefined;
    const transform = stripTrackingTransform({ onReport: (report) => (fromOption = report) });
    transform.on("report", (report: Report) => (fromEvent = report));
    transform.resume();
    transform.end(html);
    await new Promise((resolve) => transform.on("end", resolve));
    expect(fromOption?.findings.map((finding) => finding.action)).toEqual(["rewrote-url", "removed-element"]);
    expect(fromEvent).toBe(fromOption);
  });

  it("applies backpressure: writes return false while nobody reads", () => {
    const transform = stripTrackingTransform();
    const chunk = `<p>${"x".repeat(4096)}</p>`;
    let accepted = 0;
    while (transform.write(chunk) && accepted < 1000) accepted++;
    expect(accepted).toBeLessThan(1000);
    expect(transform.writableNeedDrain).toBe(true);
    transform.destroy();
  });

  it("throws a TypeError at creation for bad options", () => {
    expect(() => stripTrackingTransform({ preset: "loose" as never })).toThrow(/option "preset"/);
  });
});
