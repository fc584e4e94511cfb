// Runs the detectors and the user's rules on one element and turns their findings into edits.
// Allow rules win over block rules and over every detector.

import { defaultRewriter } from "../rewriters/default-rewriter.js";
import { usageError } from "../errors.js";
import type { Edit, Element, Finding } from "../types.js";
import { detectorsFor, type EngineConfig } from "./config.js";

export interface Decision {
  readonly finding: Finding;
  readonly edit: Edit;
  readonly rewriter: string;
}

function blockRuleFindings(element: Element, config: EngineConfig): Finding[] {
  if (config.block.isEmpty) return [];
  if (config.block.matchesElement(element, element.ancestors)) {
    return [{ detector: "block-rule", reason: "matches a block selector" }];
  }
  return element.resources
    .filter((resource) => resource.fetch === "open" && config.block.matchesUrl(resource.absoluteUrl))
    .map((resource) => ({ detector: "block-rule", reason: "matches a block URL pattern", resource }));
}

function isAllowed(finding: Finding, element: Element, config: EngineConfig): boolean {
  if (config.allow.isEmpty) return false;
  if (finding.resource) return config.allow.matchesUrl(finding.resource.absoluteUrl);
  return element.resources.some((resource) => config.allow.matchesUrl(resource.absoluteUrl));
}

function rewrite(finding: Finding, element: Element, config: EngineConfig): { edit: Edit; rewriter: string } {
  for (const rewriter of config.rewriters) {
    const edit = rewriter.rewrite(finding, element);
    if (!edit) continue;
    // As for findings: only the element's own resource objects tell the engine where a URL sits.
    if ("resource" in edit && !element.resources.includes(edit.resource)) {
      throw usageError(`rewriter "${rewriter.name}" returned an edit whose resource is not one of the element's resources`);
    }
    return { edit, rewriter: rewriter.name };
  }
  return { edit: defaultRewriter.rewrite(finding, element), rewriter: defaultRewriter.name };
}

/** The decisions for one element, in detector order, at most one per resource (the first finding wins). */
export function judge(element: Element, config: EngineConfig): Decision[] {
  const detectors = detectorsFor(config, element.name);
  if (detectors.length === 0 && config.block.isEmpty) return [];
  if (!config.allow.isEmpty && config.allow.matchesElement(element, element.ancestors)) return [];

  const findings = blockRuleFindings(element, config);
  for (const detector of detectors) {
    const result = detector.detect(element);
    if (result === undefined) continue;
    for (const finding of Array.isArray(result) ? (result as readonly Finding[]) : [result as Finding]) {
      // The engine edits a resource where it sits: only the element's own resource objects say where that is.
      if (finding.resource && !element.resources.includes(finding.resource)) {
        throw usageError(`detector "${detector.name}" returned a resource that is not one of the element's resources`);
      }
      // The report names the detector that spoke, whatever the finding says.
      findings.push(finding.detector === detector.name ? finding : { ...finding, detector: detector.name });
    }
  }

  const decisions: Decision[] = [];
  const judged = new Set<unknown>();
  for (const finding of findings) {
    const key = finding.resource ?? element;
    if (judged.has(key) || isAllowed(finding, element, config)) continue;
    judged.add(key);
    decisions.push({ finding, ...rewrite(finding, element, config) });
  }
  return decisions;
}
