export { createStripper } from "./create-stripper.js";
export { clickTrackingDetector } from "./detectors/click-tracking.js";
export { fetchingElementDetector } from "./detectors/fetching-element.js";
export { pixelDetector } from "./detectors/pixel.js";
export { remoteResourceDetector } from "./detectors/remote-resource.js";
export { presetDetectors } from "./presets.js";
export { defaultRewriter } from "./rewriters/default-rewriter.js";
export { type StripStreamOptions, stripTrackingStream } from "./stream.js";
export {
  type StripTextOptions,
  type StripTextResult,
  stripTrackingFromText,
  type TextUrlChange,
} from "./text/strip-tracking-from-text.js";
export { stripTracking, stripTrackingWithReport } from "./strip-tracking.js";
export type * from "./types.js";
export {
  cleanUrl,
  type CleanUrlOptions,
  type CleanUrlResult,
  createUrlCleaner,
  type OpaqueRedirect,
  type UrlChange,
  type UrlCleaner,
} from "./url/clean-url.js";
