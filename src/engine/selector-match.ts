// Matching the selectors `rule-selector.ts` reads against an element and the open elements above it. Hostile mail
// can hold thousands of rules and elements thousands deep, so the ancestors a rule needs are first looked up in a
// 32-bit summary of the stack (a Bloom filter, as browsers keep one), and a walk up the stack resumes where the
// last one for the same compound started (`AncestorWalks`).

import { asciiLower } from "../css/tokens.js";
import { attributeValue, type RawAttribute } from "./raw-tag.js";
import type { SimpleSelector } from "./rule-selector.js";

/** The class names of an element, with the lookups a rule's classes need (a set once there are many). */
export class ClassList {
  private exact: ReadonlySet<string> | undefined;
  private lowered: ReadonlySet<string> | undefined;

  constructor(readonly names: readonly string[]) {}

  /** The class names of a `class` value: split at ASCII white space. */
  static of(value: string | undefined): ClassList {
    if (value === undefined || value === "") return noClasses;
    if (!/[\t\n\f\r ]/.test(value)) return new ClassList([value]);
    return new ClassList(value.split(/[\t\n\f\r ]+/).filter((name) => name !== ""));
  }

  has(name: string): boolean {
    if (this.names.length <= 8) return this.names.includes(name);
    this.exact ??= new Set(this.names);
    return this.exact.has(name);
  }

  /** Whether it holds `name` in some ASCII case, as quirks mode matches. */
  hasIgnoringCase(name: string): boolean {
    this.lowered ??= new Set(this.names.map(asciiLower));
    return this.lowered.has(asciiLower(name));
  }
}

const noClasses = new ClassList([]);

/** An open element, as far as selectors ask about it. */
export interface SelectorTarget {
  readonly name: string;
  readonly rawAttributes: readonly RawAttribute[];
  readonly classes: ClassList;
  /** Foster-parented out of the table at this position: the elements from there up are not its ancestors. */
  readonly fosteredFrom?: number | undefined;
}

/** The open elements above an element: outermost first, its parent last, and their summary. */
export interface Ancestry {
  readonly stack: readonly SelectorTarget[];
  /** The union of `summaryBits` of every element of `stack`. */
  summary(): number;
}

/**
 * The map key rules are kept under: their first class, else their id, else their tag, else `*`, with names in ASCII
 * lower case, so that a lookup also finds the rules a quirks-mode document matches ignoring case.
 */
export function keyOf(selector: SimpleSelector): string {
  if (selector.classes[0] !== undefined) return `.${asciiLower(selector.classes[0])}`;
  if (selector.classIs !== undefined) return `.${asciiLower(selector.classIs.split(/\s+/)[0] ?? "")}`;
  if (selector.id !== undefined) return `#${asciiLower(selector.id)}`;
  return selector.tag ?? "*";
}

/**
 * How a compound matches an element: "exact", "ignoring case" (only as a quirks-mode document matches class and id
 * names: such a rule may apply), or undefined. `caseSensitive`: the document is known to match case (it has a
 * standards doctype), so a match ignoring case is none.
 */
export function matchOf(
  selector: SimpleSelector,
  tag: string,
  classes: ClassList,
  attributes: readonly RawAttribute[],
  caseSensitive = false,
): "exact" | "ignoring case" | undefined {
  if (selector.tag !== undefined && selector.tag !== tag) return undefined;
  // An attribute selector's value matches case-sensitively in every mode.
  if (selector.classIs !== undefined && attributeValue(attributes, "class") !== selector.classIs) return undefined;
  let exact = true;
  if (selector.id !== undefined) {
    const id = attributeValue(attributes, "id");
    if (id !== selector.id) {
      if (caseSensitive || id === undefined || asciiLower(id) !== asciiLower(selector.id)) return undefined;
      exact = false;
    }
  }
  for (const name of selector.classes) {
    if (classes.has(name)) continue;
    if (caseSensitive || !classes.hasIgnoringCase(name)) return undefined;
    exact = false;
  }
  return exact ? "exact" : "ignoring case";
}

/** Ancestors the browser adds where no tag opened them: a rule may need one the open elements lack. */
const impliedTags: ReadonlySet<string> = new Set(["html", "head", "body", "tbody", "tr", "colgroup"]);

/**
 * The last answers for each ancestor compound: the nearest open element at or below `start` (in `stack`) that
 * matches it. Elements below an open one never change while it stays open, so an answer holds while `stack[start]`
 * is `element`: the next element (a sibling, or a child one level deeper) walks only down to `start`. Without it,
 * 20,000 nested `<div>` under `.zz div` walked the stack 20,000 times (quadratic). A few answers are kept, since
 * walks from different places alternate (content foster-parented out of a table walks from below the table).
 */
