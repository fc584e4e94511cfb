// A `<style>` element, held from its start tag until its text is complete, then decided whole: its start tag's
// attributes and its sheet's URLs are judged together, and the fail-closed rules for style text apply.

import { removeSpans } from "../css/remove-spans.js";
import type { Span } from "../css/css-urls.js";
import { matchesNoScreen } from "../css/screen-media.js";
import { foreignStyleText } from "../html/foreign-style-text.js";
import type { Resource } from "../types.js";
import {
  editedStyleEndsEarly,
  editedStyleStillFetches,
  otherReadingFetches,
  rawTextEndAttributeVerdict,
  rawTextEndInAttributes,
  styleInAmbiguousContext,
  tagShapedText,
  type Verdict,
} from "./ambiguous-markup.js";
import type { ElementView } from "./element-view.js";
import { forEveryScreen } from "./flat-rules.js";
import { type Decision, judge } from "./judge.js";
import { type Plan, plan, type PlannedWarning, type Scope } from "./plan.js";
import type { RawTag } from "./raw-tag.js";
import { type LocatedResource, stylesheetResources } from "./resources.js";
import { ambiguousRemoval, isRemoval, resourceEdits } from "./start-tag.js";
import { editTag, type ResourceEdit } from "./tag-editor.js";

export interface HeldStyle {
  readonly tag: RawTag;
  /** An svg/math `<style>`: its text is markup (entities, CDATA), not raw text. */
  readonly foreign: boolean;
  /** Offset just past the start tag. */
  readonly contentStart: number;
  readonly view: ElementView;
}

/** The CSS a held `<style>` holds, as browsers read it (an svg `<style>`'s text is decoded first). */
export function styleSheetText(style: HeldStyle, css: string): string {
  return style.foreign ? foreignStyleText(css) : css;
}

/**
 * Where a `<style>` element's rules apply, as browsers decide it: nowhere when its `type` is not CSS, when it is a
 * MathML `<style>` (no such element) or inside `<template>` (inert content); on some screens only when its `media`
 * is not for every screen, or inside `<noscript>` (text to a browser that runs scripts, a sheet to a mail client);
 * else everywhere. Rules that apply nowhere size and hide nothing: `<style media="print">.px{width:1px;height:1px}
 * </style>` made a visible image a pixel, and reveal nothing: a `media` that matches no screen (`print`) applies
 * nowhere a reader looks.
 */
export function sheetApplies(view: ElementView, inTemplate: boolean, inNoscript: boolean): "everywhere" | "on some screens" | "nowhere" {
  const type = view.attribute("type");
  if (inTemplate || view.namespace === "math" || (type !== undefined && !cssType.test(type))) return "nowhere";
  const media = view.attribute("media");
  if (media !== undefined && matchesNoScreen(media)) return "nowhere";
  return !inNoscript && (media === undefined || forEveryScreen(media)) ? "everywhere" : "on some screens";
}

/** Blink applies a sheet whose `type` is empty or `text/css` in any ASCII case, and no other (`" text/css"` none). */
const cssType = /^(?:text\/css)?$/i;

/**
 * Plans a held `<style>` whose text `css` ends at `contentEnd` and whose end tag ends at `end`: removed whole,
 * or its start tag and sheet edited in place.
 */
