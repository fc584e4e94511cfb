// The `strict` preset's detector: what `standard` lets through because it is usually content, but can still
// tell a sender that the message was opened. Remote stylesheets and fonts (fetched on open, by every reader),
// and any remote resource whose URL carries an opaque token that may identify the reader.

import type { Detector, Finding, Resource } from "../types.js";
import { isLocalUrl } from "../url/local-url.js";
import { findOpaqueToken } from "../url/opaque-token.js";


function judgeResource(resource: Resource, rel: string, detector: string): Finding | undefined {
  if (resource.fetch !== "open" || isLocalUrl(resource.url) || resource.absoluteUrl === undefined) {
    return undefined;
  }
  if (resource.vector === "css-import") return { detector, reason: "remote stylesheet (@import)", resource };
  if (resource.vector === "css-font-face") return { detector, reason: "remote font", resource };
  if (resource.vector === "link" && /\bstylesheet\b/i.test(rel)) return { detector, reason: "remote stylesheet", resource };
  const token = findOpaqueToken(resource.absoluteUrl);
  return token ? { detector, reason: `remote resource with a ${token} token`, resource } : undefined;
}

/** Finds remote stylesheets, fonts and tokenized resources (the `strict` preset). */
export const remoteResourceDetector: Detector = {
  name: "remote-resource",
  needs: "resources",
  detect(element) {
    if (element.resources.length === 0) return undefined;
    const rel = element.attribute("rel") ?? "";
    return element.resources.flatMap((resource) => judgeResource(resource, rel, this.name) ?? []);
  },
};