export type AncestorWalks = Map<SimpleSelector, WalkAnswer[]>;

interface WalkAnswer {
  readonly stack: readonly SelectorTarget[];
  readonly start: number;
  readonly element: SelectorTarget;
  readonly caseSensitive: boolean;
  readonly found: number;
  readonly exact: boolean;
}

const keptWalks = 4;

/**
 * Whether the open elements below position `below` hold elements matching `ancestors` (nearest first), each above
 * the one before: "exact", "maybe" (matched ignoring case, or an implied ancestor), or undefined. `needed` is the
 * union of the ancestors' `neededBits`, checked against the stack's summary first. `below` is the stack's length,
 * or the table an element is foster-parented out of.
 */
export function ancestorsMatch(
  ancestors: readonly SimpleSelector[],
  needed: number,
  ancestry: Ancestry,
  walks: AncestorWalks = new Map(),
  below = ancestry.stack.length,
  caseSensitive = false,
): "exact" | "maybe" | undefined {
  if ((ancestry.summary() & needed) !== needed) return undefined;
  let exact = true;
  for (const ancestor of ancestors) {
    const nearest = nearestMatch(ancestor, ancestry.stack, below - 1, walks, caseSensitive);
    if (nearest.found >= 0) {
      below = nearest.found;
      exact &&= nearest.exact;
    } else if (ancestor.tag !== undefined && impliedTags.has(ancestor.tag)) exact = false;
    else return undefined;
  }
  return exact ? "exact" : "maybe";
}

/** The nearest element at or below `start` that matches `ancestor` (-1 for none), and whether exactly. */
function nearestMatch(
  ancestor: SimpleSelector,
  stack: readonly SelectorTarget[],
  start: number,
  walks: AncestorWalks,
  caseSensitive: boolean,
): { found: number; exact: boolean } {
  if (start < 0) return { found: -1, exact: true };
  let answers = walks.get(ancestor);
  if (answers === undefined) walks.set(ancestor, (answers = []));
  let answer = { found: -1, exact: true };
  walk: for (let i = start; i >= 0; i--) {
    const element = stack[i]!;
    for (const earlier of answers) {
      if (earlier.start === i && earlier.element === element && earlier.stack === stack && earlier.caseSensitive === caseSensitive) {
        answer = earlier;
        break walk;
      }
    }
    if (ancestor.tag === undefined || ancestor.tag === element.name) {
      const match = matchOf(ancestor, element.name, element.classes, element.rawAttributes, caseSensitive);
      if (match !== undefined) {
        answer = { found: i, exact: match === "exact" };
        break;
      }
    }
    // Not inside the table it was moved out of: go on below the table.
    if (element.fosteredFrom !== undefined) i = element.fosteredFrom;
  }
  const element = stack[start]!;
  const same = answers.findIndex((earlier) => earlier.start === start && earlier.element === element && earlier.stack === stack && earlier.caseSensitive === caseSensitive);
  if (same >= 0) answers.splice(same, 1);
  answers.unshift({ stack, start, element, caseSensitive, found: answer.found, exact: answer.exact });
  if (answers.length > keptWalks) answers.pop();
  return answer;
}

/**
 * One bit per tag, class and id an element has (in ASCII lower case: a quirks-mode match is found too), hashed to
 * 32: an element above holds a rule's ancestors only if the stack's bits hold all of theirs.
 */
export function summaryBits(target: { readonly name: string; readonly classes: ClassList; readonly rawAttributes: readonly RawAttribute[] }): number {
  let bits = bitOf(target.name, 0);
  for (const name of target.classes.names) bits |= bitOf(asciiLower(name), 1);
  const id = attributeValue(target.rawAttributes, "id");
  if (id !== undefined) bits |= bitOf(asciiLower(id), 2);
  return bits;
}

/** The bits an element matching `selector` has for sure (an implied tag may have none: it is left out). */
export function neededBits(selector: SimpleSelector): number {
  let bits = selector.tag === undefined || impliedTags.has(selector.tag) ? 0 : bitOf(selector.tag, 0);
  for (const name of selector.classes) bits |= bitOf(asciiLower(name), 1);
  if (selector.id !== undefined) bits |= bitOf(asciiLower(selector.id), 2);
  return bits;
}

function bitOf(text: string, kind: number): number {
  let hash = kind;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return 1 << ((hash >>> 27) & 31);
}
