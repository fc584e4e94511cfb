// The simple rules of earlier `<style>` blocks that size or hide elements, collected while streaming so a
// later `<img class="px">` is judged by `.px{width:1px;height:1px}`, and a `.mobile{display:none}` block that
// an `@media` rule reveals is known to be content a phone shows.
//
// Only selectors a map lookup can answer are kept (`.a`, `#b`, `img.a`, `[class=a]`, `*[class].a`, lists of
// them): per element the cost is one lookup per class token, its id and its tag name.

import { TokenType } from "@csstools/css-tokenizer";
import { ownString } from "../base/own-string.js";
import { isNameCodePoint } from "../css/code-points.js";
import { parseDeclarations } from "../css/declarations.js";
import { topLevelEnds } from "../css/statements.js";
import { asciiLower, type Token, endOf, tokenizeCss } from "../css/tokens.js";
import type { StyleDeclaration } from "../types.js";
import { cssTrim, visitFlatRules } from "./flat-rules.js";
import { RevealingKeyframes } from "./keyframes.js";
import { attributeValue, type RawAttribute } from "./raw-tag.js";
import { collectedDeclarations, opensOnly, SheetText } from "./rule-declarations.js";
import { mayApplyAnywhere, readSelectorList, type SimpleSelector } from "./rule-selector.js";
import { type AncestorWalks, type Ancestry, ancestorsMatch, ClassList, keyOf, matchOf, neededBits } from "./selector-match.js";
import { canHide } from "./visibility.js";

/** One `{...}` block of a style sheet. */
export interface SheetBlock {
  /** Its prelude as written, trimmed: a selector list or an at-rule (`@media print`). */
  readonly prelude: string;
  /** Index of the enclosing block, -1 at top level. */
  readonly parent: number;
  /** Offsets of its `{` and just past its `}` (or the end of the sheet). */
  readonly start: number;
  readonly end: number;
  /** Its own declarations, in order. */
  readonly declarations: readonly SheetDeclaration[];
}

export interface SheetDeclaration extends StyleDeclaration {
  readonly important: boolean;
}

interface OpenBlock {
  prelude: string;
  parent: number;
  start: number;
  end: number;
  declarations: SheetDeclaration[];
}

const importantSuffix = /\s*!\s*important\s*$/i;

/**
 * Splits a style sheet into its blocks, with their preludes and declarations.
 * @example
 * parseSheet("@media print{.a{color:red}}").map((b) => b.prelude) //=> ["@media print", ".a"]
 */
export function parseSheet(css: string, from = 0, to = css.length): SheetBlock[] {
  const tokens = tokenizeCss(css, from, to);
  const blocks: OpenBlock[] = [];
  const stack: number[] = [];
  let segmentStart = -1; // offset of the first token of the current segment
  let nesting = 0; // ( and [ depth inside the segment
  const endSegment = (at: number): string => {
    const text = segmentStart < 0 ? "" : css.slice(segmentStart, at).trim();
    segmentStart = -1;
    return text;
  };
  const addDeclaration = (text: string): void => {
    const current = stack[stack.length - 1];
    const colon = text.indexOf(":");
    if (current === undefined || colon <= 0) return;
    if (text.includes("\\") || text.includes("/*")) {
      // Escapes and comments read as CSS reads them (`w\idth:1px`, `width:/**/1px`).
      for (const { name, value, important } of parseDeclarations(text)) (blocks[current] as OpenBlock).declarations.push({ name, value, important });
      return;
    }
    const rawValue = text.slice(colon + 1).trim();
    const important = importantSuffix.test(rawValue);
    (blocks[current] as OpenBlock).declarations.push({
      name: text.slice(0, colon).trim().toLowerCase(),
      value: rawValue.replace(importantSuffix, "").trim(),
      important,
    });
  };
  for (const token of tokens as Token[]) {
    const type = token[0];
    if (type === TokenType.Comment) continue;
    if (nesting > 0) {
      if (type === TokenType.OpenParen || type === TokenType.Function || type === TokenType.OpenSquare) nesting++;
      else if (type === TokenType.CloseParen || type === TokenType.CloseSquare) nesting--;
      continue;
    }
    switch (type) {
      case TokenType.OpenCurly: {
        const prelude = endSegment(token[2]);
        blocks.push({ prelude, parent: stack[stack.length - 1] ?? -1, start: token[2], end: to, declarations: [] });
        stack.push(blocks.length - 1);
        break;
      }
      case TokenType.CloseCurly: {
        addDeclaration(endSegment(token[2]));
        const closed = stack.pop();
        if (closed !== undefined) (blocks[closed] as OpenBlock).end = endOf(token);
        break;
      }
      case TokenType.Semicolon:
        addDeclaration(endSegment(token[2]));
        break;
      default:
        if (type === TokenType.Whitespace && segmentStart < 0) break;
        if (segmentStart < 0) segmentStart = token[2];
        if (type === TokenType.OpenParen || type === TokenType.Function || type === TokenType.OpenSquare) nesting++;
    }
  }
  addDeclaration(endSegment(to));
  return blocks;
}

