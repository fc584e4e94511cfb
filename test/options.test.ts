import { describe, expect, it } from "vitest";
import { createStripper, type Element, type Rewriter, stripTracking, stripTrackingStream, stripTrackingWithReport } from "../src/index.js";

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
    [{ dryRun: "yes" }, "dryRun"],
    [{ unwrap: false }, "unwrap"],
  ])("%j throws a TypeError naming %s", (options, name) => {
    expect(() => stripTracking("<p>x</p>", options as never)).toThrow(TypeError);
    expect(() => stripTracking("<p>x</p>", options as never)).toThrow(`"${name}"`);
  });

  it("rejects a non-string input and a missing onData", () => {
    expect(() => stripTracking(undefined as never)).toThrow(TypeError);
    expect(() => createStripper({} as never)).toThrow(/"onData"/);
    expect(() => createStripper({ onData: "stdout" } as never)).toThrow(/option "onData" must be a function/);
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

  it("dryRun works with any preset: the input comes back, the findings say what would be done", () => {
    const html = '<link rel="stylesheet" href="https://fonts.example/css"><img src="https://t.example/o.gif" width="1" height="1">';
    const strict = stripTrackingWithReport(html, { preset: "strict" });
    const dry = stripTrackingWithReport(html, { preset: "strict", dryRun: true });
    expect(dry.html).toBe(html);
    expect(dry.report.changed).toBe(false);
    expect(dry.report.preset).toBe("strict");
    expect(dry.report.findings.map(({ action, applied }) => [action, applied])).toEqual(
      strict.report.findings.map(({ action }) => [action, false]),
    );
    // `audit` stays as an alias of standard + dryRun.
    const audit = stripTrackingWithReport(html, { preset: "audit" }).report.findings;
    expect(audit.map(({ action, reason }) => [action, reason])).toEqual(
      stripTrackingWithReport(html, { dryRun: true }).report.findings.map(({ action, reason }) => [action, reason]),
    );
  });

  it("reads a Uint8Array or Buffer as UTF-8, in one call and in chunks split inside a character", () => {
    const html = '<p>Café ☕</p><img src="https://t.example/o.gif" width="1" height="1">';
    expect(stripTracking(Buffer.from(html))).toBe("<p>Café ☕</p>");
    expect(stripTracking(new TextEncoder().encode(html))).toBe("<p>Café ☕</p>");
    const bytes = Buffer.from(html);
    let out = "";
    const stripper = createStripper({ onData: (chunk) => (out += chunk) });
    for (let index = 0; index < bytes.length; index++) stripper.write(bytes.subarray(index, index + 1));
    stripper.end();
    expect(out).toBe("<p>Café ☕</p>");
    expect(() => stripTracking(42 as never)).toThrow(/html must be a string or a Uint8Array read as UTF-8 \(a Buffer is one\), got number/);
  });
});

describe("plugin seams", () => {
  const html = '<img src="https://cdn.example/a.png" width="600">';
  const everyImage = { name: "every-image", tags: ["img"], detect: (element: Element) => ({ detector: "someone-else", reason: "test", resource: element.resources[0]! }) };

  it("a finding's detector is the detector's own name, whatever the finding says", () => {
    const { findings } = stripTrackingWithReport(html, { detectors: [everyImage] }).report;
    expect(findings[0]?.detector).toBe("every-image");
  });

  it("a rewriter's Edit.resource must be one of the element's resources: a TypeError naming the rewriter", () => {
    const forged: Rewriter = {
      name: "forger",
      rewrite: (finding) => ({ kind: "replace-url", resource: { ...finding.resource! }, url: "https://x.example/" }),
    };
    expect(() => stripTracking(html, { detectors: [everyImage], rewriters: [forged] })).toThrow(/rewriter "forger" returned an edit whose resource/);
  });
});

