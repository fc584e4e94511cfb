// User rules written as CSS selectors, parsed by css-what and matched on one start tag and its open ancestors.
// Only what a single forward pass can decide is supported: no sibling combinators, no structural pseudo-classes.

import { AttributeAction, parse, type Selector, SelectorType } from "css-what";
import type { Ancestor } from "../types.js";
import { usageError } from "../errors.js";

/**
 * Matches an element (name + attributes) given its ancestors, outermost first. Given the same array again, an
 * ancestor still at the same position must still have the same ancestors above it, as in the engine's stack.
 */
export type ElementMatcher = (element: Ancestor, ancestors: readonly Ancestor[]) => boolean;

type Compound = (element: Ancestor) => boolean;
type Combinator = "descendant" | "child";
interface Step {
  readonly compound: Compound;
  /** How this step relates to the step on its right. */
  readonly combinator: Combinator;
}

function attributeTest(token: Extract<Selector, { type: SelectorType.Attribute }>): Compound {
  const name = token.name.toLowerCase();
  const ignoreCase = token.ignoreCase === true || token.ignoreCase === "quirks" || name === "type";
  const expected = ignoreCase ? token.value.toLowerCase() : token.value;
  const test = (actual: string): boolean => {
    switch (token.action) {
      case AttributeAction.Exists:
        return true;
      case AttributeAction.Equals:
        return actual === expected;
      case AttributeAction.Element:
        return actual.split(/[ \t\n\f\r]+/).includes(expected);
      case AttributeAction.Start:
        return expected !== "" && actual.startsWith(expected);
      case AttributeAction.End:
        return expected !== "" && actual.endsWith(expected);
      case AttributeAction.Any:
        return expected !== "" && actual.includes(expected);
      case AttributeAction.Hyphen:
        return actual === expected || actual.startsWith(`${expected}-`);
      case AttributeAction.Not:
        return actual !== expected;
    }
  };
  return (element) => {
    const value = element.attributes[name];
    if (value === undefined) return token.action === AttributeAction.Not;
    return test(ignoreCase ? value.toLowerCase() : value);
  };
}

function tokenTest(token: Selector, selector: string): Compound {
  switch (token.type) {
    case SelectorType.Tag: {
      const name = token.name.toLowerCase();
      return (element) => element.name === name;
    }
    case SelectorType.Universal:
      return () => true;
    case SelectorType.Attribute:
      return attributeTest(token);
    case SelectorType.Pseudo: {
      if ((token.name === "not" || token.name === "is" || token.name === "where") && Array.isArray(token.data)) {
        const inner = token.data.map((alternative) => compileCompoundOnly(alternative, selector));
        const any: Compound = (element) => inner.some((test) => test(element));
        return token.name === "not" ? (element) => !any(element) : any;
      }
      break;
    }
    default:
      break;
  }
  throw usageError(`selector "${selector}" uses "${describe(token)}", which is not supported`);
}

function describe(token: Selector): string {
  return "name" in token ? `:${token.name}` : token.type;
}

function compileCompoundOnly(tokens: readonly Selector[], selector: string): Compound {
  const steps = compileSteps(tokens, selector);
  if (steps.length !== 1) {
    throw usageError(`selector "${selector}" uses a combinator inside :not()/:is(), not supported`);
  }
  return steps[0]!.compound;
}

/** Splits one complex selector into compound steps, left to right. */
function compileSteps(tokens: readonly Selector[], selector: string): Step[] {
  const steps: Step[] = [];
  let tests: Compound[] = [];
  let combinator: Combinator = "descendant";
  const close = (): void => {
    const current = tests;
    steps.push({ compound: (element) => current.every((test) => test(element)), combinator });
    tests = [];
  };
  for (const token of tokens) {
    if (token.type === SelectorType.Descendant || token.type === SelectorType.Child) {
      close();
      combinator = token.type === SelectorType.Child ? "child" : "descendant";
    } else if (
      token.type === SelectorType.Adjacent ||
      token.type === SelectorType.Sibling ||
      token.type === SelectorType.Parent ||
      token.type === SelectorType.ColumnCombinator
    ) {
      throw usageError(`selector "${selector}" uses a "${token.type}" combinator, not supported`);
    } else {
      tests.push(tokenTest(token, selector));
    }
  }
  close();
  return steps;
}