/**
 * `blockChain` for positions of one sheet, parsing only the top-level rule around each position: each reads as a
 * sheet of its own (`topLevelEnds`), and a mail's sheet holds many rules where a detector asks about one or two.
 */
export function sheetChains(css: string): (offset: number) => SheetBlock[] {
  let ends: readonly number[] | undefined;
  let parsed: { readonly from: number; readonly blocks: SheetBlock[] } | undefined;
  return (offset) => {
    ends ??= topLevelEnds(css) ?? []; // none: the sheet is read whole
    let from = 0;
    let to = css.length;
    for (const end of ends) {
      if (end > offset) {
        to = end;
        break;
      }
      from = end;
    }
    if (parsed?.from !== from) parsed = { from, blocks: parseSheet(css, from, to) };
    return blockChain(parsed.blocks, offset);
  };
}

/** The at-rule preludes and the selector around a position of a sheet, innermost last. */
export function blockChain(blocks: readonly SheetBlock[], offset: number): SheetBlock[] {
  let innermost = -1;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as SheetBlock;
    if (block.start <= offset && offset < block.end) innermost = i; // later blocks are nested deeper
  }
  const chain: SheetBlock[] = [];
  for (let i = innermost; i >= 0; i = (blocks[i] as SheetBlock).parent) chain.unshift(blocks[i] as SheetBlock);
  return chain;
}

/** The words one of the collected properties holds (a sheet without any has no rule to keep). */
const collectedWords = /width|height|-size|display|visibility|opacity|mso-hide|zoom|scale|transform|all|overflow|padding|flex|position|animation/i;

/**
 * A selector list without its comments (`/* pixel *\/ .px`, as templates write them), or undefined when removing
 * one would join two names (`.a/**\/b` is `.a` then `b`, no class `ab`) or the list holds a quote.
 */
function withoutComments(prelude: string): string | undefined {
  if (prelude.includes('"') || prelude.includes("'")) return undefined;
  let text = "";
  let from = 0;
  for (let open = prelude.indexOf("/*"); open >= 0; open = prelude.indexOf("/*", from)) {
    const close = prelude.indexOf("*/", open + 2);
    text += prelude.slice(from, open);
    from = close < 0 ? prelude.length : close + 2;
    if (isNameCodePoint(text.charCodeAt(text.length - 1)) && isNameCodePoint(prelude.charCodeAt(from))) return undefined;
  }
  return text + prelude.slice(from);
}

interface CollectedRule {
  /** Where it is kept: `keyOf(selector)`. */
  readonly key: string;
  readonly selector: SimpleSelector;
  /** What the element's ancestors must match, nearest first, and the `summaryBits` they have for sure. */
  readonly ancestors: readonly SimpleSelector[];
  readonly neededAbove: number;
  readonly declarations: readonly SheetDeclaration[];
  /**
   * It may not apply where the element is: inside `@media`, nested, or a selector that asks more than its subject
   * (`body .px`). It can only show or resize (on some screens), never hide or shrink.
   */
  readonly conditional: boolean;
  /** It only gives a zero-size box room (`opensOnly`): matched only for an element that may have a zero size. */
  readonly opens: boolean;
  /** Its declarations that cannot hide (`canHide`): all it says where it may apply. */
  readonly showing: readonly SheetDeclaration[];
  /** Its selector's specificity, as one number: ids, then classes and attributes, then the tag. */
  readonly specificity: number;
  /** When it was last read: of two rules as specific, the one read later wins. */
  order: number;
}

