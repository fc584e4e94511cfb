import { describe, expect, it } from "vitest";
import { createStripper, type Report, stripTracking, stripTrackingStream } from "../src/index.js";

const input = `<p>Hello</p><img src="https://t.example/o.gif" width="1" height="1"><p>Bye</p>`;

describe("streaming", () => {
  it("emits output as soon as it is safe, before end()", () => {
    const parts: string[] = [];
    const stripper = createStripper({ onData: (chunk) => parts.push(chunk) });
    stripper.write("<p>Hello</p><img src=");
    expect(parts.join("")).toBe("<p>Hello</p>");
    stripper.write(`"https://t.example/o.gif" width="1" height="1"><p>Bye</p>`);
    stripper.end();
    expect(parts.join("")).toBe("<p>Hello</p><p>Bye</p>");
  });

  it("keeps the order of the input when a string chunk comes between the bytes of one character", () => {
    let out = "";
    const stripper = createStripper({ onData: (chunk) => (out += chunk) });
    stripper.write(Buffer.from([0x3c, 0x70, 0x3e, 0x63, 0xc3])); // <p>c and the first byte of é
    stripper.write("x");
    stripper.write(Buffer.from([0xa9, 0x3c, 0x2f, 0x70, 0x3e])); // its second byte, </p>
    stripper.end();
    expect(out).toBe("<p>c\uFFFDx\uFFFD</p>");
  });

  it("works as a Web TransformStream and hands over the report", async () => {
    let report: Report | undefined;
    const chunks = input.match(/.{1,5}/gs) ?? [];
    const readable = new ReadableStream<string>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }).pipeThrough(stripTrackingStream({ onReport: (r) => (report = r) }));
    let output = "";
    for await (const chunk of readable as unknown as AsyncIterable<string>) output += chunk;
    expect(output).toBe(stripTracking(input));
    expect(report?.findings).toHaveLength(1);
  });
});
