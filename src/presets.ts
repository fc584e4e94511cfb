// The built-in detectors of each preset.

import { fetchingElementDetector } from "./detectors/fetching-element.js";
import { pixelDetector } from "./detectors/pixel.js";
import type { Detector, Preset } from "./types.js";

const standard: readonly Detector[] = Object.freeze([pixelDetector, fetchingElementDetector]);

/** The built-in detectors a preset runs, in order. `audit` runs the `standard` ones and changes nothing. */
export function presetDetectors(preset: Preset): readonly Detector[] {
  switch (preset) {
    case "standard":
    case "audit":
    case "strict":
      return standard;
  }
}
