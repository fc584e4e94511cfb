// The rendered size an element asks for, from its `width`/`height` attributes (HTML's rules for parsing
// dimension values), its inline style and the `<style>` rules that match it (CSS lengths, as CSS reads them).

import { mayHoldImportant } from "../css/keyword.js";
import { parseSrcset } from "../html/srcset.js";
import type { Element, StyleDeclaration } from "../types.js";

export interface Size {
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/**
 * HTML's rules for parsing dimension values: leading digits (and a fraction) count, whatever follows; a `%`
 * is not a pixel size.
 * @example
 * htmlDimension("1x") //=> 1
 * htmlDimension(" 1.") //=> 1
 * htmlDimension("50%") //=> undefined
 */
export function htmlDimension(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^[\t\n\f\r ]*(\d+(?:\.\d+)?|\.\d+)\.?(%)?/.exec(value);
  if (!match || match[2] !== undefined) return undefined;
  return Number(match[1]);
}

/**
 * A `width`/`height` attribute as a length: a percentage is a size the layout gives (`width="100%"` on a divider is
 * as wide as its cell), unknown and never tiny, as CSS `width:100%` is; `0%` is still 0.
 * @example
 * dimensionAttribute("100%") //=> Infinity
 * dimensionAttribute("1") //=> 1
 */
export function dimensionAttribute(value: string | undefined): number | undefined {
  const pixels = htmlDimension(value);
  if (pixels !== undefined || value === undefined) return pixels;
  const percent = /^[\t\n\f\r ]*(\d+(?:\.\d+)?|\.\d+)\.?%/.exec(value);
  return percent === null ? undefined : Number(percent[1]) === 0 ? 0 : unknownLength;
}

/** Pixels per unit for absolute and font-relative units (at the 16 px default font size). */
const pixelsPer: Readonly<Record<string, number>> = {
  px: 1, em: 16, rem: 16, ex: 8, ch: 8, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6,
};

/**
 * A CSS length in pixels, as CSS reads it (`.5px`, `0.01em`, `calc(1px)`, `0`); undefined for `auto`, `%` and
 * anything that depends on the viewport or the container.
 * @example
 * cssLength("calc(1px)") //=> 1
 * cssLength("0.01em") //=> 0.16
 */
export function cssLength(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const pixels = plainPixels(value);
  if (pixels !== undefined) return pixels;
  // `!important` is off the value already: one left (`1px !important !important`) makes it invalid.
  let text = value.trim().toLowerCase();
  const calc = /^(?:-webkit-|-moz-)?calc\(\s*(.*?)\s*\)$/.exec(text);
  if (calc) text = calc[1] ?? "";
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)([a-z]*)$/.exec(text);
  if (!match) return undefined;
  const number = Number(match[1]);
  const unit = match[2] ?? "";
  if (unit === "") return number === 0 ? 0 : undefined;
  const factor = pixelsPer[unit];
  return factor === undefined ? undefined : number * factor;
}

