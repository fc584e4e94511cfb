import { describe, expect, it } from "vitest";
import { createStripper, type Element, type Rewriter, stripTracking, stripTrackingStream, stripTrackingWithReport } from "../src/index.js";
import { resolveOptions } from "../src/options.js";

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

  it("passes the recipients as written (trimmed) too, for encodings that keep case", () => {
    const seen: (readonly string[] | undefined)[] = [];
    stripTracking("<img src=a.png>", {
      recipient: [" Ann@Example.com ", "bob@example.com"],
      detectors: [{ name: "spy", detect: (element) => void seen.push(element.recipientsAsGiven) }],
    });
    expect(seen).toEqual([["Ann@Example.com", "bob@example.com"]]);
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


describe("detectors shared between calls", () => {
  const link = '<a href="https://shop.example/p?utm_source=news&amp;id=7">p</a>';
  const pixel = '<img src="https://t.example/o.gif">';
  const tracker = { id: "t", vendor: "T", hosts: ["t.example"], path: /^\/o\.gif/ };

  it("shares them for the same preset, whatever the recipients, and not for options that change them", () => {
    const shared = resolveOptions({}).detectorsByTag;
    expect(resolveOptions({ dryRun: true, onFinding: () => {} }).detectorsByTag).toBe(shared);
    expect(resolveOptions({ recipient: "ann@example.com" }).detectorsByTag).toBe(shared);
    expect(resolveOptions({ preset: "strict" }).detectorsByTag).not.toBe(shared);
    for (const options of [{ keepParams: ["utm_source"] }, { trackers: [tracker] }, { disable: ["pixel"] }, { detectors: [{ name: "x", detect: () => undefined }] }]) {
      expect(resolveOptions(options).detectorsByTag).not.toBe(shared);
    }
  });

  it("two streams at once, each for its own recipient, each find their own", () => {
    const mail = (address: string) => `<img src="https://cdn.example/hero.png?id=${btoa(address)}" width="600" height="300">`;
    const outputs = ["", ""];
    const addresses = ["ann@example.com", "bob@example.com"];
    const streams = addresses.map((recipient, i) => createStripper({ recipient, onData: (chunk) => (outputs[i] += chunk) }));
    for (let round = 0; round < 3; round++) {
      for (const [i, stream] of streams.entries()) stream.write(mail(addresses[i] as string) + mail(addresses[1 - i] as string));
    }
    for (const stream of streams) stream.end();
    for (const [i, address] of addresses.entries()) {
      const other = addresses[1 - i] as string;
      expect(outputs[i]).toBe(('<img src="https://cdn.example/hero.png" width="600" height="300">' + mail(other)).repeat(3));
      expect(outputs[i]).not.toContain(btoa(address));
    }
  });

  it("a customized call leaves the next default call as it was", () => {
    const before = stripTracking(link + pixel);
    expect(stripTracking(link, { keepParams: ["utm_source"] })).toContain("utm_source");
    expect(stripTracking(pixel, { trackers: [tracker] })).not.toContain("t.example");
    expect(stripTracking(link, { disable: ["click-tracking"] })).toContain("utm_source");
    expect(stripTracking(link + pixel)).toBe(before);
    expect(before).not.toContain("utm_source");
    expect(before).toContain("t.example");
  });

  it("each call reads its own recipient, whatever other calls asked for", () => {
    // A content image whose only identifier is the address: recipient-id drops that parameter.
    const mail = (address: string) => `<img src="https://cdn.example/hero.png?id=${btoa(address)}" width="600" height="300">`;
    for (let i = 0; i < 200; i++) {
      const address = `user${i % 150}@example.com`;
      const other = `user${(i + 1) % 150}@example.com`;
      expect(stripTracking(mail(address), { recipient: address })).toBe('<img src="https://cdn.example/hero.png" width="600" height="300">');
      expect(stripTracking(mail(address), { recipient: other })).toBe(mail(address));
    }
  });

  it("gives the same report for the same mail, before and after other mail", () => {
    const mail = `<p>Hi</p>${link}<img src="https://cdn.example/a.png" width="1" height="1">`;
    const first = stripTrackingWithReport(mail);
    for (let i = 0; i < 20; i++) stripTracking(`<a href="https://h${i}.example/?utm_medium=x">x</a>`);
    expect(stripTrackingWithReport(mail)).toEqual(first);
  });
});
