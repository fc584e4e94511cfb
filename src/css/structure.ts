// The rule / declaration structure of CSS (CSS Syntax 3 §5, with nesting) as token ranges with source spans.
import { type TokenAtKeyword, TokenType } from "@csstools/css-tokenizer";
import type { Span } from "./css-urls.js";
import { type Token, asciiLower, endOf, isBlank, scanComponent, skipComponent } from "./tokens.js";

/** A declaration as token indexes into the walked token list, with its source span. */
export interface DeclarationRange {
  /** Property name, escape-decoded and ASCII-lower-cased. */
  readonly name: string;
  /** Name start to the trailing `;` inclusive, or to the last non-blank value token when there is no `;`. */
  readonly span: Span;
  /** Index of the first token after the `:`. */
  readonly valueStart: number;
  /** Index just after the last value token (the `;`, the block's `}` or the end). */
  readonly valueEnd: number;
}

/** Receives the pieces of a walked style sheet or declaration list, in source order. */
export interface StructureVisitor {
  /** A declaration, inside the given at-rules (outermost first), at block depth `depth` (0 = not in a rule). */
  declaration(declaration: DeclarationRange, atRules: readonly string[], depth: number): void;
  /**
   * Tokens `[from, to)` that belong to no declaration: a rule or at-rule prelude, or a block nested too deep to
   * walk. `owner` is `"@name"` for an at-rule prelude and `""` otherwise; `span` is the whole construct.
   */
  prelude(from: number, to: number, owner: string, span: Span, atRules: readonly string[]): void;
}

/** Deeper blocks are reported whole as one prelude: nesting depth is attacker-controlled and walking recurses. */
const MAX_DEPTH = 16;

/**
 * Walks a style sheet (`<style>` content): top-level rules and at-rules, and the contents of their blocks.
 * @param tokens - From `tokenizeCss`.
 * @param visitor - Called for every declaration and prelude.
 */
export function walkStylesheet(tokens: readonly Token[], visitor: StructureVisitor): void {
  const walker = new Walker(tokens, visitor);
  let i = 0;
  while (i < tokens.length) {
    const type = (tokens[i] as Token)[0];
    if (isBlank(tokens[i] as Token) || type === TokenType.CDO || type === TokenType.CDC) i++;
    else if (type === TokenType.AtKeyword) i = walker.atRule(i, tokens.length, [], 0, false);
    else i = walker.qualifiedRule(i, tokens.length, [], 0, false);
  }
}

/**
 * Walks a declaration list (a `style` attribute value), which may also hold nested rules and at-rules.
 * @param tokens - From `tokenizeCss`.
 * @param visitor - Called for every declaration and prelude.
 */
export function walkDeclarationList(tokens: readonly Token[], visitor: StructureVisitor): void {
  new Walker(tokens, visitor).blockContents(0, tokens.length, [], 0);
}

class Walker {
  constructor(
    private readonly tokens: readonly Token[],
    private readonly visitor: StructureVisitor,
  ) {}

  /** "Consume a block's contents": declarations, nested rules and at-rules in `[from, to)`. */
  blockContents(from: number, to: number, atRules: readonly string[], depth: number): void {
    let i = from;
    while (i < to) {
      const token = this.tokens[i] as Token;
      // A stray "}" can only be seen at the top of a style attribute; browsers differ on whether it ends the
      // list, so keep reading: more declarations found is the safe side.
      if (isBlank(token) || token[0] === TokenType.Semicolon || token[0] === TokenType.CloseCurly) i++;
      else if (token[0] === TokenType.AtKeyword) i = this.atRule(i, to, atRules, depth, true);
      else i = this.declaration(i, to, atRules, depth) ?? this.qualifiedRule(i, to, atRules, depth, true);
    }
  }

