// Whether an element hides its content from view. Browsers still fetch what hidden elements hold, which is
// why ESPs hide their pixels, and why hidden content with an unsized or tokenized image is suspect.

import { parseDeclarations } from "../css/declarations.js";
import { plainNumber } from "../css/plain-number.js";
import { readSimpleDeclarations } from "../css/simple-declarations.js";
import type { StyleDeclaration } from "../types.js";
import { animationReveals, type RevealingKeyframes } from "./keyframes.js";
import { attributeValue, type RawAttribute } from "./raw-tag.js";
import type { SheetDeclaration, SheetMatch } from "./style-rules.js";
import { isValidBoxDeclaration, isZeroLength, isZeroSize, zeroSizeHides, zeroSizes } from "./zero-size-box.js";

// A style that hides must hold one of these declarations as written, or a zero size and `overflow`, unless an
// escape or a comment spells it differently: skip the CSS parse for every other style (most in email).
const mayHide = /display\s*:\s*(?:none|contents)|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*[-+.0c]|mso-hide|\\|\/\*/i;
const overflow = /overflow/i;
/** A zero size as written: `height`, `width`, their `max-` and logical forms (not `line-height`, `font-size`, `min-`). */
const zeroSize = /(?<![\w-])(?:max-)?(?:height|width|block-size|inline-size)\s*:\s*[-+.0]/i;

function mayHideByStyle(css: string): boolean {
  return mayHide.test(css) || (overflow.test(css) && zeroSize.test(css));
}
/** Under an ancestor only `visibility` hides, a style that may show the element again (or an `all` reset). */
const mayShow = /visibility|all|\\|\/\*/i;

// Without escapes, comments, strings or functions, a declaration list is just `name: value;` pairs.
const needsTokenizer = /[\\/"'(]/;
const importantSuffix = /\s*!\s*important\s*$/i;

/** Parses an inline style: by splitting when it is plain, with the CSS tokenizer otherwise. */
export function inlineStyle(style: string | undefined): readonly StyleDeclaration[] {
  const declarations = inlineDeclarations(style);
  // The public declarations of an inline style leave `important` out (`StyleDeclaration`).
  return declarations.some(({ important }) => important) ? declarations.map(({ name, value }) => ({ name, value })) : declarations;
}

/** An inline style's declarations, with `important: true` on those that say so. */
function inlineDeclarations(style: string | undefined): readonly StyleDeclaration[] {
  if (style === undefined) return [];
  if (needsTokenizer.test(style)) {
    // Quotes alone (a font name) rarely need the tokenizer: a one-pass reading gives what it would.
    return readSimpleDeclarations(style) ?? parseDeclarations(style).map(({ name, value, important }) => (important ? { name, value, important } : { name, value }));
  }
  // Split at `;`, name before the first `:`, trimmed as `String.prototype.trim` does; scanned by index, since
  // every element with a style comes here.
  const declarations: StyleDeclaration[] = [];
  let colon = -1;
  for (let start = 0; start <= style.length; ) {
    let end = style.indexOf(";", start);
    if (end < 0) end = style.length;
    if (colon < start) colon = style.indexOf(":", start);
    if (colon < 0) break;
    if (colon < end) {
      const name = lowerName(trimmed(style.slice(start, colon)));
      if (name !== "") {
        const value = style.slice(colon + 1, end);
        if (value.includes("!") && importantSuffix.test(value)) declarations.push({ name, value: trimmed(value.replace(importantSuffix, "")), important: true });
        else declarations.push({ name, value: trimmed(value) });
      }
    }
    start = end + 1;
  }
  return declarations;
}

/** `text.trim()`, without the call when neither end can be white space (all of it is at most U+0020 or from U+00A0). */
function trimmed(text: string): string {
  if (text === "") return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 0x20 || first >= 0xa0 || last <= 0x20 || last >= 0xa0 ? text.trim() : text;
}

/** `name.toLowerCase()`, without the call when it holds no upper-case ASCII and nothing beyond ASCII. */
function lowerName(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return name.toLowerCase();
  }
  return name;
}