/**
 * Where the last walk up the ancestors for steps[0..j] found no match: at `positions` (highest first: the walk's
 * start, then 1, 3, 7, ... below it) in `stack`, each with the element there. "No element at q or above it matches
 * steps[0..j]" holds while `stack[q]` is that element: the elements above an open one stay while it is open (the
 * engine's stack makes a new array when an element leaves from the middle).
 */
interface Misses {
  readonly stack: readonly Ancestor[];
  readonly positions: readonly number[];
  readonly elements: readonly Ancestor[];
}

/**
 * One compiled selector, matched element after element. A walk for steps[0..j] stops where an earlier one found
 * nothing, in this match or an earlier one: one element costs O(steps x (new ancestors + log depth)), where
 * retrying every ancestor at every step was exponential (`.x div div div img` under 400 `<div>`: 44 s; adversary26
 * F3) and walking every ancestor for every element quadratic (`div.footer img` after 8,000 `<div>`: 11 s; F5).
 */
class StepsMatcher {
  private readonly misses: (Misses | undefined)[];
  private element: Ancestor | undefined;
  private ancestors: readonly Ancestor[] = [];

  constructor(private readonly steps: readonly Step[]) {
    this.misses = steps.map(() => undefined);
  }

  matches(element: Ancestor, ancestors: readonly Ancestor[]): boolean {
    this.element = element;
    this.ancestors = ancestors;
    try {
      return this.at(this.steps.length - 1, ancestors.length);
    } finally {
      this.element = undefined;
    }
  }

  /** Whether steps[0..index] match with step `index` on the element at `position` (the element itself past its ancestors). */
  private at(index: number, position: number): boolean {
    const step = this.steps[index]!;
    if (!step.compound(position === this.ancestors.length ? this.element! : this.ancestors[position]!)) return false;
    if (index === 0) return true;
    if (step.combinator === "child") return position > 0 && this.at(index - 1, position - 1);
    return this.atOrAbove(index - 1, position - 1);
  }

  /** Whether steps[0..index] match with step `index` on some ancestor at `position` or above it. */
  private atOrAbove(index: number, position: number): boolean {
    const known = this.knownMiss(index);
    if (known >= position) return false;
    for (let i = position; i > known; i--) if (this.at(index, i)) return true;
    const positions: number[] = [];
    for (let q = position, skip = 1; q >= 0; q -= skip, skip *= 2) positions.push(q);
    this.misses[index] = { stack: this.ancestors, positions, elements: positions.map((q) => this.ancestors[q]!) };
    return false;
  }

  /** The highest position at or above which no ancestor matches steps[0..index], as far as known; else -1. */
  private knownMiss(index: number): number {
    const misses = this.misses[index];
    if (misses === undefined || misses.stack !== this.ancestors) return -1;
    for (let k = 0; k < misses.positions.length; k++) {
      const q = misses.positions[k]!;
      if (this.ancestors[q] === misses.elements[k]) return q;
    }
    return -1;
  }
}

/** Compiles a selector list; throws a TypeError for selectors a forward pass cannot match. */
export function compileSelector(selector: string): ElementMatcher {
  let parsed: Selector[][];
  try {
    parsed = parse(selector);
  } catch (error) {
    throw usageError(`selector "${selector}" does not parse: ${(error as Error).message}`);
  }
  const alternatives = parsed.map((tokens) => compileSteps(tokens, selector));
  const matchers = alternatives.map((steps) => new StepsMatcher(steps));
  return (element, ancestors) => matchers.some((matcher) => matcher.matches(element, ancestors));
}
