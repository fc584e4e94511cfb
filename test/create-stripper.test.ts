// createStripper's own option, onData: required there, and an unknown option everywhere else.

import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { stripTrackingFromDom } from "../src/adapters/dom.js";
import { stripTrackingFromMime, stripTrackingMimeStream } from "../src/adapters/mime.js";
import { stripTrackingTransform } from "../src/adapters/node-stream.js";
import { stripTrackingPlugin } from "../src/adapters/nodemailer.js";
import { createStripper, stripTracking, stripTrackingFromText, stripTrackingStream, stripTrackingWithReport } from "../src/index.js";

const onData = (_chunk: string): void => {};

describe("createStripper", () => {
  it("without options, or with options that are not an object, gives the library's own TypeError", () => {
    // @ts-expect-error: called as a JavaScript user would
    expect(() => createStripper()).toThrow(new TypeError('strip-tracking: option "onData" must be a function'));
    expect(() => createStripper(null as never)).toThrow(/^strip-tracking: option "onData" must be a function/);
    expect(() => createStripper("x" as never)).toThrow(/^strip-tracking: options must be an object/);
  });

  it("checks the strip options too", () => {
    expect(() => createStripper({ onData, preset: "loose" } as never)).toThrow(/"preset"/);
    expect(() => createStripper({ onData, onReport: () => {} } as never)).toThrow(/"onReport" is not a known option/);
  });

  it("streams the output to onData", () => {
    let html = "";
    const stripper = createStripper({ onData: (chunk) => (html += chunk) });
    stripper.write('<p>Hi</p><img src="https://t.example/o.gif" ');
    stripper.write('width="1" height="1">');
    expect(stripper.end().findings).toHaveLength(1);
    expect(html).toBe("<p>Hi</p>");
  });
});

describe("onData anywhere but createStripper is an unknown option, named", () => {
  const calls: [string, () => unknown][] = [
    ["stripTracking", () => stripTracking("<p>x</p>", { onData } as never)],
    ["stripTrackingWithReport", () => stripTrackingWithReport("<p>x</p>", { onData } as never)],
    ["stripTrackingStream", () => stripTrackingStream({ onData } as never)],
    ["stripTrackingTransform", () => stripTrackingTransform({ onData } as never)],
    ["stripTrackingMimeStream", () => stripTrackingMimeStream({ onData } as never)],
    ["stripTrackingPlugin", () => stripTrackingPlugin({ onData } as never)],
    ["stripTrackingFromDom", () => stripTrackingFromDom(parseDocument("<p>x</p>"), { onData } as never)],
    ["stripTrackingFromText", () => stripTrackingFromText("x", { onData } as never)],
  ];
  for (const [name, call] of calls) {
    it(name, () => expect(call).toThrow(new TypeError('strip-tracking: option "onData" is not a known option')));
  }

  it("stripTrackingFromMime", async () => {
    await expect(stripTrackingFromMime("Subject: x\r\n\r\nbody\r\n", { onData } as never)).rejects.toThrow(/option "onData" is not a known option/);
  });
});
