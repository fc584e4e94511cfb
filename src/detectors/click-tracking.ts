// The click-tracking detector: links (`a`, `area`, svg `a`, VML shapes) whose URL carries tracking
// parameters or a redirect wrapper. Links are never removed: they are cleaned when the clean URL is written
// in the link itself, and kept (and reported) when the destination is only known to the tracker.

import type { Detector, Finding, Resource } from "../types.js";
import { type CleanUrlOptions, createUrlCleaner, type UrlCleaner, type UrlChange } from "../url/clean-url.js";
import { describeUrlChanges as describe, vendorOfUrlChanges as vendorOf } from "../url/describe-changes.js";

/** "signed URL: removing utm_source, utm_medium would break its signature" */
function signedReason(kept: readonly UrlChange[]): string {
  return `signed URL: removing ${kept.map((change) => change.param).join(", ")} would break its signature`;
}

function judgeLink(resource: Resource, clean: UrlCleaner, detector: string): Finding | undefined {
  const result = clean(resource.url);
  const kept = result.keptForSignature;
  if (result.unsafeRedirect !== undefined) {
    return { detector, resource, keep: true, reason: `redirect to a non-http(s) destination kept as is (${result.unsafeRedirect.slice(0, 40)})` };
  }
  if (result.changed) {
    const vendor = vendorOf(result.changes);
    const reason = kept === undefined ? describe(result.changes) : `${describe(result.changes)}; ${signedReason(kept)}`;
    const replacement = { url: result.url, changes: result.changes.map((change) => change.param ?? change.rule) };
    return vendor ? { detector, resource, reason, vendor, replacement } : { detector, resource, reason, replacement };
  }
  if (result.opaqueRedirect) {
    const { vendor, reason } = result.opaqueRedirect;
    return { detector, resource, keep: true, vendor, reason: `click redirect kept: ${reason}` };
  }
  if (kept !== undefined) {
    const vendor = vendorOf(kept);
    const reason = signedReason(kept);
    return vendor ? { detector, resource, keep: true, vendor, reason } : { detector, resource, keep: true, reason };
  }
  return undefined;
}

const noFindings: readonly Finding[] = Object.freeze([]);

/** Creates the click-tracking detector with the given link options (validated here, once). */
export function clickTrackingDetector(options: CleanUrlOptions = {}): Detector {
  const clean = createUrlCleaner(options);
  return {
    name: "click-tracking",
    needs: "resources",
    tags: ["a", "area", "v:roundrect", "v:rect", "v:shape", "v:oval"],
    detect(element) {
      // Most links need no finding: no array is built for them.
      let findings: Finding[] | undefined;
      for (const resource of element.resources) {
        if (resource.vector !== "anchor") continue;
        const finding = judgeLink(resource, clean, this.name);
        if (finding) (findings ??= []).push(finding);
      }
      return findings ?? noFindings;
    },
  };
}
