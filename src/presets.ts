// The built-in detectors of each preset.

import { clickTrackingDetector } from "./detectors/click-tracking.js";
import { fetchingElementDetector } from "./detectors/fetching-element.js";
import { knownTrackerDetector } from "./detectors/known-tracker.js";
import { cssTrackingDetector } from "./detectors/css-tracking.js";
import { pixelDetector } from "./detectors/pixel.js";
import { recipientIdDetector } from "./detectors/recipient-id.js";
import { remoteResourceDetector } from "./detectors/remote-resource.js";
import type { Detector, Preset, TrackerRule } from "./types.js";
import type { CleanUrlOptions } from "./url/clean-url.js";

/**
 * The built-in detectors a preset runs, in order. `audit` runs the `standard` ones and changes nothing.
 * `strict` adds remote stylesheets, fonts and tokenized resources; it adds nothing for links: an opaque
 * redirect's destination is only known to the tracker's server, so the only stricter move would break the link.
 */
export function presetDetectors(
  preset: Preset,
  links: CleanUrlOptions = {},
  trackers: readonly TrackerRule[] = [],
  recipients: readonly string[] = [],
): readonly Detector[] {
  // Order matters: the first finding per resource wins. Click tracking rewrites a link before `recipient-id`
  // reports an identifier in it (and keeps it).
  const standard = [
    knownTrackerDetector(trackers),
    pixelDetector,
    fetchingElementDetector,
    clickTrackingDetector(links),
    recipientIdDetector(recipients),
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
