// Runs the detectors and the user's rules on one element and turns their findings into edits.
// Allow rules win over block rules and over every detector.

import { defaultRewriter } from "../rewriters/default-rewriter.js";
import { usageError } from "../errors.js";
import type { Edit, Element, Finding, Resource } from "../types.js";
import { detectorsFor, type EngineConfig } from "./config.js";
import type { ElementView } from "./element-view.js";
import { unreadableReason } from "./resources.js";

export interface Decision {
  readonly finding: Finding;
  readonly edit: Edit;
  readonly rewriter: string;
}

function addBlockRuleFindings(findings: Finding[], element: ElementView, config: EngineConfig): void {
  // The live stack, not `element.ancestors` (a copy per element would make deep nesting quadratic).
  if (config.block.matchesElement(element, element.openAncestors)) {
    findings.push({ detector: "block-rule", reason: "matches a block selector" });
    return;
  }
  for (const resource of element.resources) {
    if (resource.fetch === "open" && config.block.matchesUrl(resource.absoluteUrl)) {
      findings.push({ detector: "block-rule", reason: "matches a block URL pattern", resource });
    }
  }
}

/** Resources the engine cannot read as a browser would (a data: stylesheet nested too deep): they fail closed. */
function addUnreadableFindings(findings: Finding[], element: Element): void {
  for (const resource of element.resources) {
    const reason = unreadableReason(resource);
    if (reason !== undefined) findings.push({ detector: "ambiguous-markup", reason: `${reason}: removed unread`, resource });
  }
}

function isAllowed(finding: Finding, element: Element, config: EngineConfig): boolean {
  if (config.allow.isEmpty) return false;
  if (finding.resource) return config.allow.matchesUrl(finding.resource.absoluteUrl);
  return element.resources.some((resource) => config.allow.matchesUrl(resource.absoluteUrl));
}

/** The decision about one finding: the first rewriter that has an edit for it, else the default rewriter. */
function decide(finding: Finding, element: Element, config: EngineConfig): Decision {
  for (const rewriter of config.rewriters) {
    const edit = rewriter.rewrite(finding, element);
    if (!edit) continue;
    // As for findings: only the element's own resource objects tell the engine where a URL sits.
    if ("resource" in edit && !element.resources.includes(edit.resource)) {
      throw usageError(`rewriter "${rewriter.name}" returned an edit whose resource is not one of the element's resources`);
    }
    return { finding, edit, rewriter: rewriter.name };
  }
  return { finding, edit: defaultRewriter.rewrite(finding, element), rewriter: defaultRewriter.name };
}

/**
 * The decisions for one element, in detector order, at most one per resource (the first finding wins). An element
 * nothing is found in costs no allocation but the returned empty list (which the engine may add to).
 */
export function judge(element: ElementView, config: EngineConfig): Decision[] {
  const detectors = detectorsFor(config, element);
  const blocking = !config.block.isEmpty;
  if (detectors.length === 0 && !blocking) return [];
  if (!config.allow.isEmpty && config.allow.matchesElement(element, element.openAncestors)) return [];

  let findings: Finding[] | undefined;
  // Unreadable resources only exist where resources can: detectors that need none are not a reason to look.
  if (blocking || detectors.length > 0 && element.mayHaveResources) {
    findings = [];
    addUnreadableFindings(findings, element);
    if (blocking) addBlockRuleFindings(findings, element, config);
  }
  for (const detector of detectors) {
    const result = detector.detect(element);
    if (result === undefined) continue;
    const list = Array.isArray(result) ? (result as readonly Finding[]) : [result as Finding];
    for (const finding of list) {
      // The engine edits a resource where it sits: only the element's own resource objects say where that is.
      if (finding.resource && !(element.resources as readonly Resource[]).includes(finding.resource)) {
        throw usageError(`detector "${detector.name}" returned a resource that is not one of the element's resources`);
      }
      // Checked here, not where a report line is made: `stripTracking` makes none, and must fail as the others do.
      if (typeof finding.reason !== "string" || (finding.vendor !== undefined && typeof finding.vendor !== "string")) {
        throw usageError(`detector "${detector.name}" returned a finding whose reason or vendor is not a string`);
      }
      // The report names the detector that spoke, whatever the finding says.
      (findings ??= []).push(finding.detector === detector.name ? finding : { ...finding, detector: detector.name });
    }
  }
  if (findings === undefined || findings.length === 0) return [];

  const decisions: Decision[] = [];
  // What each finding is about (its resource, or the element). One finding, the usual case, needs no Set.
  const judged = findings.length > 1 ? new Set<unknown>() : undefined;
  for (const finding of findings) {
    const key = finding.resource ?? element;
    if (judged?.has(key) || isAllowed(finding, element, config)) continue;
    judged?.add(key);
    decisions.push(decide(finding, element, config));
  }
  return decisions;
}
