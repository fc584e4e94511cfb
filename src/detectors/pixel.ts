// The spy-pixel detector: every image-like fetch (img `src`/`srcset`, `picture > source`, `input type=image`,
// `poster`, SVG `image`/`use`/`feImage`, VML images in Outlook comments, `background=`, AMP images, icons and
// style sheets) judged by one set of rules (DESIGN.md, "What counts as tracking"):
// - 0 or 1 px (attributes by HTML's rules, CSS by CSS's, `<style>` class rules too): a pixel, unless it is a
//   spacer whose whole URL is static (no query, no numeric or letters-and-digits folder before it: a `spacer.gif`
//   behind a subscriber ID is a pixel), or only one dimension is given as 1 and the URL is clean (a 600x1 rule
//   image; a percentage attribute is the layout's size, never tiny);
// - at most 6x6 px with an opaque token or a tracking path in the URL: a beacon (LiveIntent 2x6, WordPress.com
//   6x5, Cooper Press 3x1);
// - hidden (on the element or an ancestor; `@media` rules that reveal it make it content), or 0 px in one
//   dimension (`width=600 height=0` draws nothing), with an opaque token or a tracking path. Hidden alone is not evidence: a clean image in a hidden block is a responsive swap that
//   phones show, sized or not.
// A token that is a label of the host name (`<uuid>.t.example`) counts only for tiny, small and hidden images:
// content hosts have hash-like labels too (bucket names), so it is not enough for a `<link>` or a `<base>`.
// Recipient identifiers and known endpoints are other detectors' evidence (`recipient-id`, `known-tracker`).
// `cid:` and `data:` images are never pixels (nothing is fetched), except as the `<img>` of a `<picture>`: what it
// shows may be a `<source>` candidate, fetched for it, which a single pass judges before it knows the `<img>`.
// A tiny `<img>` there, or a hidden one with a local `src`, goes, and without it no `<source>` is fetched.
// Media: `<video>`, `<audio>` and their `<source>`s are judged as images, sized by the media element; an `<audio>`
// without `controls` shows nothing (`display:none` in the UA style sheet), so it counts as hidden. A `<base href>` is not judged: it fetches nothing,
// and removing it would move every relative image and link after it to the mail client's own origin (broken); what
// resolves against it is judged where it fetches, by its absolute URL.

import type { Ancestor, Detector, Element, Finding, Resource, Vector } from "../types.js";
import { isLocalUrl } from "../url/local-url.js";
import { findHostToken, findOpaqueToken } from "../url/opaque-token.js";
import { trackingPathOf } from "../url/tracking-path.js";
import { afterHost } from "../url/url-parts.js";
import { describeSize, dimensionAttribute, hasNoArea, isOneSided, isSmall, isTiny, type Size, sizeOf } from "./element-size.js";
import { openAncestorsOf } from "./open-ancestors.js";

const spacerName = /\/(?:spacer|blank|clear|transparent|pixel-spacer|s)\.(?:gif|png)$/i;
/** A folder that names someone or something per message (`/4821937/`, `/ab12cd34/`), not a static asset. */
const idFolder = /\/(?=[a-z]*\d)[a-z\d]+\//i;
/** Path words used by open-tracking endpoints (where a word may end: `tracking-path.ts`). */
const trackingPath = trackingPathOf(["open", "opened", "opens", "track", "tracking", "trace", "pixel", "beacon", "imp", "impression", "wf/open", "e/o", "o"]);

/** Vectors judged as images. Links, frames and scripts are other detectors' work. */
const imageVectors: ReadonlySet<Vector> = new Set([
  "img", "srcset", "input-image", "svg-image", "poster", "vml", "background", "link", "video", "audio", "source",
]);

/** `<link rel>` values whose fetch no reader ever sees as content in a message. */
const unseenLinks = /\b(?:icon|apple-touch-icon|apple-touch-icon-precomposed|mask-icon|stylesheet)\b/i;


/**
 * What the URL itself says: an opaque token (in any segment, even before an asset file name, or as a host label)
 * or a tracking path. Tokens are phrases for the report ("hex token", "uuid token in its host name").
 */
