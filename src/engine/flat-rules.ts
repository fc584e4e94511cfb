// The style rules of a sheet as browsers bound them: each rule's prelude and body, whether it applies everywhere or
// on some screens or elements only (`@media`, nesting, ...), and how many `;` end its declarations. One structural
// pass (`scanBlocks`, shared with `topLevelEnds`), or the tokens where that pass declines.

import { afterCssWhitespace, isCssWhitespace } from "../css/code-points.js";
import { type BlockVisitor, scanBlocks, scanBlocksByTokens } from "../css/statements.js";
import { matchesNoScreen } from "../css/screen-media.js";
import { decodedNames } from "../css/tokens.js";

/**
 * Calls `visit` for each style rule of a sheet that sits in no other style rule, reading the sheet's blocks as the
 * tokenizer does (`scanBlocks`, or the tokens themselves where that pass declines): a string, comment or escape
 * misread here would move a rule's bounds, and a `.px{width:1px;height:1px}` after it would go unread.
 * `conditional`: the rule sits inside an `@media` rule.
 */
export function visitFlatRules(
  css: string,
  visit: (preludeStart: number, preludeEnd: number, bodyStart: number, bodyEnd: number, conditional: boolean, semicolons: number) => void,
): void {
  let reader = new FlatRuleReader(css);
  if (!scanBlocks(css, reader)) scanBlocksByTokens(css, (reader = new FlatRuleReader(css)));
  const rules = reader.rules;
  for (let i = 0; i < rules.length; i += 6) visit(rules[i]!, rules[i + 1]!, rules[i + 2]!, rules[i + 3]!, rules[i + 4] === 1, rules[i + 5]!);
}

/** Turns a sheet's braces and semicolons into its style rules (see `visitFlatRules`). */
class FlatRuleReader implements BlockVisitor {
  // Per open block: where its prelude starts (it ends at its `{`), its kind.
  private readonly preludeStarts: number[] = [];
  private readonly kinds: number[] = []; // 0: style rule, then the kinds of `atRuleKind`
  private readonly bodyStarts: number[] = [];
  /** Per open block: the `;` directly in it (not in a string, a comment, brackets or a nested block). */
  private readonly semicolons: number[] = [];
  private openStyleRules = 0;
  private openMedia = 0;
  private openIgnored = 0;
  private segmentStart = 0;
  /** Per rule found: prelude start and end, body start and end, 1 when conditional, its `;` count. */
  readonly rules: number[] = [];

  constructor(private readonly css: string) {}

  open(at: number): void {
    const css = this.css;
    if (this.kinds.length === 0) this.segmentStart = afterCdoAndCdc(css, this.segmentStart, at);
    const kind = css.charCodeAt(afterCssWhitespace(css, this.segmentStart, at)) !== 0x40 /* @ */ ? 0 : atRuleKind(cssTrim(css.slice(this.segmentStart, at)));
    if (kind === 0) this.openStyleRules++;
    else if (kind === 1) this.openMedia++;
    else if (kind === 3) this.openIgnored++;
    this.preludeStarts.push(this.segmentStart);
    this.kinds.push(kind);
    this.bodyStarts.push(at + 1);
    this.semicolons.push(0);
    this.segmentStart = at + 1;
  }

  close(at: number): void {
    const kind = this.kinds.pop();
    const preludeStart = this.preludeStarts.pop() as number;
    const bodyStart = this.bodyStarts.pop() as number;
    const semicolons = this.semicolons.pop() as number;
    if (kind === 0) this.openStyleRules--;
    else if (kind === 1) this.openMedia--;
    else if (kind === 3) this.openIgnored--;
    this.segmentStart = at + 1;
    if (this.openIgnored > 0 || kind === 3) return;
    // A nested block's body is read again with each block around it: past a few levels, that was quadratic
    // (`.a{width:1px;` nested 4,000 deep took 28 s; adversarial review). Deeper nested rules are not read.
    if (this.openStyleRules > 0 && this.kinds.length >= maxNestedDepth) return;
    if (kind === 0 && this.openStyleRules === 0) {
      // A style rule inside no other (at-rules around it are fine, but for those that apply nothing).
      this.rules.push(preludeStart, bodyStart - 1, bodyStart, at, this.openMedia > 0 ? 1 : 0, semicolons);
    } else if (kind === 0) {
      // A rule nested in another (`.wrap{.hero{width:600px}}`, `&.hero`) applies to some of its elements only.
      this.rules.push(afterNesting(this.css, preludeStart, bodyStart - 1), bodyStart - 1, bodyStart, at, 1, semicolons);
    } else if (this.openStyleRules > 0) {
      // An at-rule nested in a style rule (`.h{@media screen{width:600px}}`): that rule's declarations, on some screens.
      const rule = this.kinds.lastIndexOf(0);
      this.rules.push(this.preludeStarts[rule]!, this.bodyStarts[rule]! - 1, bodyStart, at, 1, semicolons);
    }
  }

