export { createStripper } from "./create-stripper.js";
export { fetchingElementDetector } from "./detectors/fetching-element.js";
export { pixelDetector } from "./detectors/pixel.js";
export { presetDetectors } from "./presets.js";
export { defaultRewriter } from "./rewriters/default-rewriter.js";
export { stripTrackingStream } from "./stream.js";
export { stripTracking, stripTrackingWithReport } from "./strip-tracking.js";
export type * from "./types.js";
