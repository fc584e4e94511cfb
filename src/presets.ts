// The built-in detectors of each preset.

import { clickTrackingDetector } from "./detectors/click-tracking.js";
import { fetchingElementDetector } from "./detectors/fetching-element.js";
import { knownTrackerDetector } from "./detectors/known-tracker.js";
import { cssTrackingDetector } from "./detectors/css-tracking.js";
import { pixelDetector } from "./detectors/pixel.js";
import { recipientIdDetector } from "./detectors/recipient-id.js";
import { remoteResourceDetector } from "./detectors/remote-resource.js";
import { checkTrackerRules } from "./detectors/known-tracker.js";
import { optionError } from "./errors.js";
import { recipientsAsGiven } from "./recipient.js";
import type { Detector, Preset, TrackerRule } from "./types.js";
import type { CleanUrlOptions } from "./url/clean-url.js";

const presets: readonly Preset[] = ["standard", "strict", "audit"];

/**
 * The built-in detectors a preset runs, in order. `audit` runs the `standard` ones and changes nothing.
 * Its arguments are checked as the options they mirror (`preset`, the link options, `trackers`, `recipient`):
 * a bad one is a TypeError naming it.
 * `strict` adds remote stylesheets, fonts and tokenized resources; it adds nothing for links: an opaque
 * redirect's destination is only known to the tracker's server, so the only stricter move would break the link.
 */
export function presetDetectors(
  preset: Preset,
  links: CleanUrlOptions = {},
  trackers: readonly TrackerRule[] = [],
  recipients: readonly string[] = [],
): readonly Detector[] {
  if (!presets.includes(preset)) throw optionError("preset", `must be one of ${presets.join(", ")}`);
  const rules = checkTrackerRules(trackers);
  const addresses = recipientsAsGiven(recipients);
  // Order matters: the first finding per resource wins. Click tracking rewrites a link before `recipient-id`
  // reports an identifier in it (and keeps it).
  const standard = [
    knownTrackerDetector(rules),
    pixelDetector,
    fetchingElementDetector,
    clickTrackingDetector(links),
    recipientIdDetector(addresses),
    cssTrackingDetector,
  ];
  switch (preset) {
    case "standard":
    case "audit":
      return standard;
    case "strict":
      return [...standard, remoteResourceDetector];
  }
}