/** What the collected rules say about one element. */
export interface SheetMatch {
  /** Size and hiding declarations of unconditional rules, in source order. */
  readonly declarations: readonly SheetDeclaration[];
  /**
   * Size declarations of rules that apply on some screens or elements only (`@media`, nesting), in cascade order:
   * there the element may take that size (a phone's `.m{width:100%!important}` shows what `.m{width:0}` hides).
   */
  readonly onSomeScreens: readonly SheetDeclaration[];
  /**
   * When a rule that may apply matches: every matching rule's declarations, those included, in cascade order (what
   * applies where they do: the element may show there). Empty when none may.
   */
  readonly mayApply: readonly SheetDeclaration[];
  /**
   * Rules that only give a zero-size box room (`opensOnly`) are under its keys and were not matched: an element that
   * may have a zero size of its own is to be matched again `withOpeners`.
   */
  readonly openersLeft: boolean;
}

const noMatch: SheetMatch = { declarations: [], onSomeScreens: [], mayApply: [], openersLeft: false };

const noClasses = ClassList.of(undefined);

/** The properties that size an element (those `sizeOf` reads). */
const sizeProperties: ReadonlySet<string> = new Set([
  "width", "height", "max-width", "max-height", "min-width", "min-height", "inline-size", "block-size", "min-inline-size",
  "min-block-size", "max-inline-size", "max-block-size", "zoom", "scale", "transform", "all",
]);

/**
 * The most distinct rules a stripper keeps. A stream of many mails (a relay's mailbox through one stripper) would
 * otherwise collect every sheet it passes; mail repeats its templates, so distinct rules stay few (a large
 * template has a few hundred). A sheet that would bring more is not read, and the engine removes it (fail closed).
 */
export const maxStyleRules = 10_000;

/**
 * The most rules kept under one key (a tag, class or id: each element tries every rule under its keys, and cascades
 * all that match). Mail has a handful (the corpus at most 10); thousands of `.qN div` rules made every `<div>` try
 * each (4,000 rules and 40,000 elements: 8 s).
 */
export const maxRulesPerKey = 64;

/** The size and hiding rules of the `<style>` blocks seen so far. */
export class StyleRules {
  private readonly byKey = new Map<string, CollectedRule[]>();
  /** The kept rules of each rule text (condition, selector list, declarations), one per selector. */
  private readonly byText = new Map<string, readonly CollectedRule[]>();
  private rulesKept = 0;
  /** Where the last walk up the open elements found each ancestor compound (see `AncestorWalks`). */
  private readonly walks: AncestorWalks = new Map();
  private readonly found = new RulesFound(this.walks);
  /** Whether any rule is keyed by a class (`.a`) or an id (`#b`): else an element's class and id need no reading. */
  private hasClassKeys = false;
  private hasIdKeys = false;
  private rulesRead = 0;
  /**
   * The document matches class and id names case-sensitively: its doctype puts it in standards or limited-quirks
   * mode (`documentMode`). Until one says so, a match ignoring case is one that may apply (quirks mode).
   */
  caseSensitive = false;
  /** The `@keyframes` read so far that end visible (a fade-in: `keyframes.ts`). */
  readonly keyframes = new RevealingKeyframes();

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  /**
   * Collects the size and hiding rules of one style sheet, all or none: when its new rules would bring the kept ones
   * past `maxStyleRules`, or those under one key past `maxRulesPerKey`, none is kept and it returns the limit (the
   * engine then removes the `<style>`, so browsers do not apply what we did not read). `onSomeScreens`: the whole
   * sheet applies only where its `media` attribute matches, as if in an `@media` rule. `inOutlookOnly`: it sits in a
   * conditional comment, which only Outlook reads: it sizes (a pixel there is a pixel) but hides nothing a browser
   * shows.
   */
  add(css: string, onSomeScreens = false, inOutlookOnly = false): string | undefined {
    const limit = this.addRules(css, onSomeScreens, inOutlookOnly);
    // A sheet for some screens, or for Outlook only, reveals nothing everywhere; one that is removed, nothing at all.
    if (limit === undefined && !onSomeScreens && !inOutlookOnly) this.keyframes.add(css);
    return limit;
  }

