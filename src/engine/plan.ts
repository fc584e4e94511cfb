// What a piece of the engine decided about one construct. The pieces (start tags, `<style>` elements,
// comments) read the input and decide; only the engine applies a plan to the bytes, the report and the warnings.

import type { Verdict } from "./ambiguous-markup.js";
import type { EngineConfig } from "./config.js";
import type { Decision } from "./judge.js";
import type { AttributeOutcome } from "./tag-editor.js";

export interface Plan {
  /** Replace the input [from, to) with `text` ("" removes it). */
  readonly replace: { readonly from: number; readonly to: number; readonly text: string } | undefined;
  /** The decisions about an element, for its report lines. */
  readonly report: PlanReport | undefined;
  /** Fail-closed rules that fired, each with the offset it is reported at. */
  readonly warnings: readonly PlannedWarning[] | undefined;
  /** A start tag's element goes, content and all: the engine drops what it holds until it closes. */
  readonly removesElement: boolean;
}

export interface PlanReport {
  readonly tag: string;
  /** Offset of the element's `<`. */
  readonly at: number;
  readonly decisions: readonly Decision[];
  /** What became of each edited attribute. */
  readonly outcomes: ReadonlyMap<string, AttributeOutcome> | undefined;
}

export interface PlannedWarning {
  readonly verdict: Verdict;
  readonly at: number;
}

/** A plan. Every plan has the same four fields, so the engine reads them all the same way (one object shape). */
export function plan(
  replace: Plan["replace"],
  report: PlanReport | undefined,
  warnings: readonly PlannedWarning[] | undefined,
  removesElement = false,
): Plan {
  return { replace, report, warnings, removesElement };
}

/** The plan that changes nothing. */
export const nothing: Plan = plan(undefined, undefined, undefined);

/** What the deciding pieces may read of the engine's state (they never write it). The engine itself is the scope. */
export interface Scope {
  readonly config: EngineConfig;
  /** A `<noscript>` start tag was seen and no `</noscript>` yet: with scripting on, this is all raw text. */
  readonly noscriptOpen: boolean;
  /** What some reader here takes as raw text up to its first `</name` (see `scannerRawText`), outermost first. */
  readonly rawTextEnds: readonly string[];
  /** Inside the tail of a CDATA section, which only some browser readers see as markup. */
  readonly inCdata: boolean;
  /** The first `<base href>` as written. */
  readonly baseHref: string | undefined;
  /** The input [start, end) (whole-input offsets). */
  slice(start: number, end: number): string;
  /** Where a raw-text element here would be read as markup by some browsers (see `rawTextContext`). */
  rawTextContext(): "noscript" | "select" | undefined;
  /** A `<select>` is open. */
  inSelect(): boolean;
  /** The current element is an HTML element (not svg or math). */
  inHtmlElement(): boolean;
  /**
   * Judges `text` (found at input offset `at`) as if it were live HTML: true when that would remove or change a
   * fetch (see `tagShapedText`).
   */
  probe(text: string, at: number): boolean;
}