/** Why an element hides its content. */
export interface Hiding {
  readonly reason: string;
  /**
   * Only `visibility` hides it: it is inherited, and a descendant with `visibility: visible` shows itself (with
   * what it holds) inside a hidden parent. `display: none`, `opacity: 0` and a clipped zero size hide all within.
   */
  readonly byVisibility: boolean;
  /**
   * A zero-size box clips it. A descendant whose containing block is outside the box escapes the clip, back to the
   * hiding `outside` it: an absolutely positioned one unless an element from the box down is positioned or
   * transformed (`absolute`), a fixed one unless one is transformed (`fixed`).
   */
  readonly clip?: { readonly absolute: boolean; readonly fixed: boolean; readonly outside: Hiding | undefined };
}

/**
 * An element's parent, as far as a zero size asks (whether it lays its children out as flex items) and as far as
 * SVG presentation attributes ask (its namespace: an element in svg).
 */
export interface ParentBox {
  readonly namespace?: string;
  readonly rawAttributes: readonly RawAttribute[];
  /** A `<style>` rule that matched it gives it a flex `display` (`sheetDisplaysFlex`). */
  readonly displaysFlexBySheet: boolean;
}

/** Where an element is read: in a conditional comment (Outlook's content only), in a quirks-mode document. */
export interface Reading {
  /** `mso-hide:all` hides there too. */
  readonly inOutlookOnly: boolean;
  /** A size or padding written as a number without a unit is pixels there (standards mode drops it). */
  readonly quirks: boolean;
}

const readings: readonly Reading[] = [
  { inOutlookOnly: false, quirks: false },
  { inOutlookOnly: false, quirks: true },
  { inOutlookOnly: true, quirks: false },
  { inOutlookOnly: true, quirks: true },
];

/** The reading for these flags (one shared object each: one is asked for per element). */
export function readingOf(inOutlookOnly: boolean, quirks: boolean): Reading {
  return readings[(inOutlookOnly ? 2 : 0) + (quirks ? 1 : 0)]!;
}

/**
 * Why an element with these attributes hides its content, or undefined when it does not; `inherited` is its
 * parent's; `reading` says where it is read (`Reading`). `sheet` holds what
 * earlier `<style>` rules say: a class may hide it, and it is hidden only if it is hidden where the rules that may
 * apply do too (an `@media` rule revealing a mobile block on phones makes it content, unless what still applies
 * there, a zero size that clips, hides it on phones as well). `keyframes`: the fade-ins read so far (`keyframes.ts`).
 */
export function hidingOf(
  tag: string,
  attributes: readonly RawAttribute[],
  sheet: SheetMatch | undefined,
  inherited: Hiding | undefined,
  parent?: ParentBox,
  reading: Reading = readings[0]!,
  keyframes?: RevealingKeyframes,
): Hiding | undefined {
  const css = attributeValue(attributes, "style");
  const hiddenByDefault = hiddenByBrowserSheet(tag, attributes);
  const presentation = svgPresentation(tag, attributes, parent);
  const mayHideInline =
    css !== undefined &&
    (mayHideByStyle(css) || (inherited?.byVisibility === true && mayShow.test(css)) || (inherited?.clip !== undefined && positionOrTransform.test(css)));
  // A rule's padding or display can keep an inline zero size from hiding: read the rules whenever the style may hide.
  const ruled = sheet?.declarations ?? [];
  const fromSheet = mayHideInline || presentation.length > 0 || sheetMayDecide(ruled, css) ? ruled : [];
  // Under a parent only `visibility` hides, a rule that may apply (`@media`, a selector read as inexact) may give
  // `visibility: visible` back (or `all: initial`): read where it does, even when no other rule is about the element.
  const mayShowThere = inherited?.byVisibility === true && sheet !== undefined && sheet.mayApply.some(({ name }) => name === "visibility" || name === "all");
  // Most elements: no rule about them, a style that neither hides nor shows. Their parent's state is theirs.
  if (fromSheet.length === 0 && !mayHideInline && hiddenByDefault === undefined && presentation.length === 0 && !mayShowThere) return inherited;
  const inline = inlineDeclarations(css);
  const inFlexContainer = (): boolean => parent !== undefined && laysOutFlexItems(parent);
  // Presentation attributes are author style below every rule: first in the cascade.
  const applied = cascaded(presentation.length > 0 ? [...presentation, ...fromSheet] : fromSheet, inline, reading.quirks);
  const hiding = hidingBy(tag, applied, new Set<StyleDeclaration>(fromSheet), hiddenByDefault, inherited, inFlexContainer, reading.inOutlookOnly, keyframes);
  if (hiding === undefined || sheet === undefined || sheet.mayApply.length === 0 || (hiding === inherited && !mayShowThere)) return hiding;
  // Where the rules that may apply do (a phone's `@media` opening a zero-height block), it may show: it is hidden
  // only if it is hidden there too.
  const there = cascaded(presentation.length > 0 ? [...presentation, ...sheet.mayApply] : sheet.mayApply, inline, reading.quirks);
  const hidingThere = hidingBy(tag, there, new Set<StyleDeclaration>(), hiddenByDefault, inherited, inFlexContainer, reading.inOutlookOnly, keyframes);
  return hidingThere === undefined || hidingThere === inherited ? hidingThere : hiding;
}

