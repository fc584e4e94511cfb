// The decision about one start tag (outside `<style>`, which is held until its text is complete): the judge's
// decisions, the fail-closed rules that apply to the tag, and the edit that follows from them.

import {
  baseInCdata,
  foreignInSelect,
  rawTextEndAttributeVerdict,
  rawTextEndInAttributes,
  rawTextInAmbiguousContext,
} from "./ambiguous-markup.js";
import type { ElementView } from "./element-view.js";
import { rawTextElements } from "./html-elements.js";
import { type Decision, judge } from "./judge.js";
import { nothing, type Plan, plan, type PlannedWarning, type PlanReport, type Scope } from "./plan.js";
import type { RawTag } from "./raw-tag.js";
import type { LocatedResource } from "./resources.js";
import { editTag, type ResourceEdit } from "./tag-editor.js";

/**
 * Plans the start tag `tag`, which ends at `end`. `view` is the element detectors see; `shapesTree` says the tag
 * closed elements a later parse would otherwise keep open (it broke out of svg/math, or an `<input>` closed a
 * `<select>`): then a removed tag must stay, bare, or what follows would be read inside them.
 */
export function planStartTag(tag: RawTag, end: number, view: ElementView, shapesTree: boolean, scope: Scope): Plan {
  const { name, namespace } = view;
  // Most tags plan nothing: nothing is allocated for them but what the judge returns.
  let warnings: PlannedWarning[] | undefined;
  const decisions = judge(view, scope.config);
  const context = namespace === "html" && rawTextElements.has(name) ? scope.rawTextContext() : undefined;
  const cdataBase = baseInCdata(name, scope.inCdata);
  const rawText = rawTextInAmbiguousContext(name, context) ?? foreignInSelect(name, namespace !== "html", () => scope.inSelect());
  if (cdataBase) {
    warnings = [{ verdict: cdataBase, at: tag.start }];
    decisions.unshift(ambiguousRemoval(name, "![CDATA["));
  } else if (rawText && !decisions.some(isRemoval)) {
    warnings = [{ verdict: rawText, at: tag.start }];
    decisions.unshift(ambiguousRemoval(name, context ?? "select"));
  }

  const removal = decisions.find(isRemoval);
  if (removal) {
    const text = shapesTree ? bareTag(scope.slice(tag.start + 1, tag.nameEnd)) : "";
    return plan({ from: tag.start, to: end, text }, report(name, tag.start, decisions), warnings, true);
  }

  const ends = scope.rawTextEnds;
  const ambiguous = ends.length > 0 ? rawTextEndInAttributes(ends, () => scope.slice(tag.start, end), tag.attributes) : [];
  for (const attribute of ambiguous) (warnings ??= []).push({ verdict: rawTextEndAttributeVerdict(attribute.name, attribute.value, ends), at: tag.start });
  if (decisions.length === 0 && ambiguous.length === 0) return warnings ? plan(undefined, undefined, warnings) : nothing;
  const edits = resourceEdits(decisions);
  if (edits.length === 0 && ambiguous.length === 0) return plan(undefined, report(name, tag.start, decisions), warnings);
  const source = scope.slice(tag.start, end);
  const edited = editTag(source, tag.start, tag.nameEnd, tag.attributes, edits, ambiguous);
  const replace = edited.text !== source ? { from: tag.start, to: end, text: edited.text } : undefined;
  return plan(replace, report(name, tag.start, decisions, edited.outcomes), warnings);
}

function report(tag: string, at: number, decisions: readonly Decision[], outcomes?: PlanReport["outcomes"]): PlanReport {
  return { tag, at, decisions, outcomes };
}

/** The attribute-level edits among the decisions. */
export function resourceEdits(decisions: readonly Decision[]): ResourceEdit[] {
  const edits: ResourceEdit[] = [];
  for (const { edit } of decisions) {
    if (edit.kind === "remove-resource" || edit.kind === "replace-url") {
      edits.push({ resource: edit.resource as LocatedResource, url: edit.kind === "replace-url" ? edit.url : undefined });
    }
  }
  return edits;
}

export function isRemoval(decision: Decision): boolean {
  return decision.edit.kind === "remove-element";
}

/** The engine's own decision to remove an element whose content browsers may read differently. */
export function ambiguousRemoval(tag: string, context = "noscript"): Decision {
  return {
    finding: { detector: "ambiguous-markup", reason: `<${tag}> inside <${context}> is read as markup by some browsers` },
    edit: { kind: "remove-element" },
    rewriter: "engine",
  };
}

/** A start tag with no attributes: it still closes what it closed, and fetches nothing. */
function bareTag(name: string): string {
  // `<font>` breaks out only with color, face or size; an `<input>` without a type would show a text box.
  const lower = name.toLowerCase();
  if (lower === "font") return `<${name} color>`;
  return lower === "input" ? `<${name} type="hidden">` : `<${name}>`;
}