export function planStyle(style: HeldStyle, css: string, contentEnd: number, end: number, scope: Scope): Plan {
  const at = style.tag.start;
  const baseHref = scope.baseHref;
  const sheet = () => stylesheetResources(styleSheetText(style, css), baseHref);
  const decisions = judge(style.view.withResources(sheet), scope.config);
  const warnings: PlannedWarning[] = [];
  const context = scope.rawTextContext();
  const probe = (text: string): boolean => scope.probe(text, style.contentStart);
  // An svg/math <style> too: Blink's preload scanner reads it as raw text, so a `</style>` in its CDATA ends it there
  // and the markup after it is fetched (`<svg><style><![CDATA[</style><img src=T>]]></style>`).
  const tagShaped = tagShapedText("style", css, probe);
  if (tagShaped) {
    warnings.push({ verdict: tagShaped, at });
    decisions.unshift(ambiguousRemoval("style", "style text"));
  } else {
    const inContext = styleInAmbiguousContext(context, css);
    if (inContext) {
      warnings.push({ verdict: inContext, at });
      decisions.unshift(ambiguousRemoval("style", context));
    }
  }
  if (style.foreign) {
    // Spans in decoded svg CSS do not map back onto its source: remove the element instead.
    const cssEdit = decisions.find(({ edit }) => edit.kind === "remove-resource" && isStylesheetResource(edit.resource));
    if (cssEdit) decisions.unshift({ ...cssEdit, edit: { kind: "remove-element" } });
  }
  const removal = decisions.find(isRemoval);
  const tagEdits: ResourceEdit[] = [];
  const cssSpans: Span[] = [];
  for (const edit of resourceEdits(decisions)) {
    const location = edit.resource.location;
    // A URL in the sheet is removed with its declaration; one in an attribute is edited by the tag editor.
    if (location.kind !== "stylesheet") tagEdits.push(edit);
    else if (edit.url === undefined) cssSpans.push(location.declaration);
  }
  const startTagSource = scope.slice(at, style.contentStart);
  // As for any start tag: an attribute holding the end of raw text a reader is in (`</noscript`) goes.
  const ambiguous = rawTextEndInAttributes(scope.rawTextEnds, () => startTagSource, style.tag.attributes);
  for (const attribute of ambiguous) warnings.push({ verdict: rawTextEndAttributeVerdict(attribute.name, attribute.value, scope.rawTextEnds), at });
  const edited =
    tagEdits.length > 0 || ambiguous.length > 0 ? editTag(startTagSource, at, style.tag.nameEnd, style.tag.attributes, tagEdits, ambiguous) : undefined;
  const report = { tag: "style", at, decisions, outcomes: edited?.outcomes };
  if (removal) return plan({ from: at, to: end, text: "" }, report, warnings);
  const newCss = cssSpans.length > 0 ? removeSpans(css, cssSpans) : css;
  // Cutting spans out joins the text around them: the edited text is read once more, as CSS and as HTML.
  const rejudged = newCss !== css ? judge(style.view.withResources(() => stylesheetResources(newCss, baseHref)), scope.config) : [];
  const reformed =
    editedStyleStillFetches(editsSheet(rejudged)) ??
    (newCss !== css ? (editedStyleEndsEarly(newCss) ?? tagShapedText("style", newCss, probe)) : undefined) ??
    otherReadingStillFetches(style, newCss, scope);
  if (reformed) {
    warnings.push({ verdict: reformed, at });
    const dropStyle: Decision = { finding: { detector: "ambiguous-markup", reason: reformed.message }, edit: { kind: "remove-element" }, rewriter: "engine" };
    return plan({ from: at, to: end, text: "" }, { ...report, decisions: [dropStyle, ...decisions] }, warnings);
  }
  if (!edited && newCss === css) return plan(undefined, report, warnings);
  return plan({ from: at, to: contentEnd, text: (edited?.text ?? startTagSource) + newCss }, report, warnings);
}

/**
 * Read the other way too (adversary21 F3, F4): where the tree model is wrong about the namespace, the browser reads
 * an HTML sheet as svg text (references decoded) or an svg one as raw text. What the sheet keeps (`css`, edited)
 * must fetch nothing that goes in that reading either; edits do not map from one reading onto the other, so when
 * it would, the whole element goes.
 */
function otherReadingStillFetches(style: HeldStyle, css: string, scope: Scope): Verdict | undefined {
  const other = otherStyleReading(style, css);
  if (other === undefined) return undefined;
  const decisions = judge(style.view.withResources(() => stylesheetResources(other, scope.baseHref)), scope.config);
  return editsAny(decisions) ? otherReadingFetches(style.foreign) : undefined;
}

/** The sheet as the other namespace would read `css` (see `planStyle`), or undefined when both read the same. */
function otherStyleReading(style: HeldStyle, css: string): string | undefined {
  if (!css.includes("&") && !css.includes("<![CDATA[")) return undefined;
  const decoded = foreignStyleText(css);
  if (decoded === css) return undefined;
  return style.foreign ? css : decoded;
}

/** True when a decision would change anything (a URL, or the element). */
function editsAny(decisions: readonly Decision[]): boolean {
  return decisions.some(({ edit }) => edit.kind !== "keep");
}

/** True when a decision would change the sheet's text (one of its URLs, or the element because of one). */
function editsSheet(decisions: readonly Decision[]): boolean {
  return decisions.some(({ finding, edit }) => finding.resource !== undefined && isStylesheetResource(finding.resource) && edit.kind !== "keep");
}

function isStylesheetResource(resource: Resource): boolean {
  return (resource as LocatedResource).location.kind === "stylesheet";
}
