// What `@media` rules for screens say about the selector of another rule of the same sheet: a mobile block hidden on
// desktop (`.mob{display:none;background-image:url(...)}`) that a phone's `@media (max-width:480px){.mob{display:
// block!important}}` shows draws its background there. Only the same selector counts (one of the rule's list,
// as written): a reveal of another subject proves nothing about this one.

import { matchesNoScreen } from "../css/screen-media.js";
import { decodedNames } from "../css/tokens.js";
import type { StyleDeclaration } from "../types.js";
import type { SheetBlock } from "./style-rules.js";

/** The most reveal blocks kept per selector: beyond them a hostile sheet's rule reads as unrevealed (fail closed). */
const maxRevealsPerSelector = 32;

/**
 * What `@media` rules for screens say about each selector of one sheet (its blocks, from `parseSheet`), indexed
 * once: every rule of a sheet may ask, and a walk over the whole sheet for each was quadratic.
 */
export class ScreenReveals {
  private readonly bySelector = new Map<string, SheetBlock[]>();

  constructor(blocks: readonly SheetBlock[]) {
    for (const block of blocks) {
      if (block.declarations.length === 0) continue;
      const subject = block.prelude.startsWith("@") ? nestedIn(blocks, block) : block;
      if (subject === undefined || !onSomeScreens(blocks, block)) continue;
      for (const selector of new Set(selectorsOf(subject.prelude))) {
        const list = this.bySelector.get(selector);
        if (list === undefined) this.bySelector.set(selector, [block]);
        else if (list.length < maxRevealsPerSelector) list.push(block);
      }
    }
  }

  /**
   * The declarations that `@media` rules for screens give a selector of `rule` (one of the blocks), that may win
   * over its own: those of the rules after it, and the `!important` ones of those before it, in sheet order. A rule
   * nested in the same selector (`.mob{@media (...){display:block}}`) counts too. Print, dark mode and a range no
   * screen has do not.
   */
  for(rule: SheetBlock): StyleDeclaration[] {
    const revealing = new Set<SheetBlock>();
    for (const selector of selectorsOf(rule.prelude)) {
      for (const block of this.bySelector.get(selector) ?? []) if (block !== rule) revealing.add(block);
    }
    const found: StyleDeclaration[] = [];
    for (const block of [...revealing].sort((a, b) => a.start - b.start)) {
      for (const declaration of block.declarations) if (block.start > rule.start || declaration.important === true) found.push(declaration);
    }
    return found;
  }
}

/** The style rule an `@media` block sits in directly (CSS nesting), if it does. */
function nestedIn(blocks: readonly SheetBlock[], block: SheetBlock): SheetBlock | undefined {
  const parent = blocks[block.parent];
  return parent !== undefined && !parent.prelude.startsWith("@") ? parent : undefined;
}

/**
 * Every at-rule around the block (itself included) is an `@media` for some screens, and there is one: anything else
 * (`@layer` loses to unlayered rules, `@supports` may not hold, an unknown at-rule is dropped) is not read as a reveal.
 */
function onSomeScreens(blocks: readonly SheetBlock[], block: SheetBlock): boolean {
  let media = false;
  for (let at: SheetBlock | undefined = block; at !== undefined; at = blocks[at.parent]) {
    if (!at.prelude.startsWith("@")) continue;
    const prelude = decodedNames(at.prelude);
    const queries = /^@media(?=[\t\n\f\r (])([^]*)$/i.exec(prelude)?.[1];
    if (queries === undefined || matchesNoScreen(queries) || /prefers-color-scheme/i.test(queries)) return false;
    media = true;
  }
  return media;
}

/** A selector list, each selector with its white space collapsed. */
function selectorsOf(prelude: string): string[] {
  return prelude.split(",").map((selector) => selector.trim().replace(/[\t\n\f\r ]+/g, " "));
}
