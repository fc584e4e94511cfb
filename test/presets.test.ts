// presetDetectors: the built-in detectors of each preset, its arguments checked like the options they mirror.

import { describe, expect, it } from "vitest";
import { presetDetectors } from "../src/presets.js";
import type { Preset, TrackerRule } from "../src/types.js";

describe("presetDetectors", () => {
  it("gives each preset's detectors; strict adds remote-resource", () => {
    const standard = presetDetectors("standard").map((detector) => detector.name);
    expect(presetDetectors("audit").map((detector) => detector.name)).toEqual(standard);
    expect(presetDetectors("strict").map((detector) => detector.name)).toEqual([...standard, "remote-resource"]);
    expect(presetDetectors("standard", {}, [], ["ann@example.com"]).length).toBe(standard.length);
  });

  it("an unknown preset is a TypeError naming preset", () => {
    expect(() => presetDetectors("Strict" as Preset)).toThrow(TypeError);
    expect(() => presetDetectors("Strict" as Preset)).toThrow(/"preset"/);
  });

  it("a malformed tracker rule is a TypeError naming it and its field", () => {
    expect(() => presetDetectors("standard", {}, [{ id: "x" } as unknown as TrackerRule])).toThrow(/"trackers\[0\]\.vendor"/);
    expect(() => presetDetectors("standard", {}, "x" as unknown as TrackerRule[])).toThrow(TypeError);
  });

  it("a recipient that is not an address is a TypeError naming recipient", () => {
    expect(() => presetDetectors("standard", {}, [], ["bob"])).toThrow(/"recipient"/);
  });

  it("bad link options are a TypeError naming them", () => {
    expect(() => presetDetectors("standard", { keepParams: "utm_source" } as never)).toThrow(/keepParams/);
  });
});
