// Whether a zero size on a box hides what the box holds, as browsers lay it out. ESPs hide pixels in
// `max-height:0;overflow:hidden` blocks; responsive mail opens such a box with padding (`height:0;padding-bottom:56%`,
// the video embed), a minimum, or flex growth. Each case here was checked in Chromium (test/suites/size-and-hiding).

import type { StyleDeclaration } from "../types.js";

/** The declarations that apply to an element, by property, in the order the cascade applied them. */
type Applied = ReadonlyMap<string, StyleDeclaration>;

/** A length of zero (`0`, `0px`, `-0.0em`, `0%`). */
export function isZeroLength(value: string): boolean {
  return /^[+-]?(?:0*\.?0+|0+\.)(?:e[+-]?\d+)?(?:[a-z%]+)?$/i.test(value.trim());
}

/** The zero sizes that can hide, and the axis each is on (horizontal writing, as all mail is). */
export const zeroSizes = [
  ["max-height", "y"], ["height", "y"], ["max-block-size", "y"], ["block-size", "y"],
  ["max-width", "x"], ["width", "x"], ["max-inline-size", "x"], ["inline-size", "x"],
] as const;

const zeroSizeNames: ReadonlySet<string> = new Set(zeroSizes.map(([name]) => name));

/** Whether a declaration is one of `zeroSizes` at zero. */
export function isZeroSize({ name, value }: StyleDeclaration): boolean {
  return zeroSizeNames.has(name) && isZeroLength(value);
}

/**
 * Whether the zero `size` (one of `zeroSizes`) hides what the element holds. What it holds shows past it unless the
 * element clips it (`overflow` other than `visible`), and a zero size sets no size at all on table parts (they grow
 * to their content), inline boxes and the root (its overflow is the viewport's), nor where end padding, a minimum, a
 * flex item's growth or basis, or a clip margin opens the box. `inFlexContainer` is asked only when the element
 * would grow as a flex item.
 */
export function zeroSizeHides(tag: string, applied: Applied, size: (typeof zeroSizes)[number], inFlexContainer: () => boolean): boolean {
  const display = applied.get("display")?.value.trim().toLowerCase();
  if (!(display === undefined ? blockTags.has(tag) : blockDisplay.test(display) && tag !== "html" && tag !== "body")) return false;
  const [name, axis] = size;
  // What the box holds starts after its top (left) padding, and shows in its bottom (right) padding.
  if (isPositiveLength(endPadding(applied, axis))) return false;
  // A minimum beats a maximum and a size; a flex item's growth or basis beats a size, not a maximum.
  const minimum = axis === "y" ? ["min-height", "min-block-size"] : ["min-width", "min-inline-size"];
  if (minimum.some((min) => opensAsMinimum(applied.get(min)?.value))) return false;
  if (!name.startsWith("max-") && mayGrowAsFlexItem(applied) && inFlexContainer()) return false;
  const [x, y] = computedOverflow(applied);
  const overflow = axis === "y" ? y : x;
  // A clip margin paints past the box where both axes are `clip` (Chromium ignores it otherwise).
  if (x === "clip" && y === "clip" && isPositiveLength(clipMarginLength(applied.get("overflow-clip-margin")?.value))) return false;
  return overflow !== "visible";
}

/**
 * Display values whose box is a block container that can clip: a size applies to it (not to an inline box or a
 * table part). Two-value forms too (`inline flow-root` is `inline-block`).
 */
const blockDisplay =
  /^(?:block|inline-block|flex|inline-flex|grid|inline-grid|list-item|flow-root|-webkit-box|-webkit-inline-box|-webkit-flex|-webkit-inline-flex|table-caption)\b|^block\s+(?:flow|flow-root|flex|grid|list-item)\b|^inline\s+(?:flow-root|flex|grid)\b/;

/** Elements whose box is a block by the browser's own sheet (a `<div>`, not a `<td>` or a `<span>`). */
const blockTags: ReadonlySet<string> = new Set([
  "div", "p", "center", "section", "article", "aside", "header", "footer", "main", "nav", "blockquote", "figure",
  "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "form",
  "fieldset", "details", "summary", "hr", "dialog", "hgroup", "menu", "search",
]);

/**
 * The padding at the end of an axis (bottom, or right), from whichever declaration setting it came last: `padding`
 * (its third or second value), `padding-block` / `padding-inline` (second), or the side's own longhands.
 */
