// The size and hiding declarations of a rule's body (`width`, `display`, ...), read as browsers read them: a plain
// body by splitting it at its `;`, any other (escapes, comments, strings that hold a `;`) as inline styles are read.

import { afterCssWhitespace } from "../css/code-points.js";
import { parseDeclarations } from "../css/declarations.js";
import { readSimpleDeclarations } from "../css/simple-declarations.js";
import type { SheetDeclaration } from "./style-rules.js";

const importantSuffix = /\s*!\s*important\s*$/i;

/** Whether one of the ordered `positions` is in [start, end), by binary search. */
function hasPositionIn(positions: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < positions.length && positions[low]! < end;
}

/**
 * The declarations of the rule body `[start, end)` whose property is collected (the others are never read). A plain
 * body is split at every `;` as written, and a declaration whose name cannot be collected (by its first letter)
 * costs no string. A body that split would misread is read as inline styles are (`readSimpleDeclarations`, or the
 * tokenizer): one with an escape, a comment or a non-ASCII character (a comment holding a `;` before `width:1px`,
 * or `w\idth`, hid a pixel's size), or one whose split found a declaration and a `;` that ends none (in a string,
 * brackets or a nested block: fewer `semicolons`, the count of those that do, than `;` in its text). The split
 * finds every declaration the tokens give (their `;` are among its own), so a body it finds none in holds none.
 */
export function collectedDeclarations(text: SheetText, start: number, end: number, semicolons: number): SheetDeclaration[] | undefined {
  const css = text.css;
  if (hasPositionIn(text.needsTokens, start, end)) {
    const body = css.slice(start, end);
    // Comments alone (templates' `/*@editable*/`): each read as the white space it is to the tokenizer.
    if (!commentsAlone.test(body)) return readDeclarations(body);
    const uncommented = body.replace(comment, " ");
    return collectedDeclarations(new SheetText(uncommented), 0, uncommented.length, semicolons);
  }
  let declarations: SheetDeclaration[] | undefined;
  let colon = -1;
  for (let from = start; from < end; ) {
    let semicolon = text.semicolons.next(from);
    if (semicolon < 0 || semicolon > end) semicolon = end;
    if (colon < from) colon = text.colons.next(from);
    if (colon < 0 || colon >= end) break;
    if (colon > from && colon < semicolon && mayBeCollected(css, afterCssWhitespace(css, from, colon))) {
      const name = css.slice(from, colon).trim().toLowerCase();
      if (collected.has(name)) {
        const rawValue = css.slice(colon + 1, semicolon).trim();
        // Trimmed already: only `!important` leaves something to take off.
        const important = rawValue.includes("!") && importantSuffix.test(rawValue);
        (declarations ??= []).push({ name, value: important ? rawValue.replace(importantSuffix, "").trim() : rawValue, important });
      }
    }
    from = semicolon + 1;
  }
  if (declarations === undefined) return undefined;
  let written = 0;
  for (let at = text.semicolons.next(start); at >= 0 && at < end; at = text.semicolons.next(at + 1)) written++;
  return written === semicolons ? declarations : readDeclarations(css.slice(start, end));
}

/**
 * What the split of `collectedDeclarations` misreads: an escape, a comment, and any non-ASCII character (a name
 * character to CSS, white space to `trim`: `width:1px\u00a0` is no length).
 */
const needsTokens = /[\\\u0080-\uffff]|\/\*/;

