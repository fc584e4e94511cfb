// Whether an element hides its content from view. Browsers still fetch what hidden elements hold, which is
// why ESPs hide their pixels, and why hidden content with an unsized or tokenized image is suspect.

import { parseDeclarations } from "../css/declarations.js";
import { mayHoldImportant } from "../css/keyword.js";
import { readSimpleDeclarations } from "../css/simple-declarations.js";
import type { StyleDeclaration } from "../types.js";
import { attributeValue, type RawAttribute } from "./raw-tag.js";
import type { SheetDeclaration, SheetMatch } from "./style-rules.js";

// A style that hides must hold one of these declarations as written, or a zero size and `overflow`, unless an
// escape or a comment spells it differently: skip the CSS parse for every other style (most in email).
const mayHide = /display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*[-+.0]|mso-hide|\\|\/\*/i;
const overflow = /overflow/i;
const zeroSize = /(?:height|width|-size)\s*:\s*[-+.0]/i;

function mayHideByStyle(css: string): boolean {
  return mayHide.test(css) || (overflow.test(css) && zeroSize.test(css));
}
/** Under an ancestor only `visibility` hides, a style that may show the element again (or an `all` reset). */
const mayShow = /visibility|all|\\|\/\*/i;

function isZeroLength(value: string): boolean {
  return /^[+-]?0*\.?0+(?:[a-z%]+)?$/i.test(value.trim());
}