  private addRules(css: string, onSomeScreens: boolean, inOutlookOnly: boolean): string | undefined {
    // An escape can spell a collected name (`w\idth`) that the words do not match.
    if (!collectedWords.test(css) && !css.includes("\\")) return undefined;
    // The rules outlive the chunk the sheet arrived in: read a copy, so that what they keep holds the sheet alone.
    css = ownString(css);
    const found: { text: string; rules: readonly CollectedRule[] }[] = [];
    let added = 0;
    const text = new SheetText(css);
    const escapes = text.needsTokens.length > 0;
    visitFlatRules(css, (preludeStart, preludeEnd, bodyStart, bodyEnd, inMedia, semicolons) => {
      const conditional = inMedia || onSomeScreens;
      const collected = collectedDeclarations(text, bodyStart, bodyEnd, semicolons);
      const declarations = inOutlookOnly ? collected?.filter((declaration) => !canHide(declaration)) : collected;
      if (declarations === undefined || declarations.length === 0) return;
      const written = css.slice(preludeStart, preludeEnd);
      const uncommented = escapes && written.includes("/*") ? withoutComments(written) : written;
      const prelude = uncommented === undefined ? undefined : cssTrim(uncommented);
      // The same selectors and block as written, in the same kind of context: the same rules (a template seen
      // again reads none of its selectors).
      const ruleText = `${conditional ? "@" : ""}${inOutlookOnly ? "!" : ""}${prelude ?? written}{${css.slice(bodyStart, bodyEnd)}}`;
      const earlier = this.byText.get(ruleText);
      if (earlier !== undefined) {
        found.push({ text: ruleText, rules: earlier });
        return;
      }
      const selectors = prelude === undefined ? mayApplyAnywhere : readSelectorList(prelude);
      const rules = selectors.map(({ subject, ancestors, exact, specificity }): CollectedRule => ({
        key: keyOf(subject),
        selector: subject,
        ancestors,
        neededAbove: ancestors.reduce((bits, ancestor) => bits | neededBits(ancestor), 0),
        declarations,
        conditional: conditional || !exact,
        opens: opensOnly(declarations),
        showing: declarations.every((declaration) => !canHide(declaration)) ? declarations : declarations.filter((declaration) => !canHide(declaration)),
        specificity,
        order: 0,
      }));
      added += rules.length;
      found.push({ text: ruleText, rules });
    });
    if (this.rulesKept + added > maxStyleRules) return `${maxStyleRules} rules`;
    const newPerKey = new Map<string, number>();
    for (const { text, rules } of found) {
      if (!this.byText.has(text)) for (const { key } of rules) newPerKey.set(key, (newPerKey.get(key) ?? 0) + 1);
    }
    for (const [key, count] of newPerKey) {
      if ((this.byKey.get(key)?.length ?? 0) + count > maxRulesPerKey) return `${maxRulesPerKey} rules for one element name, class or id (${key})`;
    }
    // The same text reads the same: rules seen before (in an earlier sheet or earlier in this one) are the objects
    // kept for them, so a stream of mail repeating its templates keeps no new objects.
    const byKey = new Map<string, CollectedRule[]>();
    for (const { text, rules } of found) {
      let kept = this.byText.get(text);
      if (kept === undefined) {
        kept = rules;
        this.byText.set(text, rules);
        this.rulesKept += rules.length;
        for (const { key } of rules) {
          if (key.startsWith(".")) this.hasClassKeys = true;
          else if (key.startsWith("#")) this.hasIdKeys = true;
        }
      }
      for (const rule of kept) {
        rule.order = ++this.rulesRead;
        const list = byKey.get(rule.key);
        if (list === undefined) byKey.set(rule.key, [rule]);
        else moveToEnd(list, rule);
      }
    }
    for (const [key, rules] of byKey) this.appendRules(key, rules);
    return undefined;
  }

  /**
   * Puts `rules` (this sheet's, in order) at the end of the rules under `key`. A rule seen before moves there: a
   * later copy of the same declarations wins over whatever an earlier copy could, so keeping only the last copy
   * changes no element's size or visibility. When they already end the list (a template seen again), the list
   * stays as it is: a new array on every repeat would outlive young-generation collections and pile up.
   */
  private appendRules(key: string, rules: CollectedRule[]): void {
    const list = this.byKey.get(key);
    if (list === undefined) {
      this.byKey.set(key, rules);
      return;
    }
    const tail = list.length - rules.length;
    if (tail >= 0 && rules.every((rule, i) => list[tail + i] === rule)) return;
    const moved = new Set(rules);
    this.byKey.set(key, [...list.filter((rule) => !moved.has(rule)), ...rules]);
  }