/** `600px` (digits, then `px`, nothing else), the usual length, read without regexes; undefined for any other text. */
function plainPixels(value: string): number | undefined {
  const digits = value.length - 2;
  if (digits < 1 || value.charCodeAt(digits) !== 0x70 /* p */ || value.charCodeAt(digits + 1) !== 0x78 /* x */) return undefined;
  for (let i = 0; i < digits; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(value.slice(0, digits));
}

/** A dimension CSS sets to something other than a length in pixels (`100%`, `auto`): never tiny or small. */
const unknownLength = Number.POSITIVE_INFINITY;

interface SizeInProgress {
  width: number | undefined;
  height: number | undefined;
  /** The last `min-width` / `min-height`: the used size is at least this. */
  minWidth?: number | undefined;
  minHeight?: number | undefined;
  /** How much `zoom`, `scale` and `transform` each enlarge (above 1) or shrink (below 1) it (they multiply). */
  zoom?: number | undefined;
  scale?: number | undefined;
  transform?: number | undefined;
}

function applyStyle(size: SizeInProgress, style: readonly StyleDeclaration[]): void {
  for (const declaration of style) {
    const { value } = declaration;
    const name = physicalSizes.get(declaration.name) ?? declaration.name;
    if (name === "min-width" || name === "min-height") {
      // `auto` and `0` set no minimum; a length we cannot know (`50%`) may be anything.
      const length = cssLength(value);
      size[name === "min-width" ? "minWidth" : "minHeight"] = length ?? (/^\s*auto\s*$/i.test(value) ? undefined : unknownLength);
      continue;
    }
    if (name === "all") {
      applyAll(size, value);
      continue;
    }
    if (name === "zoom" || name === "scale" || name === "transform") {
      const growth = growthOf(name, value);
      if (growth !== undefined) size[name] = growth;
      continue;
    }
    if (name !== "width" && name !== "height" && name !== "max-width" && name !== "max-height") continue;
    const length = cssLength(value);
    if (length === undefined) {
      if (name !== "width" && name !== "height") continue;
      // `auto` follows the other dimension and the image's own ratio (a 1x1 gif stays 1x1); `100%`, `50vw` and
      // the like override the attribute with a size we cannot know here, so not a tiny one.
      const keyword = value.trim().toLowerCase();
      const overridden = keyword === "auto" ? undefined : keyword === "" ? size[name] : unknownLength;
      size[name] = overridden;
      continue;
    }
    if (name === "width" || (name === "max-width" && length <= 1)) size.width = length;
    if (name === "height" || (name === "max-height" && length <= 1)) size.height = length;
  }
}

/**
 * `all` resets every size the cascade gave so far, the `width`/`height` attributes' too (presentational hints are
 * author style): the image takes its own size. `inherit` takes the parent's, which is not known here.
 */
function applyAll(size: SizeInProgress, value: string): void {
  const keyword = value.trim().toLowerCase();
  if (keyword === "inherit") {
    size.width = size.height = unknownLength;
  } else if (keyword === "initial" || keyword === "unset" || keyword === "revert" || keyword === "revert-layer") {
    size.width = size.height = undefined;
  } else {
    return; // invalid: the declaration is dropped
  }
  size.minWidth = size.minHeight = size.zoom = size.scale = size.transform = undefined;
}

/**
 * How much `zoom`, `scale` or `transform` may enlarge what the element draws, or shrink it: 1 when it does neither
 * (`none`, a translation, a rotation); the larger factor of a scale on two axes (`scale(0.5, 2)` may draw 2x as
 * wide), so a shrink counts only when both axes shrink (`scale(0)`, `scale: 0.01`: sized as `zoom` sizes);
 * infinite when this reading cannot tell (`matrix()`, `skew()`), unless a scale of 0 draws nothing anyway;
 * undefined for a value CSS drops.
 */
function growthOf(name: string, value: string): number | undefined {
  const text = value.trim().toLowerCase();
  if (text === "none" || text === "normal" || text === "reset") return 1;
  if (name === "zoom") {
    const factor = scaleFactor(text);
    // `zoom: 0` reads as `zoom: 1`.
    return factor === undefined ? undefined : factor === 0 ? 1 : factor;
  }
  if (name === "scale") return largest(text.split(/[\t\n\f\r ]+/), true);
  // The functions apply one after another: their factors multiply.
  const factors: number[] = [];
  for (const [, fn, args] of text.matchAll(/([a-z0-9-]+)\(([^)]*)\)/g)) {
    if (/^(?:translate|rotate)/.test(fn!)) continue;
    factors.push(/^scale(?:x|y|z|3d)?$/.test(fn!) ? largest(args!.split(","), /^scale(?:3d)?$/.test(fn!)) : unknownLength);
  }
  return combinedGrowth(factors);
}

/**
 * The largest of the factors (numbers or percentages) given, infinite when one is no factor. `allAxes`: the
 * factors are those of both axes (`scale(0.5)` is 0.5 on each); otherwise one axis is left as it is (`scaleX(0)`
 * keeps the height), so the result is at least 1.
 */
