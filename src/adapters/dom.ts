// strip-tracking/dom: clean a domhandler tree (what cheerio, juice and mjml post-processing hold) in place.
//
// The tree is serialized with dom-serializer, run through the same single-pass engine as a string, and, when
// anything changed, re-parsed with htmlparser2 and put back in place of the old children. So detectors, rules and
// the report are exactly the string path's; offsets, lines and columns refer to the serialized HTML.

import type { ChildNode, Document, Element } from "domhandler";
import render from "dom-serializer";
import { parseDocument } from "htmlparser2";
import { optionError, optionsRecord, usageError } from "../errors.js";
import { stripTrackingWithReport } from "../strip-tracking.js";
import type { Report, StripOptions } from "../types.js";

/**
 * A domhandler `Document` or `Element`, declared by its shape: domhandler is ESM-only, so a CommonJS project's
 * type check (`module: node16`, `skipLibCheck: false`) could not read declarations that import its types.
 */
export interface DomRoot {
  /** `root` for a Document, the tag kind (`tag`, `script`, `style`) for an Element. */
  readonly type: string;
  /** Its child nodes (domhandler's `ChildNode`s), replaced by the cleaned ones when anything changed. */
  children: object[];
}

/** How the tree was parsed; the same settings serialize and re-parse it. */
export interface DomOptions extends StripOptions {
  /** The tree was parsed in XML mode. @default false */
  readonly xmlMode?: boolean;
}

/**
 * Removes tracking from a domhandler tree in place: a `Document` (as from htmlparser2's `parseDocument` or
 * cheerio's `$.root()[0]`) or an `Element`, whose children are cleaned.
 *
 * @param root - The document or element whose children are cleaned. Its own identity is kept.
 * @param options - The strip options, and `xmlMode` when the tree was parsed as XML.
 * @returns The report, as `stripTrackingWithReport` gives it for the serialized HTML.
 * @example
 * const document = parseDocument(html);
 * stripTrackingFromDom(document).findings.length //=> 1
 */
export function stripTrackingFromDom(root: DomRoot, options?: DomOptions): Report {
  if (!root || typeof root !== "object" || !Array.isArray((root as DomRoot).children)) {
    throw usageError("stripTrackingFromDom takes a domhandler Document or Element");
  }
  const { xmlMode = false, ...stripOptions } = optionsRecord(options) as DomOptions;
  if (typeof xmlMode !== "boolean") throw optionError("xmlMode", "must be a boolean");
  const tree = root as Document | Element;
  const html = render(tree.children, { xmlMode });
  const { html: cleaned, report } = stripTrackingWithReport(html, stripOptions);
  if (report.changed) replaceChildren(tree, parseDocument(cleaned, { xmlMode }).children);
  return report;
}

function replaceChildren(root: Document | Element, children: ChildNode[]): void {
  for (const child of children) child.parent = root;
  root.children = children;
}