function endPadding(applied: Applied, axis: "x" | "y"): string | undefined {
  const sources: readonly [string, (words: readonly string[]) => string | undefined][] =
    axis === "y"
      ? [["padding", (words) => words[2] ?? words[0]], ["padding-block", (words) => words[1] ?? words[0]], ["padding-bottom", first], ["padding-block-end", first]]
      : [["padding", (words) => words[1] ?? words[0]], ["padding-inline", (words) => words[1] ?? words[0]], ["padding-right", first], ["padding-inline-end", first]];
  let latest: StyleDeclaration | undefined;
  let pick = first;
  for (const [name, read] of sources) {
    const declaration = applied.get(name);
    if (declaration !== undefined && (latest === undefined || order(applied, declaration) > order(applied, latest))) {
      latest = declaration;
      pick = read;
    }
  }
  return latest === undefined ? undefined : pick(words(latest.value));
}

const first = (words: readonly string[]): string | undefined => words[0];

/** The space-separated parts of a value, lower-cased; a function (`calc(56.25% + 1px)`) is one part. */
function words(value: string): string[] {
  if (!value.includes("(")) return value.trim().toLowerCase().split(/[\t\n\f\r ]+/);
  const parts: string[] = [];
  let depth = 0;
  let part = "";
  for (const char of value.trim().toLowerCase()) {
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && /[\t\n\f\r ]/.test(char)) {
      if (part !== "") parts.push(part);
      part = "";
    } else part += char;
  }
  if (part !== "" || parts.length === 0) parts.push(part);
  return parts;
}

/**
 * A length or percentage above zero. A function (`calc()`, `var()`) may be one: read as one, so a box it may open
 * stays content. So is a number without a unit: the cascade has dropped it where the document's mode does
 * (`isValidBoxDeclaration`).
 */