  /**
   * The collected declarations that apply to an element with these attributes, under the open elements below
   * position `below` (all of them, unless it is foster-parented out of a table); the rules that only open a
   * zero-size box too when `withOpeners`.
   */
  match(tag: string, attributes: readonly RawAttribute[], ancestry: Ancestry = noAncestry, below = ancestry.stack.length, withOpeners = false): SheetMatch {
    if (this.byKey.size === 0) return noMatch;
    // Every element comes here: look up only the keys it has, and allocate only when a rule matches.
    // Only rules keyed by a class have classes in their selector: without such rules, classes are never read.
    const classes = this.hasClassKeys ? ClassList.of(attributeValue(attributes, "class")) : noClasses;
    const found = this.found.start(tag, classes, attributes, ancestry, below, withOpeners, this.caseSensitive);
    const names = classes.names;
    if (names.length === 1) found.add(this.byKey.get(`.${asciiLower(names[0]!)}`));
    else if (names.length > 1) {
      // Each key once (`class="a A a"`): a rule is found under one key only.
      for (const key of new Set(names.map((name) => `.${asciiLower(name)}`))) found.add(this.byKey.get(key));
    }
    const id = this.hasIdKeys ? attributeValue(attributes, "id") : undefined;
    if (id !== undefined) found.add(this.byKey.get(`#${asciiLower(id)}`));
    found.add(this.byKey.get(tag));
    found.add(this.byKey.get("*"));
    const rules = found.rules;
    if (rules.length === 0) return found.openersLeft ? openersLeft : noMatch;
    // In cascade order, the rule that wins last: `.px{width:1px}` wins over a later `img{width:600px}`.
    if (rules.length > 1) rules.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
    const declarations: SheetDeclaration[] = [];
    let onSomeScreens: SheetDeclaration[] | undefined;
    let mayApply = false;
    for (const rule of rules) {
      if (!rule.conditional && !found.maybe.has(rule)) {
        declarations.push(...rule.declarations);
        continue;
      }
      for (const declaration of rule.declarations) if (sizeProperties.has(declaration.name)) (onSomeScreens ??= []).push(declaration);
      mayApply = true;
    }
    // Where the rules that may apply do, every matching rule in cascade order; of those that may apply, only what
    // shows or opens (they never hide).
    const everywhere = mayApply ? rules.flatMap((rule) => (rule.conditional || found.maybe.has(rule) ? rule.showing : rule.declarations)) : [];
    return { declarations, onSomeScreens: onSomeScreens ?? [], mayApply: everywhere, openersLeft: found.openersLeft };
  }
}

const openersLeft: SheetMatch = { ...noMatch, openersLeft: true };

/** The rules that match one element, gathered from the lists its keys find (one gatherer, emptied per element). */
class RulesFound {
  readonly rules: CollectedRule[] = [];
  /** Those that may not match it: a class or id matched ignoring case (quirks mode), an implied `<body>`. */
  readonly maybe = new Set<CollectedRule>();
  private tag = "";
  private classes = ClassList.of(undefined);
  private attributes: readonly RawAttribute[] = [];
  private ancestry: Ancestry = noAncestry;
  private below = 0;
  private withOpeners = false;
  private caseSensitive = false;
  /** Rules that only open a zero-size box were passed over (not `withOpeners`). */
  openersLeft = false;

  constructor(private readonly walks: AncestorWalks) {}

  start(
    tag: string,
    classes: ClassList,
    attributes: readonly RawAttribute[],
    ancestry: Ancestry,
    below: number,
    withOpeners: boolean,
    caseSensitive: boolean,
  ): this {
    if (this.rules.length > 0) this.rules.length = 0;
    if (this.maybe.size > 0) this.maybe.clear();
    this.withOpeners = withOpeners;
    this.caseSensitive = caseSensitive;
    this.openersLeft = false;
    this.tag = tag;
    this.classes = classes;
    this.attributes = attributes;
    this.ancestry = ancestry;
    this.below = below;
    return this;
  }

  add(rules: readonly CollectedRule[] | undefined): void {
    if (rules === undefined) return;
    for (const rule of rules) {
      if (rule.opens && !this.withOpeners) {
        this.openersLeft = true;
        continue;
      }
      const match = matchOf(rule.selector, this.tag, this.classes, this.attributes, this.caseSensitive);
      if (match === undefined) continue;
      const above =
        rule.ancestors.length === 0 ? "exact" : ancestorsMatch(rule.ancestors, rule.neededAbove, this.ancestry, this.walks, this.below, this.caseSensitive);
      if (above === undefined) continue;
      this.rules.push(rule);
      if (match === "ignoring case" || above === "maybe") this.maybe.add(rule);
    }
  }
}

const noAncestry: Ancestry = { stack: [], summary: () => 0 };

/** Moves `rule` to the end of `rules`, or adds it there. */
function moveToEnd(rules: CollectedRule[], rule: CollectedRule): void {
  const at = rules.indexOf(rule);
  if (at >= 0) rules.splice(at, 1);
  rules.push(rule);
}
