// The built-in rewriter: the least edit that stops a finding's fetch without touching anything else.

import type { Edit, Element, Finding, Vector } from "../types.js";

/** Vectors where the element exists only to fetch its URL: the element goes. */
const elementVectors: ReadonlySet<Vector> = new Set([
  "img", "input-image", "iframe", "frame", "embed", "applet", "object", "script", "bgsound", "link",
  "meta-refresh", "svg-image", "base",
]);

/** Attributes that hold a list of URLs, all fetched: one URL cannot take the place of the list. */
const listVectors: ReadonlySet<Vector> = new Set(["attributionsrc"]);

export const defaultRewriter = {
  name: "default",
  rewrite(finding: Finding, element: Element): Edit {
    if (finding.keep) return { kind: "keep" };
    const resource = finding.resource;
    if (resource === undefined) return { kind: "remove-element" };
    if (finding.replacement && !listVectors.has(resource.vector)) return { kind: "replace-url", resource, url: finding.replacement.url };
    // A click link is never removed: a finding that offers no replacement leaves it in place.
    if (resource.fetch === "click" && resource.vector === "anchor") return { kind: "keep" };
    // A `<link>` exists only to fetch: its `imagesrcset` goes with it, as its `href` does.
    if (elementVectors.has(resource.vector) || (element.name === "link" && resource.vector === "srcset")) return { kind: "remove-element" };
    return { kind: "remove-resource", resource };
  },
};