function largest(values: readonly string[], allAxes: boolean): number {
  let growth = allAxes ? 0 : 1;
  for (const value of values) growth = Math.max(growth, Math.abs(scaleFactor(value.trim()) ?? unknownLength));
  return growth;
}

function scaleFactor(text: string): number | undefined {
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(%?)$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) / (match[2] === "%" ? 100 : 1);
}

/** The logical sizes as the physical ones they are in horizontal writing (all mail). */
const physicalSizes: ReadonlyMap<string, string> = new Map([
  ["inline-size", "width"],
  ["block-size", "height"],
  ["min-inline-size", "min-width"],
  ["min-block-size", "min-height"],
  ["max-inline-size", "max-width"],
  ["max-block-size", "max-height"],
]);

/**
 * The size an element asks for: attributes, then matching `<style>` rules, then inline style (each later one
 * wins), then the rules' `!important` declarations. VML shapes are sized by their style alone.
 */
export function sizeOf(element: Element): Size {
  const size = sizeWith(element, element.sheetStyle ?? []);
  // Where an `@media` rule applies (a phone), a rule may show at full width what a desktop's shrinks to nothing:
  // the element is tiny (or without area) only if it is there too.
  const onSomeScreens = element.sheetStyleOnSomeScreens;
  if (onSomeScreens === undefined || onSomeScreens.length === 0 || (!isTiny(size) && !hasNoArea(size))) return size;
  const there = sizeWith(element, [...(element.sheetStyle ?? []), ...onSomeScreens], liftedLimits(onSomeScreens));
  // No size at all there (`img{width:auto;height:auto}` on phones) is the image's own: a pixel's, 1x1, when its
  // `width`/`height` attributes say it is one; a content image's when only rules made it tiny.
  const ownSize = there.width === undefined && there.height === undefined;
  const pixelByAttributes = isTiny({ width: dimensionAttribute(element.attribute("width")), height: dimensionAttribute(element.attribute("height")) });
  return isTiny(there) || (ownSize && pixelByAttributes) ? size : there;
}

/** The limits an `@media` rule lifts (`max-height: none` shows what `max-height: 0` hid): read as if never set. */
function liftedLimits(declarations: readonly StyleDeclaration[]): ReadonlySet<string> {
  return new Set(declarations.filter(({ name, value }) => name.startsWith("max-") && /^\s*none\b/i.test(value)).map(({ name }) => name));
}

/**
 * The size from the attributes, the rules `sheet`, the inline style and the rules' `!important` declarations,
 * leaving out the properties in `lifted`.
 */
function sizeWith(element: Element, sheet: readonly StyleDeclaration[], lifted: ReadonlySet<string> = noneLifted): Size {
  const size: SizeInProgress = {
    width: dimensionAttribute(element.attribute("width")) ?? widthFromSizes(element),
    height: dimensionAttribute(element.attribute("height")),
  };
  const inline = element.attribute("style");
  const kept = (style: readonly StyleDeclaration[]) => (lifted.size === 0 ? style : style.filter(({ name }) => !lifted.has(name)));
  applyStyle(size, kept(sheet));
  if (maySetSize(inline)) applyStyle(size, kept(element.style));
  // A sheet's `!important` wins over an inline style without it (one that may hold it wins back: left as it is).
  if (sheet.some(({ important }) => important) && !mayHoldImportant(inline)) {
    applyStyle(size, kept(sheet.filter(({ important }) => important)));
  }
  const growth = combinedGrowth([size.zoom ?? 1, size.scale ?? 1, size.transform ?? 1]);
  // A scale of 0 draws nothing, whatever the size (the image's own included); nothing enlarges 0 px, and 0 times an
  // unknown growth is no number.
  const grown = (length: number | undefined) =>
    growth === 0 ? 0 : length === undefined || length === 0 || growth === 1 ? length : length * growth;
  return { width: grown(atLeast(size.width, size.minWidth)), height: grown(atLeast(size.height, size.minHeight)) };
}

const noneLifted: ReadonlySet<string> = new Set();

