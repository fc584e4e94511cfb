// User rules written as CSS selectors, parsed by css-what and matched on one start tag and its open ancestors.
// Only what a single forward pass can decide is supported: no sibling combinators, no structural pseudo-classes.

import { AttributeAction, parse, type Selector, SelectorType } from "css-what";
import type { Ancestor } from "../types.js";
import { usageError } from "../errors.js";

/** Matches an element (name + attributes) given its ancestors, outermost first. */
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

/** An element's ancestors then the element, read by position. */
interface Chain {
  readonly length: number;
  at(index: number): Ancestor;
}

/**
 * One match of a selector on one element. `noneAtOrAbove[j] = p`: no element at position p or above it (0..p,
 * outermost is 0) matches steps[0..j]; -1 while not known. Any success ends the whole match, so each search for steps[0..j] but
 * the last fails, and a later one stops where an earlier failed: one element costs O(steps x depth). Retrying every
 * ancestor at every step instead was exponential (`.x div div div img` under 400 `<div>`: 44 s; adversary26 F3).
 */
class Match {
  private readonly noneAtOrAbove: number[];

  constructor(
    private readonly steps: readonly Step[],
    private readonly chain: Chain,
  ) {
    this.noneAtOrAbove = steps.map(() => -1);
  }

  /** Whether steps[0..index] match with step `index` on the element at `position`. */
  at(index: number, position: number): boolean {
    const step = this.steps[index]!;
    if (!step.compound(this.chain.at(position))) return false;
    if (index === 0) return true;
    if (step.combinator === "child") return position > 0 && this.at(index - 1, position - 1);
    return this.atOrAbove(index - 1, position - 1);
  }

  /** Whether steps[0..index] match with step `index` on some element at `position` or above it. */
  private atOrAbove(index: number, position: number): boolean {
    const known = this.noneAtOrAbove[index]!;
    for (let i = position; i > known; i--) if (this.at(index, i)) return true;
    if (position > known) this.noneAtOrAbove[index] = position;
    return false;
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
  return (element, ancestors) => {
    // The element, then its ancestors only when a combinator asks: no copy of a deep stack per element.
    const chain = { length: ancestors.length + 1, at: (i: number) => (i === ancestors.length ? element : ancestors[i]!) };
    return alternatives.some((steps) =>
      steps.length === 1 ? steps[0]!.compound(element) : new Match(steps, chain).at(steps.length - 1, chain.length - 1),
    );
  };
}
