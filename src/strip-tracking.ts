// The one-call API, built on the streaming core.

import { Engine } from "./engine/engine.js";
import { textOf } from "./input.js";
import { resolveOptions } from "./options.js";
import type { Report, StripOptions } from "./types.js";

/**
 * Removes email tracking from an HTML document and returns it with every other byte unchanged.
 *
 * @param html - The document: a string, or a `Uint8Array`/`Buffer` read as UTF-8.
 * @param options - See {@link StripOptions}. Invalid or unknown options throw a TypeError naming them.
 * @returns The cleaned HTML (a string).
 * @example
 * stripTracking('<p>Hi</p><img src="https://t.example/o.gif" width="1" height="1">')
 * //=> '<p>Hi</p>'
 */
export function stripTracking(html: string | Uint8Array, options?: StripOptions): string {
  return strip(html, options, false).html;
}

/**
 * Like `stripTracking`, and also returns the report of everything found and done.
 *
 * @param html - The document: a string, or a `Uint8Array`/`Buffer` read as UTF-8.
 * @param options - See {@link StripOptions}.
 * @returns The cleaned HTML and the {@link Report}.
 * @example
 * stripTrackingWithReport('<img src="https://t.example/o.gif" width="1" height="1">').report.findings[0].line
 * //=> 1
 */
export function stripTrackingWithReport(html: string | Uint8Array, options?: StripOptions): { html: string; report: Report } {
  return strip(html, options, true);
}

/**
 * One document through the engine, in one write. Without `reportLines` no one reads the report's lines (unless
 * `onFinding` takes them): findings are counted, not described, and the output is the same.
 */
function strip(html: string | Uint8Array, options: StripOptions | undefined, reportLines: boolean): { html: string; report: Report } {
  const text = textOf(html, "html");
  let output = "";
  const config = resolveOptions(options);
  const engine = new Engine(reportLines ? config : { ...config, reportLines }, (chunk) => (output += chunk));
  engine.write(text);
  const report = engine.end(); // before `output` is read: the end flushes what the input left undecided
  return { html: output, report };
}
