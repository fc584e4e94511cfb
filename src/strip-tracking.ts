// The one-call API, built on the streaming core.

import { createStripper } from "./create-stripper.js";
import type { Report, StripOptions } from "./types.js";

/**
 * Removes email tracking from an HTML document and returns it with every other byte unchanged.
 * @example
 * stripTracking('<p>Hi</p><img src="https://t.example/o.gif" width="1" height="1">')
 * //=> '<p>Hi</p>'
 */
export function stripTracking(html: string, options?: StripOptions): string {
  return stripTrackingWithReport(html, options).html;
}

/** Like `stripTracking`, and also returns the report of everything found and done. */
export function stripTrackingWithReport(html: string, options?: StripOptions): { html: string; report: Report } {
  if (typeof html !== "string") throw new TypeError("strip-tracking: html must be a string");
  const parts: string[] = [];
  const stripper = createStripper({ ...options, onData: (chunk) => parts.push(chunk) });
  stripper.write(html);
  const report = stripper.end();
  return { html: parts.join(""), report };
}