/** A body whose only special characters are comments (no escape, string or non-ASCII character in them either). */
const commentsAlone = /^[^\\"'\u0080-\uffff]*$/;
const comment = /\/\*[^]*?(?:\*\/|$)/g;

/** A sheet's text, with what `collectedDeclarations` looks up in it. */
export class SheetText {
  /** Where the split would misread (`needsTokens`), in order. */
  readonly needsTokens: readonly number[];
  readonly semicolons: NextIndex;
  readonly colons: NextIndex;

  constructor(readonly css: string) {
    const positions: number[] = [];
    if (needsTokens.test(css)) {
      const each = new RegExp(needsTokens.source, "g");
      for (let match = each.exec(css); match !== null; match = each.exec(css)) positions.push(match.index);
    }
    this.needsTokens = positions;
    this.semicolons = new NextIndex(css, ";");
    this.colons = new NextIndex(css, ":");
  }
}

/**
 * `indexOf` for searches that move forward: the last answer stands while it holds. A search from each rule's body
 * would run on past the body's end, once per rule: a sheet of many rules without a `;` took quadratic time
 * (adversarial review).
 */
class NextIndex {
  private from = Number.POSITIVE_INFINITY;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The first `char` at or after `from`, or -1. */
  next(from: number): number {
    if (from < this.from || (this.found >= 0 && from > this.found)) {
      this.from = from;
      this.found = this.text.indexOf(this.char, from);
    }
    return this.found;
  }
}


/** The collected declarations of a body, read as a browser reads a declaration list. */
function readDeclarations(body: string): SheetDeclaration[] | undefined {
  let declarations: SheetDeclaration[] | undefined;
  const read = readSimpleDeclarations(body);
  if (read !== undefined) {
    for (const { name, value } of read) if (collected.has(name)) (declarations ??= []).push({ name, value, important: false });
    return declarations;
  }
  for (const { name, value, important } of parseDeclarations(body)) {
    if (collected.has(name)) (declarations ??= []).push({ name, value, important });
  }
  return declarations;
}


/**
 * Whether a name starting at `at` may be collected: by the first letters of the collected names (`w`, `h`, `m`, `d`,
 * `v`, `o`, `z`, `in`, `bl`, `al`, `an`, `sc`, `tr`, `pa`, `po`, `fl`, any case: `border`, `background` and `text-align`, which are
 * everywhere, cost no string), and anything `trim` may remove that `isCssWhitespace` does not (`\v`, non-ASCII).
 */
function mayBeCollected(css: string, at: number): boolean {
  const c = css.charCodeAt(at);
  const lower = c | 0x20;
  const second = css.charCodeAt(at + 1) | 0x20;
  switch (lower) {
    case 0x69 /* i */:
      return second === 0x6e; /* n */
    case 0x62 /* b */:
      return second === 0x6c; /* l */
    case 0x61 /* a */:
      return second === 0x6c /* l */ || second === 0x6e; /* n */
    case 0x73 /* s */:
      return second === 0x63; /* c */
    case 0x70 /* p */:
      return second === 0x61 /* a */ || second === 0x6f; /* o */
    case 0x66 /* f */:
      return second === 0x6c; /* l */
    case 0x74 /* t */:
      return second === 0x72; /* r */
    default:
      return lower === 0x77 || lower === 0x68 || lower === 0x6d || lower === 0x64 || lower === 0x76 || lower === 0x6f || lower === 0x7a || c < 0x20 || c > 0x7f;
  }
}

/**
 * Whether declarations only give a zero-size box room (padding, a flex item's growth, a clip margin): such a rule
 * (`#outlook a{padding:0}`, most of a template's) matters only to an element that a zero size would hide.
 */
export function opensOnly(declarations: readonly SheetDeclaration[]): boolean {
  return declarations.every(({ name }) => name.startsWith("padding") || name === "flex" || name === "flex-grow" || name === "overflow-clip-margin");
}

/** The properties that size, hide or reveal an element: the only ones collected. */
const collected: ReadonlySet<string> = new Set([
  "width", "height", "max-width", "max-height", "min-width", "min-height", "display", "visibility", "opacity", "mso-hide",
  // The logical sizes, which are those in horizontal writing (all mail): `inline-size` is `width`.
  "inline-size", "block-size", "min-inline-size", "min-block-size", "max-inline-size", "max-block-size",
  // What enlarges a box, resets it all, or lets its content show past a zero height.
  "zoom", "scale", "transform", "all", "overflow", "overflow-x", "overflow-y", "padding", "padding-top", "padding-bottom",
  "padding-left", "padding-right", "padding-block", "padding-block-start", "padding-block-end", "padding-inline",
  "padding-inline-start", "padding-inline-end", "flex", "flex-grow", "overflow-clip-margin", "position",
  // A fade-in from `opacity:0` (`keyframes.ts`).
  "animation", "animation-name", "animation-duration", "animation-delay", "animation-fill-mode", "animation-iteration-count",
  "animation-direction", "animation-play-state",
]);
