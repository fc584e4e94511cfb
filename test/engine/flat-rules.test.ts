import { describe, expect, it } from "vitest";
import { cssTrim, forEveryScreen, visitFlatRules } from "../../src/engine/flat-rules.js";

/** Each rule `visitFlatRules` gives, as `prelude{body}` with `@` before a conditional one and its `;` count. */
function rulesOf(css: string): string[] {
  const rules: string[] = [];
  visitFlatRules(css, (preludeStart, preludeEnd, bodyStart, bodyEnd, conditional, semicolons) => {
    rules.push(`${conditional ? "@" : ""}${cssTrim(css.slice(preludeStart, preludeEnd))}{${css.slice(bodyStart, bodyEnd)}}${semicolons}`);
  });
  return rules;
}

describe("visitFlatRules", () => {
  it.each<[string, string[]]>([
    ["a{b:c;d:e} .x{y:z}", ["a{b:c;d:e}1", ".x{y:z}0"]],
    // Strings, comments and url() tokens hold no structure.
    ['a{b:"}";c:d} e{}', ['a{b:"}";c:d}1', "e{}0"]],
    ["a{b:url(x;y)} /* } */ e{f:g}", ["a{b:url(x;y)}0", "/* } */ e{f:g}0"]],
    // A ; ends a declaration or a blockless at-rule, not a prelude.
    ['@charset "x";.a{}', [".a{}0"]],
    ["x;.a{}", ["x;.a{}0"]],
    // Conditional: @media (but for every screen), @supports, @layer, @container, nesting; none in @keyframes.
    ["@media (max-width:1px){.a{}} @media screen{.b{}} @supports (x:y){.c{}} @layer l{.d{}}", ["@.a{}0", ".b{}0", "@.c{}0", "@.d{}0"]],
    ["@keyframes k{from{width:1px}} @x-y{.e{}}", []],
    [".w{.h{width:1px} &.i{x:y}} .j{width:1px;@media screen{width:600px}}", ["@.h{width:1px}0", "@.i{x:y}0", ".w{.h{width:1px} &.i{x:y}}0", "@.j{width:600px}0", ".j{width:1px;@media screen{width:600px}}1"]],
    ["<!-- .a{} -->", [".a{}0"]],
    // U+00A0 is no white space to CSS: `@media\u00a0screen` is an unknown at-rule; an escape spells a name.
    ["@media\u00a0screen{.a{}} @\\6d edia (x){.b{}}", ["@.b{}0"]],
    // Nested rules are read a few levels deep only (each level's body is read again with each around it).
    [".a{.b{.c{.d{x:y}}}}", ["@.c{.d{x:y}}0", "@.b{.c{.d{x:y}}}0", ".a{.b{.c{.d{x:y}}}}0"]],
    // An escaped url( is read from the tokens: its { is part of the URL.
    ["a{b:\\75 rl(x{y)} .c{}", ["a{b:\\75 rl(x{y)}0", ".c{}0"]],
  ])("%j", (css, expected) => {
    expect(rulesOf(css)).toEqual(expected);
  });

  it("cssTrim trims CSS white space only", () => {
    expect(cssTrim(" \t\n.a\r\f")).toBe(".a");
    expect(cssTrim("\u00a0.a\u00a0")).toBe("\u00a0.a\u00a0");
  });
});

describe("forEveryScreen", () => {
  it.each([["", true], [" all ", true], ["only  screen", true], ["SCREEN", true], ["print", false], ["screen and (max-width:600px)", false], ["\u00a0screen", false], ["only", false]])(
    "%j -> %j",
    (queries, expected) => expect(forEveryScreen(queries)).toBe(expected),
  );
});