interface UrlEvidence {
  /** A token outside static-asset paths (`/lib/<hash>/images/<uuid>.png` names the asset, not the reader). */
  readonly token: string | undefined;
  /** A token anywhere, asset paths and host name included: enough next to a tiny size. */
  readonly anyToken: string | undefined;
  /** A token, or else a host-name label that is one: enough next to a small size or hiding. */
  readonly tokenOrHostToken: string | undefined;
  readonly trackingPath: boolean;
}

function evidenceOf(url: string): UrlEvidence {
  const kind = findOpaqueToken(url);
  const token = kind && `${kind} token`;
  const hostKind = findHostToken(url);
  const hostToken = hostKind && `${hostKind} token in its host name`;
  const assetKind = token ? undefined : findOpaqueToken(url, true);
  return {
    token,
    anyToken: token ?? (assetKind && `${assetKind} token`) ?? hostToken,
    tokenOrHostToken: token ?? hostToken,
    trackingPath: trackingPath.test(afterHost(url)),
  };
}

function why(evidence: UrlEvidence, token: string | undefined): string {
  if (token) return ` with a ${token}`;
  return evidence.trackingPath ? " on a tracking path" : "";
}

/**
 * A spacer (`spacer.gif`, `s.gif`...) whose URL is static: no query (`?u=4821937&m=42` identifies the reader as well
 * as a hex token does) and no ID folder before the file name.
 */
function isStaticSpacer(url: string): boolean {
  const path = afterHost(url);
  if (/[?]/.test(path)) return false;
  const file = path.split("#")[0] ?? "";
  return spacerName.test(file) && !idFolder.test(file);
}

function judgeResource(element: Element, resource: Resource, size: () => Size, hidden: string | undefined): Finding | undefined {
  const url = resource.absoluteUrl;
  if (url === undefined || isLocalUrl(resource.url)) return undefined;
  const finding = (reason: string): Finding => ({ detector: "pixel", reason, resource });
  if (resource.vector === "link") {
    if (!unseenLinks.test(element.attribute("rel") ?? "")) return undefined;
    const evidence = evidenceOf(url);
    if (!evidence.token && !evidence.trackingPath) return undefined;
    return finding(`<link rel=${element.attribute("rel")}>${why(evidence, evidence.token)}`);
  }
  const dimensions = size();
  if (isTiny(dimensions)) {
    const evidence = evidenceOf(url);
    const clean = !evidence.anyToken && !evidence.trackingPath;
    if (clean && isStaticSpacer(url) && !inPicture(element)) return undefined;
    // `height="1"` alone is a rule image (600x1) as often as a pixel: a clean URL makes it content. A real 1x1 pixel
    // writes both; a known endpoint is `known-tracker`'s.
    if (clean && isOneSided(dimensions)) return undefined;
    return finding(`${describeSize(dimensions)} image${evidence.anyToken ? ` with a ${evidence.anyToken}` : ""}`);
  }
  if (isSmall(dimensions)) {
    // A token in an asset path (`/lib/<account hash>/spacer1x6.gif`) names a layout spacer, not a reader.
    const evidence = evidenceOf(url);
    const token = evidence.tokenOrHostToken;
    if (token || evidence.trackingPath) return finding(`${describeSize(dimensions)} image${why(evidence, token)}`);
  }
  // Most images are visible: a token is looked for only in hidden ones, and in those that draw nothing, 0 px in one
  // dimension (`width=600 height=0`: as a hidden one, it may be a responsive image some client opens; a cell's
  // `background=` grows with its content, so its 0 is a minimum).
  if (hidden === undefined && (resource.vector === "background" || !hasNoArea(dimensions))) return undefined;
  const evidence = evidenceOf(url);
  if (hidden === undefined) {
    const token = evidence.tokenOrHostToken;
    return token || evidence.trackingPath ? finding(`${describeSize(dimensions)} image${why(evidence, token)}`) : undefined;
  }
  if (evidence.tokenOrHostToken) return finding(`hidden image with a ${evidence.tokenOrHostToken} (${hidden})`);
  if (evidence.trackingPath) return finding(`hidden image on a tracking path (${hidden})`);
  return undefined;
}

const backgroundOnly: ReadonlySet<string> = new Set(["body", "table", "td", "th", "tr"]);