function isPositiveLength(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (/^[a-z-]+\(/i.test(value)) return true;
  const match = /^\+?(\d*\.?\d+(?:e[+-]?\d+)?)(%|[a-z]+)?$/i.exec(value.trim());
  return match !== null && Number(match[1]) > 0 && (match[2] === undefined || match[2] === "%" || lengthUnits.has(match[2].toLowerCase()));
}

/** CSS length units (Values and Units 4, checked with `CSS.supports` in Chromium): `300fr` or `300x` is no length. */
const lengthUnits: ReadonlySet<string> = new Set([
  "px", "cm", "mm", "q", "in", "pt", "pc", "em", "rem", "ex", "rex", "ch", "rch", "ic", "ric", "cap", "rcap", "lh", "rlh",
  "vw", "vh", "vi", "vb", "vmin", "vmax", "svw", "svh", "svi", "svb", "svmin", "svmax", "lvw", "lvh", "lvi", "lvb",
  "lvmin", "lvmax", "dvw", "dvh", "dvi", "dvb", "dvmin", "dvmax", "cqw", "cqh", "cqi", "cqb", "cqmin", "cqmax",
]);

/** A minimum size that gives room: a positive length, or the content's own size (`min-content`, `fit-content`). */
function opensAsMinimum(value: string | undefined): boolean {
  return isPositiveLength(value) || (value !== undefined && /^(?:min-content|max-content|fit-content|-webkit-fill-available|stretch)$/i.test(value.trim()));
}

/** The length of an `overflow-clip-margin` (`<visual-box> || <length>`): a visual box alone adds nothing. */
function clipMarginLength(value: string | undefined): string | undefined {
  return value === undefined ? undefined : words(value).find((word) => !/^(?:content|padding|border)-box$/.test(word));
}

/** Whether flex growth or a flex basis sizes the element as a flex item (`flex: none` neither grows nor sets one). */
function mayGrowAsFlexItem(applied: Applied): boolean {
  if (isPositiveLength(applied.get("flex-basis")?.value)) return true;
  const flex = applied.get("flex");
  const grow = applied.get("flex-grow");
  if (grow !== undefined && (flex === undefined || order(applied, grow) > order(applied, flex))) return Number.parseFloat(grow.value) > 0;
  if (flex === undefined) return false;
  const [growth, second, third] = words(flex.value);
  if (growth === "none" || growth === "initial" || growth === undefined) return false;
  if (growth === "auto") return true;
  // `flex: <grow> [<shrink>] [<basis>]`, or a basis alone (which grows by 1).
  if (/^\+?\d*\.?\d+$/.test(growth)) return Number(growth) > 0 || isPositiveLength(third ?? (second !== undefined && !/^\+?\d*\.?\d+$/.test(second) ? second : undefined));
  return true;
}

/**
 * The `overflow` on each axis, [x, y], lower-cased, as browsers compute it: the axis' own or the shorthand's
 * (`overflow: <x> <y>`, one value for both), whichever came last. `visible` and `clip` stay only where the other
 * axis is `visible` or `clip` too: `overflow-x: hidden` alone makes the y axis `auto`, which clips a zero height as
 * well. `initial`, `unset` and `revert` are `visible`; `inherit` takes the parent's, which is not known here: read
 * as `hidden`, so that a pixel under `overflow: inherit` is not let through (fail closed).
 */
export function computedOverflow(applied: Applied): readonly [string, string] {
  const shorthand = applied.get("overflow");
  const [shorthandX, shorthandY = shorthandX] = shorthand === undefined ? [] : words(shorthand.value);
  const onAxis = (name: "overflow-x" | "overflow-y", fromShorthand: string | undefined): string => {
    const own = applied.get(name);
    const ownWins = own !== undefined && (shorthand === undefined || order(applied, own) > order(applied, shorthand));
    const value = ownWins ? own.value.trim().toLowerCase() : fromShorthand;
    return value === undefined || cssWideVisible.has(value) ? "visible" : value === "inherit" ? "hidden" : value;
  };
  const x = onAxis("overflow-x", shorthandX);
  const y = onAxis("overflow-y", shorthandY);
  const scrolls = (value: string): boolean => value !== "visible" && value !== "clip";
  const computed = (value: string, other: string): string => (scrolls(other) && !scrolls(value) ? (value === "visible" ? "auto" : "hidden") : value);
  return [computed(x, y), computed(y, x)];
}

const cssWideVisible: ReadonlySet<string> = new Set(["initial", "unset", "revert", "revert-layer"]);

/** Where a declaration stands in the cascade's result: a later one was applied later. */
function order(applied: Applied, declaration: StyleDeclaration): number {
  return [...applied.values()].indexOf(declaration);
}

/**
 * Whether a browser keeps a declaration of the box properties read here, or drops it as invalid (so that an earlier
 * one of the same property still applies: `overflow:hidden;overflow:-moz-scrollbars-none` is `hidden`). Other
 * properties are kept as written.
 */
export function isValidBoxDeclaration({ name, value }: StyleDeclaration, quirks: boolean): boolean {
  // Quirks mode reads a number without a unit as pixels, for the physical sizes and paddings only (Chromium).
  const unitless = quirks && quirkyLengthNames.has(name);
  if (sizeNames.has(name)) return isValidSize(name, value, unitless);
  // A function (`var()`, `calc()`) may be valid whatever it holds: kept, as written.
  if (value.includes("(")) return true;
  if (name === "display") return isValidDisplay(value);
  if (!name.startsWith("overflow") && !name.startsWith("padding")) return true;
  const parts = words(value);
  if (parts.length === 1 && (cssWideVisible.has(parts[0]!) || parts[0] === "inherit")) return true;
  switch (name) {
    case "overflow":
      return parts.length <= 2 && parts.every((part) => overflowKeywords.has(part));
    case "overflow-x":
    case "overflow-y":
      return parts.length === 1 && overflowKeywords.has(parts[0]!);
    case "overflow-clip-margin":
      return parts.length <= 2 && parts.every((part) => /^(?:content|padding|border)-box$/.test(part) || isLength(part, false));
    default:
      return parts.length <= (name === "padding" ? 4 : name === "padding-block" || name === "padding-inline" ? 2 : 1) && parts.every((part) => isLength(part, unitless));
  }
}

/** A length of zero or above; a number without a unit only where `unitless` (quirks mode's pixels). */
function isLength(part: string, unitless: boolean): boolean {
  return isZeroLength(part) || (isPositiveLength(part) && (unitless || !/^\+?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/.test(part)));
}

/** The properties quirks mode takes a number without a unit for (the physical ones; checked in Chromium). */
const quirkyLengthNames: ReadonlySet<string> = new Set([
  "height", "width", "min-height", "min-width", "max-height", "max-width",
  "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
]);

/** The sizes whose value is validated: those that can be zero, and the minimums that open a box. */
const sizeNames: ReadonlySet<string> = new Set([...zeroSizeNames, "min-height", "min-width", "min-block-size", "min-inline-size"]);

/**
 * A `display` browsers keep: one display keyword (`none`, `inline-block`, `-webkit-box`, a CSS-wide keyword), or the
 * multi-keyword form (an outer `block`/`inline`, an inner `flow`/`flow-root`/`table`/`flex`/`grid`/`ruby`/`math`,
 * `list-item` with a flow inner), each at most once. `display:none;display:nnone` is `none`.
 */
function isValidDisplay(value: string): boolean {
  const parts = words(value);
  if (parts.length === 1) return displayKeywords.has(parts[0]!) || cssWideVisible.has(parts[0]!) || parts[0] === "inherit";
  const outer = parts.filter((part) => part === "block" || part === "inline");
  const inner = parts.filter((part) => innerDisplays.has(part));
  const listItem = parts.filter((part) => part === "list-item");
  return (
    parts.length <= 3 &&
    outer.length + inner.length + listItem.length === parts.length &&
    outer.length <= 1 && inner.length <= 1 && listItem.length <= 1 &&
    (listItem.length === 0 || inner.length === 0 || inner[0] === "flow" || inner[0] === "flow-root")
  );
}

const innerDisplays: ReadonlySet<string> = new Set(["flow", "flow-root", "table", "flex", "grid", "ruby", "math"]);

const displayKeywords: ReadonlySet<string> = new Set([
  "none", "contents", "block", "inline", "flow", "flow-root", "table", "flex", "grid", "ruby", "math", "list-item",
  "inline-block", "inline-table", "inline-flex", "inline-grid", "table-row-group", "table-header-group",
  "table-footer-group", "table-row", "table-cell", "table-column-group", "table-column", "table-caption", "ruby-text",
  "-webkit-box", "-webkit-inline-box", "-webkit-flex", "-webkit-inline-flex",
]);

/**
 * A size browsers keep: a length or percentage that is not negative, `auto` where it is a size and `none` where it is
 * a maximum (`max-height:auto` and `height:none` are dropped, so an earlier zero stays), a content-size keyword
 * Chromium or WebKit knows, or a math function. Anything else is dropped as browsers drop it: `max-height:0;
 * max-height:-moz-available` keeps the zero in Chromium and WebKit, which is what clips a pixel there. A value a
 * substitution writes (`var()`, `env()`, `attr()`) may be anything: kept, as written.
 */
function isValidSize(name: string, value: string, unitless: boolean): boolean {
  const lower = value.trim().toLowerCase();
  if (substitution.test(lower)) return true;
  if (lower === "auto") return !name.startsWith("max-");
  if (lower === "none") return name.startsWith("max-");
  if (sizeKeywords.has(lower) || cssWideVisible.has(lower) || lower === "inherit") return true;
  const math = /^([a-z-]+)\(/.exec(lower);
  if (math !== null) {
    const fn = math[1]!;
    if (fn === "anchor-size") return true;
    // `calc-size(auto, …)` is no maximum (Chromium drops it there); any other basis is.
    if (fn === "calc-size") return !(name.startsWith("max-") && /^calc-size\(\s*auto\b/.test(lower));
    // A math function gives a length only from one: `calc(300)` is a number, dropped.
    return sizeFunctions.has(fn) && holdsLength(lower);
  }
  return isLength(lower, unitless);
}

const substitution = /\b(?:var|env|attr)\(/;

/** The content-size keywords of `width`, `height` and their forms (checked with `CSS.supports` in Chromium). */
const sizeKeywords: ReadonlySet<string> = new Set([
  "min-content", "max-content", "fit-content", "stretch", "-webkit-min-content", "-webkit-max-content", "-webkit-fit-content",
  "-webkit-fill-available",
]);

/**
 * The functions a size may be written with (Chromium): the math functions that give a length, and `if()`. Not
 * `fit-content(100px)` (a grid track size only); `anchor-size()` and `calc-size()` are read on their own.
 */
const sizeFunctions: ReadonlySet<string> = new Set(["calc", "-webkit-calc", "min", "max", "clamp", "abs", "round", "mod", "rem", "hypot", "if"]);

/** Whether a math function's text holds a length or percentage (or a function that gives one). */
function holdsLength(text: string): boolean {
  if (/\b(?:anchor-size|calc-size)\(/.test(text)) return true;
  for (const [, unit] of text.matchAll(/\d(%|[a-z]+)/g)) if (unit === "%" || lengthUnits.has(unit!)) return true;
  return false;
}

/** The values of `overflow-x` and `overflow-y`. */
const overflowKeywords: ReadonlySet<string> = new Set(["visible", "hidden", "clip", "scroll", "auto", "overlay"]);
