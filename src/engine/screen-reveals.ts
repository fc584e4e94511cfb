// What `@media` rules for screens say about the selector of another rule of the same sheet: a mobile block hidden on
// desktop (`.mob{display:none;background-image:url(...)}`) that a phone's `@media (max-width:480px){.mob{display:
// block!important}}` shows draws its background there. Only the same selector counts (one of the rule's list,
// as written): a reveal of another subject proves nothing about this one.

import { matchesNoScreen } from "../css/screen-media.js";
import { decodedNames } from "../css/tokens.js";
import type { StyleDeclaration } from "../types.js";
import type { SheetBlock } from "./style-rules.js";

/**
 * The declarations that `@media` rules for screens give a selector of `rule` (a block of `blocks`), that may win over
 * its own: those of the rules after it, and the `!important` ones of those before it. A rule nested in the same
 * selector (`.mob{@media (...){display:block}}`) counts too. Print, dark mode and a range no screen has do not.
 */
export function screenDeclarationsFor(blocks: readonly SheetBlock[], rule: SheetBlock): StyleDeclaration[] {
  const selectors = selectorsOf(rule.prelude);
  const found: StyleDeclaration[] = [];
  for (const block of blocks) {
    if (block === rule || block.declarations.length === 0) continue;
    const subject = block.prelude.startsWith("@") ? nestedIn(blocks, block) : block;
    if (subject === undefined || !selectorsOf(subject.prelude).some((selector) => selectors.includes(selector))) continue;
    if (!onSomeScreens(blocks, block)) continue;
    for (const declaration of block.declarations) if (block.start > rule.start || declaration.important === true) found.push(declaration);
  }
  return found;
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