function parentOf(element: Element): Ancestor | undefined {
  const ancestors = openAncestorsOf(element);
  return ancestors[ancestors.length - 1];
}

const unknownSize: Size = { width: undefined, height: undefined };

/**
 * A `<picture>`'s `<img>` with `width`/`height` attributes: a selected `<source width height>` replaces them, and a
 * single pass cannot see the sources' attributes from the `<img>`, so its size is not known (a 1x1 fallback shows a
 * 600x300 source; adversary23). CSS sizes it whatever the source says.
 */
function pictureSizedByAttributes(element: Element): boolean {
  return inPicture(element) && (element.attribute("width") !== undefined || element.attribute("height") !== undefined);
}

function inPicture(element: Element): boolean {
  return element.name === "img" && parentOf(element)?.name === "picture";
}

/** Why a media element (or its `<source>`) shows nothing, if it does not: an `<audio>` without `controls`. */
function mediaHiding(element: Element): string | undefined {
  const media = element.name === "source" ? parentOf(element) : element;
  if (media?.name !== "audio") return undefined;
  const controls = media === element ? element.attribute("controls") : (media as Ancestor).attributes["controls"];
  return controls === undefined ? "<audio> without controls" : undefined;
}

/**
 * A media `<source>` is shown at its `<video>`'s size, read from the video's `width`/`height` only when no CSS can
 * change them (no `style`, `class` or `id`: `height="0" style="height:auto"` shows the video, adversary23); an
 * `<audio>`'s has no size of its own. Anything else at its own size.
 */
function sizeFor(element: Element): Size {
  const parent = element.name === "source" ? parentOf(element) : undefined;
  if (parent?.name !== "video" && parent?.name !== "audio") return sizeOf(element);
  const attributes = parent.attributes;
  if (parent.name === "audio" || attributes["style"] !== undefined || attributes["class"] !== undefined || attributes["id"] !== undefined) {
    return { width: undefined, height: undefined };
  }
  return { width: dimensionAttribute(attributes["width"]), height: dimensionAttribute(attributes["height"]) };
}

/**
 * The `<img>` of a `<picture>` whose own `src` judged clean or local: tiny, or hidden with a local `src`, it shows
 * nothing but what its `<source>`s fetch, which were judged without its size. It goes, and they are not fetched.
 */
function judgePictureImage(element: Element, size: () => Size): Finding | undefined {
  if (!inPicture(element)) return undefined;
  const dimensions = size();
  if (isTiny(dimensions)) return { detector: "pixel", reason: `${describeSize(dimensions)} image in a <picture> (it shows what its <source> fetches)` };
  const src = element.attribute("src");
  const unseen = element.hiddenBy ?? (hasNoArea(dimensions) ? describeSize(dimensions) : undefined);
  if (unseen !== undefined && (src === undefined || isLocalUrl(src))) {
    return { detector: "pixel", reason: `hidden image in a <picture> with a local src (it shows what its <source> fetches; ${unseen})` };
  }
  return undefined;
}

/** Finds spy pixels among the image-like fetches of an element. */
export const pixelDetector: Detector = {
  name: "pixel",
  needs: "resources",
  tags: [
    "img", "input", "image", "use", "feimage", "video", "audio", "source", "link", "body", "table", "td", "th", "tr",
    "amp-img", "amp-anim", "v:image", "v:imagedata", "v:fill", "v:background", "v:rect", "v:roundrect", "v:shape",
    "v:oval",
  ],
  detect(element) {
    // Table cells and the body fetch only through `background=` (their CSS is `css-tracking`'s).
    if (backgroundOnly.has(element.name) && element.attribute("background") === undefined) return undefined;
    const candidates = element.resources.filter((resource) => resource.fetch === "open" && imageVectors.has(resource.vector));
    let size: Size | undefined;
    const sizeOnce = (): Size => (size ??= pictureSizedByAttributes(element) ? unknownSize : sizeFor(element));
    const findings: Finding[] = [];
    const hidden = element.hiddenBy ?? mediaHiding(element);
    for (const resource of candidates) {
      const finding = judgeResource(element, resource, sizeOnce, hidden);
      if (finding) findings.push(finding);
    }
    if (findings.length === 0 && element.name === "img") return judgePictureImage(element, sizeOnce);
    return findings;
  },
};