  /** "Consume a declaration" (nested): returns the index after it, or undefined when this is not one. */
  declaration(i: number, to: number, atRules: readonly string[], depth: number): number | undefined {
    const nameToken = this.tokens[i] as Token;
    if (nameToken[0] !== TokenType.Ident) return undefined;
    let j = this.skipBlanks(i + 1, to);
    if (j >= to || (this.tokens[j] as Token)[0] !== TokenType.Colon) return undefined;
    const valueStart = j + 1;
    let end = endOf(this.tokens[j] as Token);
    let hasCurlyBlock = false;
    let hasOtherValue = false;
    j = valueStart;
    while (j < to) {
      const type = (this.tokens[j] as Token)[0];
      if (type === TokenType.Semicolon || type === TokenType.CloseCurly) break;
      const next = skipComponent(this.tokens, j, to);
      if (!isBlank(this.tokens[j] as Token)) {
        if (type === TokenType.OpenCurly) hasCurlyBlock = true;
        else hasOtherValue = true;
        end = endOf(this.tokens[next - 1] as Token);
      }
      j = next;
    }
    const name = asciiLower(nameToken[4].value);
    // `a:hover{...}` starts like a declaration; CSS Nesting reparses it as a rule (CSS Syntax 3 §5.5.4 step 6).
    if (hasCurlyBlock && hasOtherValue && !name.startsWith("--")) return undefined;
    const hasSemicolon = j < to && (this.tokens[j] as Token)[0] === TokenType.Semicolon;
    if (hasSemicolon) end = endOf(this.tokens[j] as Token);
    const span = { start: nameToken[2], end };
    this.visitor.declaration({ name, span, valueStart, valueEnd: j }, atRules, depth);
    return hasSemicolon ? j + 1 : j;
  }

  /**
   * "Consume a qualified rule": prelude up to a `{}` block. Nested, a `;` ends it as garbage (the `;` is
   * included in its span) and a `}` ends it before the `}`.
   */
  qualifiedRule(i: number, to: number, atRules: readonly string[], depth: number, nested: boolean): number {
    let j = i;
    while (j < to) {
      const type = (this.tokens[j] as Token)[0];
      if (type === TokenType.OpenCurly) return this.block(i, j, to, "", atRules, depth);
      if (nested && type === TokenType.CloseCurly) break;
      if (nested && type === TokenType.Semicolon) {
        j++;
        break;
      }
      j = skipComponent(this.tokens, j, to);
    }
    this.reportPrelude(i, j, "", atRules);
    return j;
  }

  /** "Consume an at-rule": prelude up to `;` (included) or a `{}` block; nested, a `}` ends it before the `}`. */
  atRule(i: number, to: number, atRules: readonly string[], depth: number, nested: boolean): number {
    const name = asciiLower((this.tokens[i] as TokenAtKeyword)[4].value);
    let j = i + 1;
    while (j < to) {
      const type = (this.tokens[j] as Token)[0];
      if (type === TokenType.OpenCurly) return this.block(i, j, to, name, atRules, depth);
      if (nested && type === TokenType.CloseCurly) break;
      if (type === TokenType.Semicolon) {
        j++;
        break;
      }
      j = skipComponent(this.tokens, j, to);
    }
    this.reportPrelude(i, j, `@${name}`, atRules);
    return j;
  }

  /** A rule whose prelude is `[start, open)` and whose block opens at `open`; `atRule` is "" for a style rule. */
  private block(start: number, open: number, to: number, atRule: string, atRules: readonly string[], depth: number): number {
    const { next: after, closed } = scanComponent(this.tokens, open, to);
    const owner = atRule === "" ? "" : `@${atRule}`;
    if (depth >= MAX_DEPTH) {
      this.reportPrelude(start, after, owner, atRules, after, false);
      return after;
    }
    this.reportPrelude(start, open, owner, atRules, after, false);
    const inner = atRule === "" ? atRules : [...atRules, atRule];
    this.blockContents(open + 1, closed ? after - 1 : after, inner, depth + 1);
    return after;
  }

  /**
   * Reports prelude tokens `[from, to)` with the span of the whole construct, which ends before token `spanTo`.
   * A statement's trailing blanks are not part of it; a block's span runs to its `}`, or to the end of the text
   * when it is left open.
   */
  private reportPrelude(
    from: number,
    to: number,
    owner: string,
    atRules: readonly string[],
    spanTo = to,
    trimBlanks = true,
  ): void {
    if (to <= from) return;
    let last = spanTo - 1;
    while (trimBlanks && last > from && isBlank(this.tokens[last] as Token)) last--;
    const span = { start: (this.tokens[from] as Token)[2], end: endOf(this.tokens[last] as Token) };
    this.visitor.prelude(from, to, owner, span, atRules);
  }

  private skipBlanks(i: number, to: number): number {
    let j = i;
    while (j < to && isBlank(this.tokens[j] as Token)) j++;
    return j;
  }
}