/**
 * Why the browser's own sheet gives an element `display: none`, which any `display` the page sets overrides: the
 * `hidden` attribute, a `<dialog>` that is not open (mail runs no script to open it), a `<datalist>`, a `popover`
 * not shown (`[popover]:not(:popover-open)`: only script or a click shows one), an `<rp>`. Not the fallback content
 * of `<video>` or `<audio>`, which browsers never render: mail clients that strip video (Gmail, Outlook) show it,
 * and it is how email shows a video's still image there.
 */
function hiddenByBrowserSheet(tag: string, attributes: readonly RawAttribute[]): string | undefined {
  if (attributeValue(attributes, "hidden") !== undefined) return `hidden attribute on <${tag}>`;
  if (tag === "dialog" && attributeValue(attributes, "open") === undefined) return "<dialog> without open";
  if (attributeValue(attributes, "popover") !== undefined) return `popover attribute on <${tag}>`;
  return tag === "datalist" || tag === "rp" ? `<${tag}>` : undefined;
}

/** SVG elements whose `display`, `visibility` and `opacity` attributes are presentation attributes (CSS). */
const svgPresentationElements: ReadonlySet<string> = new Set([
  "svg", "g", "image", "use", "a", "switch", "symbol", "foreignobject", "rect", "circle", "ellipse", "line", "path",
  "polygon", "polyline", "text", "tspan", "textpath",
]);
const presentationNames = ["display", "visibility", "opacity"] as const;

/**
 * An SVG element's `display`, `visibility` and `opacity` attributes, read as the author style they are (below every
 * rule: `<image display="none">` is `display:none`). An element is SVG here when its parent is and it has an SVG name.
 */
function svgPresentation(tag: string, attributes: readonly RawAttribute[], parent: ParentBox | undefined): SheetDeclaration[] {
  if (!svgPresentationElements.has(tag) || (parent?.namespace !== "svg" && tag !== "svg")) return [];
  const declarations: SheetDeclaration[] = [];
  for (const name of presentationNames) {
    const value = attributeValue(attributes, name);
    if (value !== undefined) declarations.push({ name, value: value.trim(), important: false });
  }
  return declarations;
}

/**
 * Whether a zero size may be the element's own, so that the rules which only open such a box (padding, left out of
 * `StyleRules.match` unless asked) are to be read: its inline style or a rule gives it one.
 */
export function mayHaveZeroSize(attributes: readonly RawAttribute[], sheet: SheetMatch): boolean {
  const css = attributeValue(attributes, "style");
  // A comment or an escape may spell one the words miss (`height:/**/0`).
  if (css !== undefined && (zeroSize.test(css) || css.includes("/*") || css.includes("\\"))) return true;
  return sheet.declarations.some(isZeroSize) || sheet.mayApply.some(isZeroSize);
}

/**
 * Whether an element lays its children out as flex items: a `display` of flex in its inline style or in any rule
 * that matched it (one that may apply too: a box that may grow is content).
 */
