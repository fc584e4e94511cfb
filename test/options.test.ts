import { describe, expect, it } from "vitest";
import { createStripper, stripTracking, stripTrackingStream } from "../src/index.js";

describe("options", () => {
  it.each([
    [{ preset: "aggressive" }, "preset"],
    [{ recipient: 42 }, "recipient"],
    [{ recipient: ["not an address"] }, "recipient"],
    [{ detectors: [{ name: "x" }] }, "detectors"],
    [{ detectors: {} }, "detectors"],
    [{ rewriters: [() => undefined] }, "rewriters"],
    [{ disable: ["no-such-detector"] }, "disable"],
    [{ maxBufferSize: 0 }, "maxBufferSize"],
    [{ maxBufferSize: "1MB" }, "maxBufferSize"],
    [{ unknownThing: true }, "unknownThing"],
  ])("%j throws a TypeError naming %s", (options, name) => {
    expect(() => stripTracking("<p>x</p>", options as never)).toThrow(TypeError);
    expect(() => stripTracking("<p>x</p>", options as never)).toThrow(`"${name}"`);
  });

  it("rejects a non-string input and a missing onData", () => {
    expect(() => stripTracking(undefined as never)).toThrow(TypeError);
    expect(() => createStripper({} as never)).toThrow(/"onData"/);
    expect(() => stripTrackingStream({ onReport: 1 } as never)).toThrow(/"onReport"/);
  });

  it("accepts a recipient address or a list of them", () => {
    expect(stripTracking("<p>x</p>", { recipient: "Ann@Example.com" })).toBe("<p>x</p>");
    expect(stripTracking("<p>x</p>", { recipient: ["a@example.com", "b@example.com"] })).toBe("<p>x</p>");
  });

  it("passes the recipients, lower-cased, to detectors", () => {
    const seen: string[][] = [];
    stripTracking("<img src=a.png>", {
      recipient: "Ann@Example.com",
      detectors: [{ name: "spy", detect: (element) => void seen.push([...element.recipients]) }],
    });
    expect(seen).toEqual([["ann@example.com"]]);
  });

  it("refuses write() after end()", () => {
    const stripper = createStripper({ onData: () => {} });
    stripper.end();
    expect(() => stripper.write("x")).toThrow(/write\(\) after end\(\)/);
  });
});
