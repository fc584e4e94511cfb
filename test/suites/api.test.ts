import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

describe("public API", () => {
  it("exports exactly the documented names", () => {
    expect(Object.keys(api).sort()).toEqual([
      "cleanUrl",
      "clickTrackingDetector",
      "createStripper",
      "createUrlCleaner",
      "defaultRewriter",
      "fetchingElementDetector",
      "pixelDetector",
      "presetDetectors",
      "remoteResourceDetector",
      "stripTracking",
      "stripTrackingFromText",
      "stripTrackingStream",
      "stripTrackingWithReport",
    ]);
  });

  it("does what the README examples say", () => {
    expect(api.cleanUrl("https://shop.example/a?utm_source=news&id=7#top").url).toBe("https://shop.example/a?id=7#top");
    expect(api.stripTracking('<p>Hi</p><img src="https://t.example/o.gif" width="1" height="1">')).toBe("<p>Hi</p>");
  });

  it("lists the built-in detectors of each preset", () => {
    for (const preset of ["standard", "audit"] as const) {
      expect(api.presetDetectors(preset).map((detector) => detector.name)).toEqual([
        "known-tracker",
        "pixel",
        "fetching-element",
        "click-tracking",
        "recipient-id",
        "css-tracking",
      ]);
    }
    expect(api.presetDetectors("strict").map((detector) => detector.name)).toEqual([
      "known-tracker",
      "pixel",
      "fetching-element",
      "click-tracking",
      "recipient-id",
      "css-tracking",
      "remote-resource",
    ]);
  });
});
