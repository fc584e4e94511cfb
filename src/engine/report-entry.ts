// Turns the decisions about one element into report lines.

import { ownString } from "../base/own-string.js";
import type { Position } from "../text/line-counter.js";
import type { Action, Edit, ReportEntry } from "../types.js";
import type { Decision } from "./judge.js";
import type { LocatedResource } from "./resources.js";
import type { AttributeOutcome } from "./tag-editor.js";

function actionOf(edit: Edit, resource: LocatedResource | undefined, attributeRemoved: boolean): Action {
  switch (edit.kind) {
    case "keep":
      return "kept";
    case "remove-element":
      return "removed-element";
    case "replace-url":
      return "rewrote-url";
    case "remove-resource": {
      // Removing a candidate or a declaration can empty the attribute, which then goes whole.
      const kind = resource?.location.kind;
      if (attributeRemoved || kind === "attribute" || kind === "meta-refresh") return "removed-attribute";
      return kind === "srcset" ? "removed-srcset-candidate" : "removed-css-declaration";
    }
  }
}

/**
 * The report lines of the decisions about one element, each built once, in the key order of `ReportEntry`, with
 * every string its own (see `ownString`): a kept line never holds the input alive.
 */
export function reportEntries(
  decisions: readonly Decision[],
  tag: string,
  offset: number,
  applied: boolean,
  outcomes: ReadonlyMap<string, AttributeOutcome> | undefined,
  position: Position,
): ReportEntry[] {
  const removal = decisions.find((decision) => decision.edit.kind === "remove-element");
  const ownTag = ownString(tag);
  return decisions.map((decision) => {
    const { finding, edit, rewriter } = decision;
    const resource = finding.resource as LocatedResource | undefined;
    // Once the element goes, every other finding on it went with it.
    const effective: Edit = removal && decision !== removal && edit.kind !== "keep" ? removal.edit : edit;
    const attributeRemoved = resource?.attribute !== undefined && outcomes?.get(resource.attribute) === "removed";
    const entry: Partial<Mutable<ReportEntry>> = { vector: resource?.vector ?? "element", tag: ownTag };
    if (resource) entry.url = ownString(resource.url);
    if (edit.kind === "replace-url") {
      entry.newUrl = ownString(edit.url);
      if (finding.replacement) entry.changes = finding.replacement.changes.map(ownString);
    }
    if (finding.vendor) entry.vendor = ownString(finding.vendor);
    entry.detector = finding.detector ?? "unknown";
    entry.rewriter = rewriter;
    entry.action = actionOf(effective, resource, attributeRemoved);
    entry.applied = applied && effective.kind !== "keep";
    entry.reason = ownString(finding.reason);
    entry.offset = offset;
    entry.line = position.line;
    entry.column = position.column;
    return entry as ReportEntry;
  });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The entry with every string its own (see `ownString`), safe to keep after the input is gone. */
export function ownedEntry(entry: ReportEntry): ReportEntry {
  // One copy, then its strings replaced in place: the keys keep their order, and no object is made per field.
  const owned: Mutable<ReportEntry> = { ...entry };
  owned.tag = ownString(entry.tag);
  if (entry.url !== undefined) owned.url = ownString(entry.url);
  if (entry.newUrl !== undefined) owned.newUrl = ownString(entry.newUrl);
  if (entry.changes !== undefined) owned.changes = entry.changes.map(ownString);
  if (entry.vendor !== undefined) owned.vendor = ownString(entry.vendor);
  owned.reason = ownString(entry.reason);
  return owned;
}
