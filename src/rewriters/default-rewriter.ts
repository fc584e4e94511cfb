// The built-in rewriter: the least edit that stops a finding's fetch without touching anything else.

import type { Edit, Element, Finding, Vector } from "../types.js";

/** Vectors where the element exists only to fetch its URL: the element goes. */
const elementVectors: ReadonlySet<Vector> = new Set([
  "img", "input-image", "iframe", "frame", "embed", "applet", "object", "script", "bgsound", "link",
  "meta-refresh", "svg-image", "base",
]);

export const defaultRewriter = {
  name: "default",
  rewrite(finding: Finding, _element: Element): Edit {
    if (finding.keep) return { kind: "keep" };
    const resource = finding.resource;
    if (resource === undefined) return { kind: "remove-element" };
    if (finding.replacement) return { kind: "replace-url", resource, url: finding.replacement.url };
    // A click link is never removed: a finding that offers no replacement leaves it in place.
    if (resource.fetch === "click" && resource.vector === "anchor") return { kind: "keep" };
    if (elementVectors.has(resource.vector)) return { kind: "remove-element" };
    return { kind: "remove-resource", resource };
  },
};
