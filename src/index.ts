export { createStripper } from "./create-stripper.js";
export { clickTrackingDetector } from "./detectors/click-tracking.js";
export { fetchingElementDetector } from "./detectors/fetching-element.js";
export { pixelDetector } from "./detectors/pixel.js";
export { remoteResourceDetector } from "./detectors/remote-resource.js";
export { presetDetectors } from "./presets.js";
export { defaultRewriter } from "./rewriters/default-rewriter.js";
export { stripTrackingStream } from "./stream.js";
export { type StripTextResult, stripTrackingFromText, type TextUrlChange } from "./text/strip-tracking-from-text.js";
export { stripTracking, stripTrackingWithReport } from "./strip-tracking.js";
export type * from "./types.js";
export {
  cleanUrl,
  type CleanUrlOptions,
  type CleanUrlResult,
  type OpaqueRedirect,
  type UrlChange,
} from "./url/clean-url.js";
