// Whether an element hides its content from view. Browsers still fetch what hidden elements hold, which is
// why ESPs hide their pixels, and why hidden content with an unsized or tokenized image is suspect.

import { parseDeclarations } from "../css/declarations.js";
import { mayHoldImportant } from "../css/keyword.js";
import { readSimpleDeclarations } from "../css/simple-declarations.js";
import type { StyleDeclaration } from "../types.js";
import { attributeValue, type RawAttribute } from "./raw-tag.js";
import type { SheetDeclaration, SheetMatch } from "./style-rules.js";

// A style that hides must hold one of these declarations as written, unless an escape or a comment spells it
// differently: skip the CSS parse for every other style (most styles in email).
const mayHide =
  /display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*[-+.0]|max-(?:height|width)\s*:\s*[-+.0]|mso-hide|\\|\/\*/i;

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

/**
 * Why an element with these attributes hides its content, or undefined when it does not. `sheet` holds what
 * earlier `<style>` rules say: a class may hide it, and an `@media` rule that shows it on some screen (a mobile
 * block revealed on phones) makes it content, whatever hides it elsewhere.
 */
export function hidingReason(tag: string, attributes: readonly RawAttribute[], sheet?: SheetMatch): string | undefined {
  if (sheet?.revealedBy !== undefined) return undefined;
  if (attributeValue(attributes, "hidden") !== undefined) return `hidden attribute on <${tag}>`;
  const css = attributeValue(attributes, "style");
  const fromSheet = sheet?.declarations ?? [];
  // Most rules only size: with none that hides or is `!important`, the inline style decides alone.
  if (fromSheet.length === 0 || !fromSheet.some(({ important }) => important) && declarationsHiding(tag, fromSheet) === undefined) {
    // Parsed here only when it may hide (rare); the element's view parses it again if a detector asks.
    return css !== undefined && mayHide.test(css) ? declarationsHiding(tag, cascaded([], inlineStyle(css), false)) : undefined;
  }
  const inline = css === undefined ? [] : inlineStyle(css);
  const applied = cascaded(fromSheet, inline, mayHoldImportant(css));
  const sheetOnes = new Set<StyleDeclaration>(fromSheet);
  const reason = declarationsHiding(tag, applied.filter((declaration) => !sheetOnes.has(declaration)));
  if (reason !== undefined) return reason;
  const bySheet = declarationsHiding(tag, applied);
  return bySheet && `${bySheet} (by a <style> rule)`;
}


/**
 * The declaration that applies for each property, as the cascade picks it: a `<style>` rule's, then the inline
 * style's, then a rule's `!important` one (unless the inline style may hold `!important` too: it wins back). The
 * last of a property wins: `.m{display:none}` with `style="display:block"` shows the element.
 */
function cascaded(
  fromSheet: readonly SheetDeclaration[],
  inline: readonly StyleDeclaration[],
  inlineMayBeImportant: boolean,
): StyleDeclaration[] {
  const applied = new Map<string, StyleDeclaration>();
  for (const declaration of fromSheet) if (!declaration.important) applied.set(declaration.name, declaration);
  for (const declaration of inline) applied.set(declaration.name, declaration);
  for (const declaration of fromSheet) {
    if (declaration.important && !(inlineMayBeImportant && inline.some(({ name }) => name === declaration.name))) {
      applied.set(declaration.name, declaration);
    }
  }
  return [...applied.values()];
}

function declarationsHiding(tag: string, declarations: readonly StyleDeclaration[]): string | undefined {
  for (const { name, value } of declarations) {
    const lower = value.toLowerCase();
    if (name === "display" && lower === "none") return `display:none on <${tag}>`;
    if (name === "visibility" && (lower === "hidden" || lower === "collapse")) return `visibility:${lower} on <${tag}>`;
    if (name === "opacity" && isZeroLength(lower)) return `opacity:0 on <${tag}>`;
    if ((name === "max-height" || name === "max-width") && isZeroLength(lower)) return `${name}:0 on <${tag}>`;
    if (name === "mso-hide" && lower === "all") return `mso-hide:all on <${tag}>`;
  }
  return undefined;
}