function laysOutFlexItems(parent: ParentBox): boolean {
  if (parent.displaysFlexBySheet) return true;
  const css = attributeValue(parent.rawAttributes, "style");
  return css !== undefined && /flex|box|\\|\(/i.test(css) && inlineDeclarations(css).some(flexDisplay);
}

/** Whether rules give an element a flex `display` (one that may apply too: a box that may grow is content). */
export function sheetDisplaysFlex(sheet: SheetMatch): boolean {
  return sheet.declarations.some(flexDisplay) || sheet.mayApply.some(flexDisplay);
}

/** A flex `display`, or one a function gives (`var(--f)`: it may be flex). */
function flexDisplay({ name, value }: StyleDeclaration): boolean {
  return name === "display" && /flex|-webkit-box|-webkit-inline-box|\(/i.test(value);
}

/**
 * Whether a declaration of a rule that may apply could hide an element, or close a box that something else opens:
 * such a rule only shows or sizes up (`@media (min-width:601px){.m{display:none}}` and a phone's
 * `@media (max-width:600px){.m{display:block}}` never apply together), so its hiding declarations are left out
 * where the rules that may apply are read.
 */
export function canHide({ name, value }: StyleDeclaration): boolean {
  const lower = value.trim().toLowerCase();
  switch (name) {
    case "display":
      return lower === "none";
    case "visibility":
      return lower === "hidden" || lower === "collapse";
    case "opacity":
      // A function or a keyword (`calc(1)`, `initial`) is read as showing: a phone's reveal is content.
      return Number.parseFloat(lower) <= 0;
    case "position":
    case "transform":
      return true;
    case "overflow":
    case "overflow-x":
    case "overflow-y":
      return !/^(?:visible|initial|unset|revert|revert-layer)$/.test(lower);
    default:
      return isZeroSize({ name, value: lower }) || (isZeroLength(lower) && (name.startsWith("padding") || name === "flex" || name === "flex-grow"));
  }
}

const positionOrTransform = /position|transform/i;

/**
 * Whether rules' declarations can make an element hidden or visible whatever else applies: most rules only size
 * (`img{max-width:100%}`), and an element with none but those is judged by its inline style alone. A zero size
 * hides only with an `overflow`, which is then in the rules or in the inline style.
 */
function sheetMayDecide(declarations: readonly SheetDeclaration[], css: string | undefined): boolean {
  let zeroSize = false;
  for (const declaration of declarations) {
    if (decidingNames.has(declaration.name)) return true;
    zeroSize ||= isZeroSize(declaration);
  }
  return zeroSize && css !== undefined && overflow.test(css);
}

const decidingNames: ReadonlySet<string> = new Set([
  "display", "visibility", "opacity", "mso-hide", "all", "overflow", "overflow-x", "overflow-y", "position", "transform",
]);

/** What the declarations that apply (`applied`, by property) and the `hidden` attribute say. */
function hidingBy(
  tag: string,
  applied: ReadonlyMap<string, StyleDeclaration>,
  fromSheet: ReadonlySet<StyleDeclaration>,
  hiddenByDefault: string | undefined,
  inherited: Hiding | undefined,
  inFlexContainer: () => boolean,
  inOutlookOnly: boolean,
  keyframes: RevealingKeyframes | undefined,
): Hiding | undefined {
  const value = (name: string): string | undefined => applied.get(name)?.value.toLowerCase();
  const positioned = value("position");
  const transform = value("transform");
  const transformed = transform !== undefined && transform !== "none";
  const hiding = (reason: string, declaration: StyleDeclaration | undefined, kind?: "visibility" | "clip"): Hiding => ({
    reason: declaration !== undefined && fromSheet.has(declaration) ? `${reason} (by a <style> rule)` : reason,
    byVisibility: kind === "visibility",
    ...(kind === "clip" ? { clip: { absolute: isPositioned(positioned) || transformed, fixed: transformed, outside: inherited } } : {}),
  });
  // Out of every clip its containing block is outside of; the containing block of what it holds, from now on.
  while (inherited?.clip !== undefined && ((positioned === "absolute" && !inherited.clip.absolute) || (positioned === "fixed" && !inherited.clip.fixed))) {
    inherited = inherited.clip.outside;
  }
  if (inherited?.clip !== undefined && (isPositioned(positioned) || transformed)) {
    inherited = { ...inherited, clip: { ...inherited.clip, absolute: true, fixed: inherited.clip.fixed || transformed } };
  }
  const display = value("display");
  // `hidden` is `display: none` in the browser's own sheet: any `display` the page sets wins over it, and so does
  // `all` (but `all: revert`, which goes back to the browser's sheet).
  if (hiddenByDefault !== undefined && display === undefined && !resetsAll(applied)) return hiding(hiddenByDefault, undefined);
  if (display === "none") return hiding(`display:none on <${tag}>`, applied.get("display"));
  // Outlook's own: it hides in what only Outlook reads (a conditional comment), nothing a browser shows.
  if (inOutlookOnly && value("mso-hide") === "all") return hiding(`mso-hide:all on <${tag}>`, applied.get("mso-hide"));
  // A replaced element has no contents to show: `display: contents` computes to `none` there (CSS Display 3, App. B).
  if (display === "contents" && replacedElements.has(tag)) return hiding(`display:contents on <${tag}>`, applied.get("display"));
  const opacity = value("opacity");
  // A fade-in from 0 (an animation to a visible last frame, read earlier) shows it.
  const fadesIn = (names: ReadonlySet<string> | undefined): boolean => names !== undefined && animationReveals(applied, names);
  if (opacity !== undefined && isTransparent(opacity) && !fadesIn(keyframes?.opacity)) return hiding(`opacity:0 on <${tag}>`, applied.get("opacity"));
  for (const zero of zeroSizes) {
    const [name, axis] = zero;
    const size = value(name);
    // `height: 0%` is `auto` where the parent's height is (as in mail): no zero.
    if (size !== undefined && isZeroLength(size) && !(axis === "y" && size.includes("%")) && zeroSizeHides(tag, applied, zero, inFlexContainer)) {
      return hiding(`${name}:0 on <${tag}>`, applied.get(name), "clip");
    }
  }
  if (inherited !== undefined && !inherited.byVisibility) return inherited;
  const visibility = value("visibility");
  if ((visibility === "hidden" || visibility === "collapse") && !fadesIn(keyframes?.visibility)) return hiding(`visibility:${visibility} on <${tag}>`, applied.get("visibility"), "visibility");
  // `all: initial` sets `visibility` to `visible`, its initial value (`unset`, `inherit` and `revert` inherit it).
  if (visibility === undefined && value(allReset)?.trim() === "initial") return undefined;
  return visibility === undefined ? inherited : undefined;
}

/** Elements whose `display: contents` is `display: none` (CSS Display 3, Appendix B, "unusual elements"). */
const replacedElements: ReadonlySet<string> = new Set([
  "img", "input", "video", "audio", "canvas", "embed", "iframe", "object", "select", "textarea", "br", "wbr", "meter", "progress",
]);

/** An opacity that computes to 0: zero in any spelling, any number below it (clamped), `calc()` over numbers to 0 or less. */
function isTransparent(opacity: string): boolean {
  if (isZeroLength(opacity)) return true;
  const percent = /^\s*(-[\d.]+(?:e[+-]?\d+)?)%\s*$/i.exec(opacity);
  const number = percent ? Number(percent[1]) : plainNumber(opacity);
  return number !== undefined && number <= 0;
}

function isPositioned(position: string | undefined): boolean {
  return position === "relative" || position === "absolute" || position === "fixed" || position === "sticky";
}

const cssWideKeyword = /^\s*(?:initial|inherit|unset|revert|revert-layer)\s*$/i;

/** `cascaded` records an `all` that resets the properties before it under this name. */
const allReset = "all";

function resetsAll(applied: ReadonlyMap<string, StyleDeclaration>): boolean {
  const all = applied.get(allReset)?.value.trim().toLowerCase();
  return all !== undefined && all !== "revert" && all !== "revert-layer";
}

/**
 * The declaration that applies for each property, as the cascade picks it: `<style>` rules', then the inline
 * style's, then rules' `!important` ones, then the inline style's `!important` ones. The last of a property wins
 * (`.m{display:none}` with `style="display:block"` shows the element), a declaration the browser drops as invalid
 * is skipped (`isValidBoxDeclaration`), and `all` resets every property set before it.
 */
function cascaded(fromSheet: readonly SheetDeclaration[], inline: readonly StyleDeclaration[], quirks: boolean): Map<string, StyleDeclaration> {
  const applied = new Map<string, StyleDeclaration>();
  const apply = (declaration: StyleDeclaration): void => {
    if (declaration.name === "all") {
      if (!cssWideKeyword.test(declaration.value)) return;
      applied.clear();
      applied.set(allReset, declaration);
    } else if (isValidBoxDeclaration(declaration, quirks)) {
      // `-webkit-opacity` is an alias of `opacity` in Blink: one property, the later declaration wins.
      const name = declaration.name === "-webkit-opacity" ? "opacity" : declaration.name;
      // Deleted first: the map's order is the order the declarations were applied in.
      applied.delete(name);
      applied.set(name, declaration);
    }
  };
  for (const declaration of fromSheet) if (!declaration.important) apply(declaration);
  for (const declaration of inline) if (declaration.important !== true) apply(declaration);
  for (const declaration of fromSheet) if (declaration.important) apply(declaration);
  for (const declaration of inline) if (declaration.important === true) apply(declaration);
  return applied;
}
