// Judges one mail from what Chromium did with its input and its output: which requests went, which came, and which
// images a reader lost. Pure: verify.ts feeds it renderings, tests feed it plain data.

import type { ReportEntry } from "../../types.js";
import { mailUrl, type Rendering, type SeenImage } from "./renderer.js";

/** A request the input made and the output does not, with the report line that explains it. */
export interface RemovedRequest {
  readonly url: string;
  /** Undefined when no finding names this URL (e.g. a fetch made by a removed element's child). */
  readonly finding: ReportEntry | undefined;
}

/** An image a reader sees in the input and not in the output, at one width, that no finding names. */
export interface LostImage {
  readonly width: number;
  readonly url: string;
}

/** The verdict on one mail. */
export interface MailVerdict {
  readonly removed: readonly RemovedRequest[];
  readonly kept: readonly string[];
  /** Requests the output makes in place of a removed one (a URL the report says was rewritten). */
  readonly rewritten: readonly string[];
  /** Requests the output makes that the input did not: each one is a failure. */
  readonly added: readonly string[];
  readonly lostImages: readonly LostImage[];
  /** Human sentences, one per failure; empty when the mail passes. */
  readonly failures: readonly string[];
}

/**
 * A URL as Chromium requests it: resolved against the mail's address, without its fragment, and `http:` as
 * `https:` (the mail is loaded over https, where Chromium upgrades `http:` images and media).
 */
export function absoluteUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim(), mailUrl);
    parsed.hash = "";
    if (parsed.protocol === "http:") parsed.protocol = "https:";
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** One width's input and output renderings. */
export interface WidthPair {
  readonly width: number;
  readonly before: Rendering;
  readonly after: Rendering;
}

/** Compares the renderings of a mail at each width against the report of its stripping. */
export function compareMail(findings: readonly ReportEntry[], pairs: readonly WidthPair[]): MailVerdict {
  const byUrl = new Map<string, ReportEntry>();
  const newUrls = new Set<string>();
  for (const entry of findings) {
    const url = entry.url === undefined ? undefined : absoluteUrl(entry.url);
    if (url !== undefined && !byUrl.has(url)) byUrl.set(url, entry);
    const newUrl = entry.newUrl === undefined ? undefined : absoluteUrl(entry.newUrl);
    if (newUrl !== undefined) newUrls.add(newUrl);
  }
  const urls = (side: "before" | "after"): Set<string> =>
    new Set(pairs.flatMap((pair) => pair[side].requests.map((url) => absoluteUrl(url) ?? url)));
  const before = urls("before");
  const after = urls("after");
  const removed = [...before].filter((url) => !after.has(url)).map((url) => ({ url, finding: byUrl.get(url) }));
  const kept = [...before].filter((url) => after.has(url));
  const fresh = [...after].filter((url) => !before.has(url));
  const rewritten = fresh.filter((url) => newUrls.has(url));
  const added = fresh.filter((url) => !newUrls.has(url));
  const lostImages = pairs.flatMap(({ width, before, after }) =>
    unexplainedLosses(findings, before.images, after.images).map((url) => ({ width, url })),
  );
  const failures = [
    ...added.map((url) => `request the input did not make: ${url}`),
    ...lostImages.map(({ width, url }) => `image a reader sees at ${width} px is gone, and no finding names it as a tracker: ${url}`),
    ...pairs.flatMap(({ width, before, after }) => [
      ...(before.error === undefined ? [] : [`input did not finish loading at ${width} px: ${before.error}`]),
      ...(after.error === undefined ? [] : [`output did not finish loading at ${width} px: ${after.error}`]),
    ]),
  ];
  return { removed, kept, rewritten, added, lostImages, failures };
}

/**
 * The URLs of images a reader sees in `before` and not in `after` (counted, so one of two copies of a logo lost is
 * a loss) that no finding names as a tracker.
 */
export function unexplainedLosses(
  findings: readonly ReportEntry[],
  before: readonly SeenImage[],
  after: readonly SeenImage[],
): string[] {
  const byUrl = new Map<string, ReportEntry>();
  for (const entry of findings) {
    const url = entry.url === undefined ? undefined : absoluteUrl(entry.url);
    if (url !== undefined && !byUrl.has(url)) byUrl.set(url, entry);
  }
  return lost(before, after)
    .filter((image) => !namesAsTracker(byUrl.get(image.url), image))
    .map(({ url }) => url);
}

/**
 * Whether `entry` names a seen `image` as a tracker. A `pixel` finding without a vendor claims that the reader does
 * not see the image (tiny or hidden): a box larger than 2x2 px in Chromium disproves it (a mobile block revealed by
 * `@media`, a 1x1 image that CSS makes wide). Other findings (a known vendor, a block rule, a remote resource) stand.
 */
export function namesAsTracker(entry: ReportEntry | undefined, image: SeenImage): boolean {
  if (entry === undefined) return false;
  if (entry.detector !== "pixel" || entry.vendor !== undefined) return true;
  return image.width <= 2 || image.height <= 2;
}

/** The images seen before and not after (URLs absolute), counted: two copies of a logo, one left: one lost. */
function lost(before: readonly SeenImage[], after: readonly SeenImage[]): SeenImage[] {
  const left = new Map<string, number>();
  const key = (image: SeenImage): string => absoluteUrl(image.url) ?? image.url;
  for (const image of after) left.set(key(image), (left.get(key(image)) ?? 0) + 1);
  const gone: SeenImage[] = [];
  for (const image of before) {
    const n = left.get(key(image)) ?? 0;
    if (n > 0) left.set(key(image), n - 1);
    else gone.push({ ...image, url: key(image) });
  }
  return gone;
}
