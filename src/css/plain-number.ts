// A CSS <number> as its computed value: a plain number, or `calc()` over plain numbers (`calc(0.5 - 0.5)`).
// Anything else (a unit, `var()`, a keyword) is undefined: the caller reads it as it did before.

const number = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const operators: ReadonlySet<string> = new Set(["+", "-", "*", "/"]);

/**
 * The value of a plain number or of `calc()` (nested parentheses and `calc()` inside it included) over numbers.
 * @example plainNumber("calc(0.5 - 0.5)") //=> 0
 * @example plainNumber("-1") //=> -1
 * @example plainNumber("calc(1px)") //=> undefined
 */
export function plainNumber(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  if (number.test(value)) return Number(value);
  if (!value.startsWith("calc(") || !value.endsWith(")")) return undefined;
  return evaluate(value.slice(5, -1));
}

/** `a op b op c ...` with `*` and `/` before `+` and `-`; parentheses by recursion. */
function evaluate(expression: string): number | undefined {
  const flat = replaceParentheses(expression);
  if (flat === undefined) return undefined;
  // `+` and `-` need white space around them in calc() (`1 -1` is two numbers, `1-1` none): split at white space.
  const parts = flat.replace(/[*/]/g, " $& ").trim().split(/\s+/);
  // Numbers at even places, operators at odd ones.
  if (parts.length % 2 === 0 || !number.test(parts[0]!)) return undefined;
  const terms: number[] = [];
  const signs: number[] = [1];
  let term = Number(parts[0]);
  for (let i = 1; i < parts.length; i += 2) {
    const operator = parts[i]!;
    const operand = Number(parts[i + 1]);
    if (!number.test(parts[i + 1]!) || !operators.has(operator)) return undefined;
    if (operator === "*") term *= operand;
    else if (operator === "/") term /= operand;
    else {
      terms.push(term);
      signs.push(operator === "-" ? -1 : 1);
      term = operand;
    }
  }
  terms.push(term);
  const total = terms.reduce((sum, value, i) => sum + signs[i]! * value, 0);
  return Number.isFinite(total) ? total : undefined;
}

/** The expression with each innermost `(...)` or `calc(...)` replaced by its value; undefined if one has none. */
function replaceParentheses(expression: string): string | undefined {
  let text = expression;
  for (let guard = 0; text.includes("(") && guard < 32; guard++) {
    let failed = false;
    text = text.replace(/(?:calc)?\(([^()]*)\)/g, (_all, inner: string) => {
      const value = evaluate(inner);
      if (value === undefined) failed = true;
      return String(value);
    });
    if (failed) return undefined;
  }
  return text.includes("(") || text.includes(")") ? undefined : text;
}