// Without escapes, comments, strings or functions, a declaration list is just `name: value;` pairs.
const needsTokenizer = /[\\/"'(]/;
const importantSuffix = /\s*!\s*important\s*$/i;

/** Parses an inline style: by splitting when it is plain, with the CSS tokenizer otherwise. */
export function inlineStyle(style: string | undefined): readonly StyleDeclaration[] {
  if (style === undefined) return [];
  if (needsTokenizer.test(style)) {
    // Quotes alone (a font name) rarely need the tokenizer: a one-pass reading gives what it would.
    return readSimpleDeclarations(style) ?? parseDeclarations(style).map(({ name, value }) => ({ name, value }));
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
        declarations.push({ name, value: trimmed(value.includes("!") ? value.replace(importantSuffix, "") : value) });
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
 * Why an element with these attributes hides its content, or undefined when it does not; `inherited` is its
 * parent's. `sheet` holds what earlier `<style>` rules say: a class may hide it, and a rule that may show it (an
 * `@media` rule revealing a mobile block on phones) makes it content, whatever hides it elsewhere.
 */
export function hidingOf(
  tag: string,
  attributes: readonly RawAttribute[],
  sheet: SheetMatch | undefined,
  inherited: Hiding | undefined,
): Hiding | undefined {
  const css = attributeValue(attributes, "style");
  if (sheet?.revealedBy !== undefined) {
    // Its own hiding may not apply; its parent's `visibility: hidden` does, unless it sets `visible` itself.
    if (!inherited?.byVisibility) return inherited;
    const visibility = cascaded(sheet.declarations, inlineStyle(css), mayHoldImportant(css)).get("visibility");
    return visibility?.value.toLowerCase() === "visible" ? undefined : inherited;
  }
  const hiddenAttribute = attributeValue(attributes, "hidden") !== undefined;
  const mayHideInline =
    css !== undefined &&
    (mayHideByStyle(css) || (inherited?.byVisibility === true && mayShow.test(css)) || (inherited?.clip !== undefined && positionOrTransform.test(css)));
  // A rule's padding or display can keep an inline zero size from hiding: read the rules whenever the style may hide.
  const ruled = sheet?.declarations ?? [];
  const fromSheet = mayHideInline || sheetMayDecide(ruled, css) ? ruled : [];
  // Most elements: no rule about them, a style that neither hides nor shows. Their parent's state is theirs.
  if (fromSheet.length === 0 && !mayHideInline && !hiddenAttribute) return inherited;
  const inline = inlineStyle(css);
  const applied = cascaded(fromSheet, inline, mayHoldImportant(css));
  const hiding = hidingBy(tag, applied, new Set<StyleDeclaration>(fromSheet), hiddenAttribute, inherited);
  if (hiding === undefined || hiding === inherited || sheet === undefined || sheet.mayApply.length === 0) return hiding;
  // Where the rules that may apply do (a phone's `@media` opening a zero-height block), it may show: it is hidden
  // only if it is hidden there too.
  const there = cascaded(sheet.mayApply, inline, mayHoldImportant(css));
  const hidingThere = hidingBy(tag, there, new Set<StyleDeclaration>(), hiddenAttribute, inherited);
  return hidingThere === undefined || hidingThere === inherited ? hidingThere : hiding;
}

const positionOrTransform = /position|transform/i;

/**
 * Whether rules' declarations can make an element hidden or visible whatever else applies: most rules only size
 * (`img{max-width:100%}`), and an element with none but those is judged by its inline style alone. A zero size
 * hides only with an `overflow`, which is then in the rules or in the inline style.
 */
function sheetMayDecide(declarations: readonly SheetDeclaration[], css: string | undefined): boolean {
  let zeroSize = false;
  for (const { name, value } of declarations) {
    if (decidingNames.has(name)) return true;
    zeroSize ||= (name === "height" || name === "width" || name === "max-height" || name === "max-width") && isZeroLength(value);
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
  hiddenAttribute: boolean,
  inherited: Hiding | undefined,
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
  if (hiddenAttribute && display === undefined && !resetsAll(applied)) return hiding(`hidden attribute on <${tag}>`, undefined);
  if (display === "none") return hiding(`display:none on <${tag}>`, applied.get("display"));
  const opacity = value("opacity");
  if (opacity !== undefined && isZeroLength(opacity)) return hiding(`opacity:0 on <${tag}>`, applied.get("opacity"));
  if (value("mso-hide") === "all") return hiding(`mso-hide:all on <${tag}>`, applied.get("mso-hide"));
  for (const name of zeroSizes) {
    const size = value(name);
    // `height: 0%` is `auto` where the parent's height is (as in mail): no zero.
    if (size !== undefined && isZeroLength(size) && !(name.endsWith("height") && size.includes("%")) && zeroSizeHides(tag, display, applied, name)) {
      return hiding(`${name}:0 on <${tag}>`, applied.get(name), "clip");
    }
  }
  if (inherited !== undefined && !inherited.byVisibility) return inherited;
  const visibility = value("visibility");
  if (visibility === "hidden" || visibility === "collapse") return hiding(`visibility:${visibility} on <${tag}>`, applied.get("visibility"), "visibility");
  return visibility === undefined ? inherited : undefined;
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
 * Whether a zero size on an axis hides what the element holds. What it holds shows past it unless the element clips
 * it (`overflow` other than `visible`), and a zero size sets no size at all on table parts (they grow to their
 * content), inline boxes and the root (its overflow is the viewport's), nor where end padding, a minimum, a flex
 * item's growth or a clip margin opens the box (the responsive-embed `height:0;padding-bottom:56%`).
 */
function zeroSizeHides(tag: string, display: string | undefined, applied: ReadonlyMap<string, StyleDeclaration>, size: string): boolean {
  if (!(display === undefined ? blockTags.has(tag) : blockDisplay.test(display) && tag !== "html" && tag !== "body")) return false;
  const axis = size.endsWith("height") ? "y" : "x";
  const opens = (name: string, pick = (values: string[]) => values[0]): boolean => {
    const value = applied.get(name)?.value.trim().split(/[\t\n\f\r ]+/);
    return value !== undefined && !isZeroLength(pick(value) ?? "0");
  };
  // What the box holds starts after its top (left) padding, and shows in its bottom (right) padding.
  if (axis === "y" ? opens("padding-bottom") || opens("padding-block-end") || opens("padding-block", (v) => v[1] ?? v[0]) || opens("padding", (v) => v[2] ?? v[0])
    : opens("padding-right") || opens("padding-inline-end") || opens("padding-inline", (v) => v[1] ?? v[0]) || opens("padding", (v) => v[1] ?? v[0])) {
    return false;
  }
  // A minimum beats a maximum and a size; a flex item's growth beats a size, not a maximum.
  if (axis === "y" ? opens("min-height") || opens("min-block-size") : opens("min-width") || opens("min-inline-size")) return false;
  if (!size.startsWith("max-") && (opens("flex") || opens("flex-grow"))) return false;
  const overflow = computedOverflow(applied)[axis === "y" ? 1 : 0];
  // A clip margin paints past the box under `overflow: clip` only.
  if (overflow === "clip" && opens("overflow-clip-margin")) return false;
  return overflow !== "visible";
}

const blockDisplay = /^\s*(?:block|inline-block|flex|inline-flex|grid|inline-grid|list-item|flow-root)\b/;
/** Elements whose box is a block by the browser's own sheet (a `<div>`, not a `<td>` or a `<span>`). */
const blockTags: ReadonlySet<string> = new Set([
  "div", "p", "center", "section", "article", "aside", "header", "footer", "main", "nav", "blockquote", "figure",
  "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "form",
  "fieldset", "details", "summary", "hr", "dialog", "hgroup", "menu", "search",
]);
const zeroSizes = ["max-height", "height", "max-width", "width"] as const;

/**
 * The `overflow` on each axis, [x, y], lower-cased, as browsers compute it: the axis' own or the shorthand's
 * (`overflow: <x> <y>`, one value for both), whichever came last, and a declaration whose value is no keyword is
 * none. `visible` and `clip` stay only where the other axis is `visible` or `clip` too: `overflow-x: hidden` alone
 * makes the y axis `auto`, which clips a zero height as well.
 */
function computedOverflow(applied: ReadonlyMap<string, StyleDeclaration>): readonly [string, string] {
  let shorthand = applied.get("overflow");
  const words = shorthand?.value.trim().toLowerCase().split(/[\t\n\f\r ]+/) ?? [];
  if (words.length > 2 || !words.every((word) => overflowKeywords.has(word))) shorthand = undefined;
  const onAxis = (name: "overflow-x" | "overflow-y", fromShorthand: string | undefined): string => {
    const own = applied.get(name);
    const value = own?.value.trim().toLowerCase();
    const ownWins = value !== undefined && overflowKeywords.has(value) && (shorthand === undefined || order(applied, own!) > order(applied, shorthand));
    return (ownWins ? value : shorthand === undefined ? undefined : fromShorthand) ?? "visible";
  };
  const x = onAxis("overflow-x", words[0]);
  const y = onAxis("overflow-y", words[1] ?? words[0]);
  const scrolls = (value: string): boolean => value !== "visible" && value !== "clip";
  const computed = (value: string, other: string): string => (scrolls(other) && !scrolls(value) ? (value === "visible" ? "auto" : "hidden") : value);
  return [computed(x, y), computed(y, x)];
}

/** The values of `overflow-x` and `overflow-y`: any other makes the declaration invalid. */
const overflowKeywords: ReadonlySet<string> = new Set(["visible", "hidden", "clip", "scroll", "auto", "overlay"]);

/** Where a declaration stands in the cascade's result: a later one was applied later. */
function order(applied: ReadonlyMap<string, StyleDeclaration>, declaration: StyleDeclaration): number {
  return [...applied.values()].indexOf(declaration);
}

/**
 * The declaration that applies for each property, as the cascade picks it: a `<style>` rule's, then the inline
 * style's, then a rule's `!important` one (unless the inline style may hold `!important` too: it wins back). The
 * last of a property wins: `.m{display:none}` with `style="display:block"` shows the element; `all` resets every
 * property set before it.
 */
function cascaded(
  fromSheet: readonly SheetDeclaration[],
  inline: readonly StyleDeclaration[],
  inlineMayBeImportant: boolean,
): Map<string, StyleDeclaration> {
  const applied = new Map<string, StyleDeclaration>();
  const apply = (declaration: StyleDeclaration): void => {
    if (declaration.name === "all") {
      if (!cssWideKeyword.test(declaration.value)) return;
      applied.clear();
      applied.set(allReset, declaration);
    }
    else {
      // Deleted first: the map's order is the order the declarations were applied in.
      applied.delete(declaration.name);
      applied.set(declaration.name, declaration);
    }
  };
  for (const declaration of fromSheet) if (!declaration.important) apply(declaration);
  for (const declaration of inline) apply(declaration);
  for (const declaration of fromSheet) {
    if (declaration.important && !(inlineMayBeImportant && inline.some(({ name }) => name === declaration.name))) apply(declaration);
  }
  return applied;
}
