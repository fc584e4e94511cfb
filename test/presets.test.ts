import { describe, expect, it } from "vitest";
import { presetDetectors } from "../src/presets.js";
import { stripTracking, stripTrackingWithReport } from "../src/index.js";

describe("presetDetectors", () => {
  it("shares one frozen list per preset when nothing is customized", () => {
    const first = presetDetectors("standard");
    expect(presetDetectors("standard")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(presetDetectors("strict")).not.toBe(first);
    expect(presetDetectors("audit")).not.toBe(first);
  });

  it("builds a fresh list for link options, tracker rules or recipients", () => {
    const shared = presetDetectors("standard");
    expect(presetDetectors("standard", { keepParams: ["utm_source"] })).not.toBe(shared);
    expect(presetDetectors("standard", {}, [{ id: "t", vendor: "T", hosts: ["t.example"], path: /^\/o\.gif/ }])).not.toBe(shared);
    expect(presetDetectors("standard", {}, [], ["ann@example.com"])).not.toBe(shared);
  });
});

describe("calls sharing the preset's detectors", () => {
  const link = '<a href="https://shop.example/p?utm_source=news&amp;id=7">p</a>';
  const pixel = '<img src="https://t.example/o.gif">';

  it("a customized call leaves the next default call as it was", () => {
    const before = stripTracking(link + pixel);
    expect(stripTracking(link, { keepParams: ["utm_source"] })).toContain("utm_source");
    expect(stripTracking(pixel, { trackers: [{ id: "t", vendor: "T", hosts: ["t.example"], path: /^\/o\.gif/ }] })).not.toContain("t.example");
    expect(stripTracking(link, { disable: ["click-tracking"] })).toContain("utm_source");
    expect(stripTracking(link + pixel)).toBe(before);
    expect(before).not.toContain("utm_source");
    expect(before).toContain("t.example");
  });

  it("gives the same report for the same mail, before and after other mail", () => {
    const mail = `<p>Hi</p>${link}<img src="https://cdn.example/a.png" width="1" height="1">`;
    const first = stripTrackingWithReport(mail);
    for (let i = 0; i < 20; i++) stripTracking(`<a href="https://h${i}.example/?utm_medium=x">x</a>`);
    expect(stripTrackingWithReport(mail)).toEqual(first);
  });
});