  semicolon(at: number): void {
    const open = this.semicolons.length - 1;
    if (open >= 0) this.semicolons[open]!++;
    // A `;` ends a declaration, or an at-rule without a block (`@charset "x";`); in a rule's prelude it is one more
    // token (`x;.px{...}` is no rule for `.px`).
    const css = this.css;
    if (this.kinds[open] === 0 || css.charCodeAt(afterCssWhitespace(css, this.segmentStart, at)) === 0x40 /* @ */) this.segmentStart = at + 1;
  }
}

/** How many blocks deep a nested rule or at-rule in a style rule is still read (`.a{.b{.c{...}}}`: `.c` is at 2). */
const maxNestedDepth = 3;

/** Past the `&` that starts a nested rule's selector, and the white space around it. */
function afterNesting(css: string, from: number, to: number): number {
  const at = afterCssWhitespace(css, from, to);
  return css.charCodeAt(at) === 0x26 /* & */ ? afterCssWhitespace(css, at + 1, to) : from;
}


/** `text` without the CSS white space around it: `"\u00a0.a".trim()` is `.a`, which CSS does not read. */
export function cssTrim(text: string): string {
  const start = afterCssWhitespace(text, 0, text.length);
  let end = text.length;
  while (end > start && isCssWhitespace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const conditionalRule = /^@(?:media|container|scope|supports|layer)(?![\w\\-]|[^\0-\x7f])/i;
/** `@media` for every screen: its rules apply as they stand (`@media screen{.px{width:1px;height:1px}}`). */
const everyScreen = /^[\t\n\f\r ]*(?:(?:only[\t\n\f\r ]+)?(?:all|screen))?[\t\n\f\r ]*$/i;

const mediaWithQueries = /^@media[\t\n\f\r ]/i;

/** Whether a media query list (a `media` attribute, an `@media` prelude) holds on every screen: empty, `all`, `screen`. */
export function forEveryScreen(mediaQueries: string): boolean {
  return everyScreen.test(mediaQueries);
}

/**
 * What an at-rule's block does to the rules in it: 2, applies them as they stand (`@media screen`); 1, applies them
 * on some screens or elements only, or in a cascade layer that any unlayered rule beats (`@media (...)`,
 * `@container`, `@scope`, `@supports`, `@layer`: they can only reveal or resize); 3, applies none of them
 * (`@keyframes` holds keyframes, not rules: `img{width:1px}` there sizes no image; an unknown at-rule is dropped;
 * `@media print` or an empty range applies on no screen, so it reveals nothing there).
 */
function atRuleKind(written: string): 1 | 2 | 3 {
  // Escapes spell the name as browsers read it (`@\6d edia` is `@media`).
  const prelude = written.includes("\\") ? decodedNames(written) : written;
  if (mediaWithQueries.test(prelude)) {
    const queries = prelude.slice("@media".length);
    if (forEveryScreen(queries)) return 2;
    if (matchesNoScreen(queries)) return 3;
  }
  return conditionalRule.test(prelude) ? 1 : 3;
}

/** Past the `<!--` and `-->` that a sheet ignores before a top-level rule (`<!-- .px{...} -->`). */
function afterCdoAndCdc(css: string, from: number, to: number): number {
  for (let at = afterCssWhitespace(css, from, to); ; at = afterCssWhitespace(css, at, to)) {
    if (css.startsWith("<!--", at)) at += 4;
    else if (css.startsWith("-->", at)) at += 3;
    else return from;
    from = at;
  }
}

