// The spy-pixel detector: images too small to see, and hidden images that exist only to be fetched.
//
// Rules (DESIGN.md, "What counts as tracking"):
// - 0 or 1 px by attribute or inline CSS: a pixel, unless it is a plainly named spacer with no token;
// - hidden (display:none, visibility:hidden, opacity:0, max-height:0, hidden; on the image or an ancestor)
//   and unsized, or carrying an opaque token, or on a tracking-looking path: a pixel;
// - a sized image with a clean URL in a hidden block is responsive content (revealed by media queries): kept;
// - `cid:` and `data:` images are never pixels (nothing is fetched).

import type { Detector, Element, Finding, Resource } from "../types.js";
import { isLocalUrl } from "../url/local-url.js";
import { findOpaqueToken } from "../url/opaque-token.js";

const spacerName = /\/(?:spacer|blank|clear|transparent|pixel-spacer|s)\.(?:gif|png)$/i;
/** Path words used by open-tracking endpoints (Trocker's `/open`, `/track`, `/trace`; EasyPrivacy's pixel paths). */
const trackingPath = /\/(?:open|opened|opens|track|tracking|trace|pixel|beacon|imp|impression|wf\/open|e\/o|o)(?:[/._?=-]|$)/i;

function pixels(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*(?:!important)?\s*$/i.exec(value);
  return match ? Number(match[1]) : undefined;
}

interface Size {
  readonly width: number | undefined;
  readonly height: number | undefined;
}

function sizeOf(element: Element): Size {
  let width = pixels(element.attributes["width"]);
  let height = pixels(element.attributes["height"]);
  for (const { name, value } of element.style) {
    const length = pixels(value);
    if (length === undefined) continue;
    if (name === "width" || (name === "max-width" && length <= 1)) width = length;
    if (name === "height" || (name === "max-height" && length <= 1)) height = length;
  }
  return { width, height };
}

function isTiny({ width, height }: Size): boolean {
  if (width === undefined && height === undefined) return false;
  return (width ?? 0) <= 1 && (height ?? 0) <= 1;
}

function describeSize({ width, height }: Size): string {
  return `${width ?? "?"}x${height ?? "?"} image`;
}

function pathOf(resource: Resource): string {
  const url = resource.absoluteUrl ?? resource.url;
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
}

function judgeImage(element: Element, source: Resource): Finding | undefined {
  if (isLocalUrl(source.url)) return undefined;
  const size = sizeOf(element);
  const url = source.absoluteUrl ?? source.url;
  if (isTiny(size)) {
    const token = findOpaqueToken(url);
    if (!token && spacerName.test(pathOf(source).split("?")[0] ?? "")) return undefined;
    return { detector: "pixel", reason: `${describeSize(size)}${token ? ` with a ${token} token` : ""}`, resource: source };
  }
  // Most images are visible and sized: a token is looked for only in hidden ones.
  const hiddenBy = element.hiddenBy;
  if (hiddenBy === undefined) return undefined;
  const unsized = size.width === undefined && size.height === undefined;
  if (unsized) return { detector: "pixel", reason: `unsized image hidden by ${hiddenBy}`, resource: source };
  const token = findOpaqueToken(url);
  if (token) return { detector: "pixel", reason: `hidden image with a ${token} token (${hiddenBy})`, resource: source };
  if (trackingPath.test(pathOf(source))) {
    return { detector: "pixel", reason: `hidden image on a tracking path (${hiddenBy})`, resource: source };
  }
  return undefined;
}

/** Finds spy pixels: `<img>` and `<input type=image>` too small to see, or hidden and suspicious. */
export const pixelDetector: Detector = {
  name: "pixel",
  tags: ["img", "input"],
  detect(element) {
    if (element.namespace !== "html") return undefined;
    const source = element.resources.find((resource) => resource.vector === "img" || resource.vector === "input-image");
    return source ? judgeImage(element, source) : undefined;
  },
};
