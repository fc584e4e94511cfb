import { describe, expect, it } from "vitest";
import { cssTrim, forEveryScreen, visitFlatRules } from "../../src/engine/flat-rules.js";
import { stripTracking } from "../../src/index.js";

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

describe("an @media rule that no screen matches applies none of its rules (adversary19 F3)", () => {
  it.each(["print", "speech", "not all", "(max-width:0px)", "(min-width:600px) and (max-width:100px)", "\\70 rint"])("@media %s", (query) => {
    expect(rulesOf(`@media ${query}{.p{width:600px}} .q{color:red}`)).toEqual([".q{color:red}0"]);
    // The nested at-rule adds no rule of its own (`.h` is read, its own declarations only).
    expect(rulesOf(`.h{@media ${query}{width:600px}}`)).toEqual([`.h{@media ${query}{width:600px}}0`]);
  });

  it("@media for some screens still applies its rules there", () => {
    expect(rulesOf("@media (max-width:600px){.p{width:600px}}")).toEqual(["@.p{width:600px}0"]);
    expect(rulesOf("@media print, screen and (max-width:600px){.p{width:600px}}")).toEqual(["@.p{width:600px}0"]);
  });
});

describe("end to end: a 'reveal' under @media that no screen matches leaves a pixel a pixel (adversary19 F3)", () => {
  const TOK = "https://news.example-shop.com/o/8f14e45fceea167a5a36dedd4bea2543.gif";
  const tiny = (query: string, src = TOK): string =>
    `<style>@media ${query}{.p{width:600px!important;height:300px!important}}</style><img class="p" src="${src}" width="1" height="1" alt="">`;
  const hidden = (query: string): string =>
    `<style>@media ${query}{.p{display:block!important}}</style><img class="p" src="${TOK}" style="display:none" alt="">`;

  it.each(["print", "speech", "not all", "(max-width:0px)", "(width<0)", "(min-width:100000px)", "(min-width:600px) and (max-width:100px)", "(max-resolution:0dpi)"])(
    "@media %s",
    (query) => {
      expect(stripTracking(tiny(query))).not.toContain("8f14e45f");
      expect(stripTracking(hidden(query))).not.toContain("8f14e45f");
    },
  );

  it("a plain 1x1 with no token, and an evidence:pixel endpoint (ActiveCampaign /lt.php?), 'revealed' for print", () => {
    expect(stripTracking(tiny("print", "https://mail.example-shop.com/p.gif"))).not.toContain("p.gif");
    expect(stripTracking(tiny("print", "https://shop.example.com/lt.php?nl=1&c=2&m=3"))).not.toContain("lt.php");
  });

  it("a <style media=print> reveals nothing either", () => {
    const html = `<style media="print">.p{width:600px!important;height:300px!important}</style><img class="p" src="${TOK}" width="1" height="1" alt="">`;
    expect(stripTracking(html)).not.toContain("8f14e45f");
  });

  it("a reveal a phone or a wide screen can match still makes the image content (responsive swaps)", () => {
    for (const query of ["(max-width:600px)", "only screen and (max-width:480px)", "(min-width:601px)", "print, screen and (max-width:600px)"]) {
      expect(stripTracking(tiny(query))).toBe(tiny(query));
      expect(stripTracking(hidden(query))).toBe(hidden(query));
    }
  });
});
