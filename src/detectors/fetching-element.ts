// Elements and attributes that have no place in email and fetch or run something when the message opens
// (DESIGN.md; the Email Privacy Tester vectors in TRACKING.md §7.13): script, frames, plugins, refresh,
// resource hints, `manifest`, `ping`, `attributionsrc`.

import type { Detector, Element, Finding } from "../types.js";
import { openAncestorsOf } from "./open-ancestors.js";

const alwaysRemoved: Readonly<Record<string, string>> = {
  script: "script in email",
  iframe: "frame in email",
  frame: "frame in email",
  object: "plugin object in email",
  embed: "plugin embed in email",
  applet: "Java applet in email",
  bgsound: "background sound in email",
};

/** `<link rel>` values that make a client fetch or connect before anything is shown. */
const hintRelations: ReadonlySet<string> = new Set([
  "dns-prefetch", "preconnect", "prefetch", "prerender", "preload", "modulepreload",
  // Compression Dictionary Transport: Chromium fetches the dictionary at idle time after load, scripting off too.
  "compression-dictionary",
]);

/** Attributes that only report: nothing of them is ever shown. */
const reportingAttributes: Readonly<Partial<Record<string, string>>> = {
  ping: "ping attribute reports the click",
  manifest: "manifest fetches on open",
  // An empty `attributionsrc` fetches nothing more: it only marks the image's own request, which is judged as the image.
  attributionsrc: "attributionsrc registers the open with an ad-attribution server",
};

/** AMP components whose only job is to report: they fetch on open and show nothing. */
const ampTrackers: Readonly<Record<string, string>> = {
  "amp-pixel": "AMP open pixel",
  "amp-analytics": "AMP analytics",
};

/** The AMP runtime and its component scripts, which an AMP email must load (amp.dev, "AMP for Email format"). */
const ampScript = /^https:\/\/cdn\.ampproject\.org\/v0(?:\.js|\/amp-[a-z0-9-]+-(?:0\.1|\d+\.\d+|latest)\.js)$/;

/** `<html ⚡4email>` or `<html amp4email>`: the document is an AMP email. */
function isAmpEmail(element: Element): boolean {
  const root = openAncestorsOf(element)[0];
  return root?.name === "html" && ("\u26a14email" in root.attributes || "amp4email" in root.attributes);
}

/** The AMP runtime or a component script, without anything a tracker could add (no `type`, no inline code). */
function isAmpRuntime(element: Element): boolean {
  const src = element.attribute("src")?.trim();
  return src !== undefined && ampScript.test(src) && isAmpEmail(element);
}

export const fetchingElementDetector: Detector = {
  name: "fetching-element",
  tags: [
    "script", "iframe", "frame", "object", "embed", "applet", "bgsound", "meta", "link", "html", "a", "area",
    "amp-pixel", "amp-analytics", "img",
  ],
  detect(element): Finding | readonly Finding[] | undefined {
    if (element.namespace !== "html") {
      if (element.name === "script") return { detector: this.name, reason: "script in email" };
      // Blink's preload scanner reads a `<link>` in svg/math as in HTML (adversary26 F1): its hints fetch there too.
      if (element.name !== "link") return undefined;
    }
    if (element.name === "script" && isAmpRuntime(element)) return undefined;
    const amp = ampTrackers[element.name];
    if (amp) {
      const own = element.resources.find((resource) => resource.fetch === "open");
      return { detector: this.name, reason: amp, ...(own ? { resource: own } : {}) };
    }
    const reason = alwaysRemoved[element.name];
    if (reason) {
      const own = element.resources.find((resource) => resource.vector === element.name);
      return { detector: this.name, reason, ...(own ? { resource: own } : {}) };
    }
    if (element.name === "meta") {
      const refresh = element.resources.find((resource) => resource.vector === "meta-refresh");
      return refresh ? { detector: this.name, reason: "meta refresh fetches a URL on open", resource: refresh } : undefined;
    }
    if (element.name === "link") {
      const relations = (element.attribute("rel") ?? "").toLowerCase().split(/\s+/);
      const hint = relations.find((relation) => hintRelations.has(relation));
      // `href`, or `imagesrcset` alone (`<link rel=preload as=image imagesrcset>` fetches with no `href`).
      const fetched = element.resources.find((resource) => resource.vector === "link" || resource.vector === "srcset");
      return hint && fetched ? { detector: this.name, reason: `resource hint rel=${hint}`, resource: fetched } : undefined;
    }
    const findings: Finding[] = [];
    for (const resource of element.resources) {
      const reason = reportingAttributes[resource.vector];
      if (reason !== undefined) findings.push({ detector: this.name, reason, resource });
    }
    return findings;
  },
};