/** The factors multiplied: 0 when one is 0 (nothing finite undoes it), else unknown (infinite) when one is. */
function combinedGrowth(factors: readonly number[]): number {
  if (factors.includes(0)) return 0;
  return factors.includes(unknownLength) ? unknownLength : factors.reduce((product, factor) => product * factor, 1);
}

/**
 * The width `sizes` gives an `<img>` whose `srcset` candidates all have `w` descriptors (then `sizes`, not the file,
 * sets the rendered width): the largest length its entries can yield, when every entry is a length in pixels
 * (`sizes="1px"`, `(max-width:600px) 1px, 1px`); undefined otherwise (`100vw`, `auto`: unknown here).
 */
function widthFromSizes(element: Element): number | undefined {
  const sizes = element.name === "img" ? element.attribute("sizes") : undefined;
  const srcset = sizes === undefined ? undefined : element.attribute("srcset");
  if (sizes === undefined || srcset === undefined) return undefined;
  const candidates = parseSrcset(srcset);
  if (candidates.length === 0 || !candidates.every(({ descriptor }) => /^\d+w$/i.test(descriptor))) return undefined;
  let largest = 0;
  for (const entry of sizes.split(",")) {
    const length = cssLength(entry.trim().split(/[\t\n\f\r ]+/).pop());
    if (length === undefined) return undefined;
    largest = Math.max(largest, length);
  }
  return largest;
}

/** A size and its minimum: the minimum wins when it is larger (or when no size is known, and it is not 0). */
function atLeast(length: number | undefined, minimum: number | undefined): number | undefined {
  if (minimum === undefined || minimum === 0) return length;
  return length === undefined || minimum > length ? minimum : length;
}

/**
 * False only when an inline style cannot hold a declaration that sizes (`width`, `zoom`, `all`, ...), so
 * it is not parsed: such a name is written with those letters (in any ASCII case: no other character lower-cases
 * to one of them) unless an escape spells it. Undefined (no attribute) reads `element.style` as it is.
 */
function maySetSize(style: string | undefined): boolean {
  return style === undefined || style.includes("\\") || sizeWord.test(style);
}

const sizeWord = /width|height|-size|zoom|scale|transform|all/i;

/**
 * At least one dimension given, and every given one at most `pixels` (the other follows the image).
 * @example fitsIn({ width: 6, height: undefined }, 6) //=> true
 */
export function fitsIn({ width, height }: Size, pixels: number): boolean {
  if (width === undefined && height === undefined) return false;
  return (width ?? 0) <= pixels && (height ?? 0) <= pixels;
}

/** 0 or 1 px: nothing a reader can see. One given dimension is enough (the other follows the image). */
export function isTiny(size: Size): boolean {
  return fitsIn(size, 1);
}

/**
 * Only one dimension given, and it is above 0 (`height="1"` alone): the other follows the image's own ratio, which
 * for a rule image (a 600x1 divider) is not 1:1. A real 1x1 pixel writes both, so this alone is no pixel.
 */
export function isOneSided({ width, height }: Size): boolean {
  if (width === undefined) return height !== undefined && height > 0;
  return height === undefined && width > 0;
}

/**
 * A width or a height of exactly 0: an image draws nothing, whatever the other dimension (`width=600 height=0`). For
 * a box with a background it is the caller's to tell whether padding gives it an area all the same.
 */
export function hasNoArea({ width, height }: Size): boolean {
  return width === 0 || height === 0;
}

/**
 * At most 6 px, one dimension enough (the other follows the image's own ratio): a beacon when its URL says so
 * (LiveIntent 2x6, WordPress.com 6x5, Cooper Press 3x1 under `img{height:auto}`).
 */
export function isSmall({ width, height }: Size): boolean {
  if (width === undefined && height === undefined) return false;
  return (width ?? 0) <= 6 && (height ?? 0) <= 6;
}

export function describeSize({ width, height }: Size): string {
  const show = (value: number | undefined): string =>
    value === undefined ? "?" : value === unknownLength ? "auto" : String(Math.round(value * 100) / 100);
  return `${show(width)}x${show(height)}`;
}
