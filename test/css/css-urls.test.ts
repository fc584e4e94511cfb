import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  type CssUrl,
  findDeclarationUrls,
  findStylesheetUrls,
  findValueUrls,
  mayContainCssUrl,
  scanDeclarationUrls,
  scanStylesheetUrls,
} from "../../src/css/css-urls.js";
import { removeSpans } from "../../src/css/remove-spans.js";
import { stripTracking } from "../../src/index.js";

/** [kind, url, property, the text of the declaration span, atRule]: readable, and exact up to the span's text. */
type Row = [CssUrl["kind"], string, string, string, string?];

function rows(css: string, found: readonly CssUrl[]): Row[] {
  return found.map(({ kind, url, property, declaration, atRule }) => {
    const row: Row = [kind, url, property, css.slice(declaration.start, declaration.end)];
    if (atRule !== undefined) row.push(atRule);
    return row;
  });
}

const T = "https://t.example/p.gif";

describe("findDeclarationUrls", () => {
  it.each<[string, string, Row[]]>([
    ["plain url", `background:url(${T})`, [["url", T, "background", `background:url(${T})`]]],
    ["hex-escaped function name", `background-image:\\75 rl(${T})`, [["url", T, "background-image", `background-image:\\75 rl(${T})`]]],
    ["six-digit escape", `background-image:\\000075rl(${T})`, [["url", T, "background-image", `background-image:\\000075rl(${T})`]]],
    ["escaped letter in name", `background-image:u\\rl(${T})`, [["url", T, "background-image", `background-image:u\\rl(${T})`]]],
    ["escaped name, string argument", `background-image:u\\rl("${T}")`, [["url", T, "background-image", `background-image:u\\rl("${T}")`]]],
    ["upper-case name", `BACKGROUND:URL(${T})`, [["url", T, "background", `BACKGROUND:URL(${T})`]]],
    ["quoted with spaces", `background:url( "${T}" )`, [["url", T, "background", `background:url( "${T}" )`]]],
    ["src() function", `background:src("${T}")`, [["url", T, "background", `background:src("${T}")`]]],
    ["src() with an ident is no URL", "background:src(x)", []],
    // Browsers read NBSP as part of a name: `\u00a0url(` is a function, and the url() after it is read.
    ["NBSP before url( makes a function", `b:\u00a0url(/*)'*/);background:url(${T})`, [["url", T, "background", `background:url(${T})`]]],
    ["var() as a url argument fails closed", "background:src(var(--x))", [["bad-url", "", "background", "background:src(var(--x))"]]],
    ["var() in image-set fails closed, and the custom property's string is a URL", "--x:'https://t/p';background:image-set(var(--x) 1x)", [["url", "https://t/p", "--x", "--x:'https://t/p';"], ["bad-url", "", "background", "background:image-set(var(--x) 1x)"]]],
    ["every top-level string of a custom property that reads as a URL", `--u:"https://t/a.png" , "//t/b.png", "c/d.png", "Buy now", "help@shop.example", "mailto:x@y.example";--v:{"https://t/c"};--w:x("https://t/d")`, [
      ["url", "https://t/a.png", "--u", `--u:"https://t/a.png" , "//t/b.png", "c/d.png", "Buy now", "help@shop.example", "mailto:x@y.example";`],
      ["url", "//t/b.png", "--u", `--u:"https://t/a.png" , "//t/b.png", "c/d.png", "Buy now", "help@shop.example", "mailto:x@y.example";`],
      ["url", "c/d.png", "--u", `--u:"https://t/a.png" , "//t/b.png", "c/d.png", "Buy now", "help@shop.example", "mailto:x@y.example";`],
    ]],
    ["a custom property without strings holds none", "--x:12px;--y:red", []],
    ["var() elsewhere is fine", "color:var(--x);width:calc(var(--y) * 2)", []],
    ["image() strings", 'a:image("x", red)', [["image-set", "x", "a", 'a:image("x", red)']]],
    ["comment splits the name", "background:u/**/rl(x)", []],
    ["comment inside url is part of the URL", "background:url(/**/x)", [["url", "/**/x", "background", "background:url(/**/x)"]]],
    ["raw NUL becomes U+FFFD, not a bad url", "background:url(https://t.example/g\0.gif)", [["url", "https://t.example/g\uFFFD.gif", "background", "background:url(https://t.example/g\0.gif)"]]],
    ["hex escape inside quoted url", 'a:url("https://tr\\61 cker.example/p")', [["url", "https://tracker.example/p", "a", 'a:url("https://tr\\61 cker.example/p")']]],
    ["escaped dot inside unquoted url", "a:url(https://t\\.example/p)", [["url", "https://t.example/p", "a", "a:url(https://t\\.example/p)"]]],
    ["escaped newline in a string continues it", 'a:url("https://t.ex\\\nample/p")', [["url", "https://t.example/p", "a", 'a:url("https://t.ex\\\nample/p")']]],
    ["escaped CRLF in a string continues it", 'a:url("x\\\r\ny");b:c', [["url", "xy", "a", 'a:url("x\\\r\ny");']]],
    ["image-set strings", `a:image-set('${T}' 1x, "y" 2x)`, [["image-set", T, "a", `a:image-set('${T}' 1x, "y" 2x)`], ["image-set", "y", "a", `a:image-set('${T}' 1x, "y" 2x)`]]],
    ["-webkit-image-set with url()", `a:-webkit-image-set(url(${T}) 2x, "y" 1x)`, [["url", T, "a", `a:-webkit-image-set(url(${T}) 2x, "y" 1x)`], ["image-set", "y", "a", `a:-webkit-image-set(url(${T}) 2x, "y" 1x)`]]],
    ["image-set type() string is no URL", 'a:image-set("x" type("image/png"))', [["image-set", "x", "a", 'a:image-set("x" type("image/png"))']]],
    ["cross-fade strings", 'a:cross-fade(50% "x", "y")', [["image-set", "x", "a", 'a:cross-fade(50% "x", "y")'], ["image-set", "y", "a", 'a:cross-fade(50% "x", "y")']]],
    ["other strings are no URL", 'content:"x";font-family:"y"', []],
    ["behavior", `behavior:url(${T})`, [["url", T, "behavior", `behavior:url(${T})`]]],
    ["two urls, one declaration", "background:url(a),url(b);color:red", [["url", "a", "background", "background:url(a),url(b);"], ["url", "b", "background", "background:url(a),url(b);"]]],
    ["no trailing semicolon", "color:red;background:url(x) ", [["url", "x", "background", "background:url(x)"]]],
    ["trailing semicolon and spaces", "color:red; background : url(x) ; width:1px", [["url", "x", "background", "background : url(x) ;"]]],
    ["!important", "background:url(x) !important;", [["url", "x", "background", "background:url(x) !important;"]]],
    ["comments between declarations", "a:b;/* c */background:url(x);/* d */e:f", [["url", "x", "background", "background:url(x);"]]],
    ["trailing comment stays out", "background:url(x) /* c */", [["url", "x", "background", "background:url(x)"]]],
    ["escaped property name", "b\\61 ckground:url(x)", [["url", "x", "background", "b\\61 ckground:url(x)"]]],
    ["custom property", "--Bg:url(x)", [["url", "x", "--bg", "--Bg:url(x)"]]],
    ["CRLF between declarations", "a:b;\r\nc:url(x)\r\n", [["url", "x", "c", "c:url(x)"]]],
    ["nested rule in a style attribute", "a:hover{b:url(x)}", [["url", "x", "b", "b:url(x)"]]],
    // Broken CSS (ADVERSARIAL.md 7.3 item 18): the fetch is found or the declaration fails closed, and nothing throws.
    ["unclosed url at the end", "color:red;background:url(https://t.example/x", [["url", "https://t.example/x", "background", "background:url(https://t.example/x"]]],
    ["unclosed url( with spaces at the end", "background:url(  ", [["url", "", "background", "background:url(  "]]],
    ["unclosed quoted url at the end", 'background:url("x', [["url", "x", "background", 'background:url("x']]],
    ["unterminated string in url()", 'background:url("x\n);color:red', [["bad-url", "", "background", 'background:url("x\n);']]],
    ["unterminated string outside a function", 'content:"x\n;background:url(y)', [["url", "y", "background", "background:url(y)"]]],
    ["bad url (space inside)", "background:url(a b);color:red", [["bad-url", "", "background", "background:url(a b);"]]],
    ["bad url (quote inside)", "background:url(a\"b);c:d", [["bad-url", "", "background", 'background:url(a"b);']]],
    ["} inside url", "background:url(a}b);color:red", [["url", "a}b", "background", "background:url(a}b);"]]],
    ["} inside a function does not close it", 'a:image-set("x" } "y");b:c', [["image-set", "x", "a", 'a:image-set("x" } "y");'], ["image-set", "y", "a", 'a:image-set("x" } "y");']]],
    ["stray } then more declarations", "a:b } background:url(x)", [["url", "x", "background", "background:url(x)"]]],
    ["garbage before a declaration", "color red url(x); b:url(y)", [["url", "x", "", "color red url(x);"], ["url", "y", "b", "b:url(y)"]]],
    ["unclosed image-set at the end", 'a:image-set("x" 1x ', [["image-set", "x", "a", 'a:image-set("x" 1x ']]],
    ["no URL", "color:red;width:1px", []],
    ["empty", "", []],
  ])("%s", (_title, css, expected) => {
    expect(rows(css, findDeclarationUrls(css))).toEqual(expected);
  });

  it("reports exact spans and omits atRule at top level", () => {
    expect(findDeclarationUrls("color:red; background:url(x);")).toEqual([
      { url: "x", kind: "url", property: "background", declaration: { start: 11, end: 29 } },
    ]);
  });
});

describe("findStylesheetUrls", () => {
  it.each<[string, string, Row[]]>([
    ["@import string", `@import "${T}";a{}`, [["import", T, "@import", `@import "${T}";`]]],
    ["@import url() with media", `@import url(${T}) screen;`, [["import", T, "@import", `@import url(${T}) screen;`]]],
    ["@import url() with a quoted string", `@IMPORT url("${T}");`, [["import", T, "@import", `@IMPORT url("${T}");`]]],
    ["@import unterminated at the end", "@import 'x", [["import", "x", "@import", "@import 'x"]]],
    ["@import without ;", "@import 'x'  ", [["import", "x", "@import", "@import 'x'"]]],
    ["@import bad string", "@import 'x\n;a{b:c}", [["bad-url", "", "@import", "@import 'x\n;"]]],
    ["@font-face src", `@font-face{src:url(${T})}`, [["font-face", T, "@font-face src", `src:url(${T})`, "font-face"]]],
    ["@font-face src list", "@font-face{font-family:x;src:local('x'),url(a) format('woff'),url(b)}", [["font-face", "a", "@font-face src", "src:local('x'),url(a) format('woff'),url(b)", "font-face"], ["font-face", "b", "@font-face src", "src:local('x'),url(a) format('woff'),url(b)", "font-face"]]],
    ["rule", "a{color:red;background:url(x)}", [["url", "x", "background", "background:url(x)"]]],
    [":hover", "a:hover{background:url(x);}", [["url", "x", "background", "background:url(x);"]]],
    ["@media print", "@media print{body{background:url(x)}}", [["url", "x", "background", "background:url(x)", "media"]]],
    ["nested @supports", "@supports (display:grid){@media (min-width:1px){.a{b:url(x);c:url(y)}}}", [["url", "x", "b", "b:url(x);", "supports media"], ["url", "y", "c", "c:url(y)", "supports media"]]],
    ["CSS nesting", ".a{color:red;&:hover{background:url(x)}.b:focus{background:url(y)}}", [["url", "x", "background", "background:url(x)"], ["url", "y", "background", "background:url(y)"]]],
    ["escaped url in a rule", `td{background:\\75 rl(${T})}`, [["url", T, "background", `background:\\75 rl(${T})`]]],
    ["unclosed block at the end", "a{background:url(x)", [["url", "x", "background", "background:url(x)"]]],
    ["stray } at top level", "a{b:url(x)}}c{d:url(y)}", [["url", "x", "b", "b:url(x)"], ["url", "y", "d", "d:url(y)"]]],
    ["url in a selector", "a:url(x){}", [["url", "x", "", "a:url(x){}"]]],
    ["url in a selector, block left open", "a:url(x){b:c ", [["url", "x", "", "a:url(x){b:c "]]],
    ["url in another at-rule prelude", "@namespace url(x);", [["url", "x", "@namespace", "@namespace url(x);"]]],
    ["HTML comment markers", "<!-- a{b:url(x)} -->", [["url", "x", "b", "b:url(x)"]]],
    ["no URL", "a{color:red}@media print{b{display:none}}", []],
  ])("%s", (_title, css, expected) => {
    expect(rows(css, findStylesheetUrls(css))).toEqual(expected);
  });

  it("reports exact spans and the enclosing at-rule", () => {
    expect(findStylesheetUrls("@media print{a{b:url(x)}}")).toEqual([
      { url: "x", kind: "url", property: "b", declaration: { start: 15, end: 23 }, atRule: "media" },
    ]);
  });

  it("survives deep nesting without recursion limits", () => {
    const css = `${"a{".repeat(20_000)}b:url(x)`;
    expect(findStylesheetUrls(css).map(({ url }) => url)).toEqual(["x"]);
    expect(findDeclarationUrls(`a:${"(".repeat(20_000)}url(x)`).map(({ url }) => url)).toEqual(["x"]);
  });
});

describe("mayContainCssUrl", () => {
  it.each<[string, boolean]>([
    ["color:red", false],
    ["", false],
    ["background:url(x)", true],
    ["background:\\75 rl(x)", true],
    ["background:u\\rl(x)", true],
    ["@import 'x'", true],
    ["@IMPORT 'x'", true],
    ["@\\69mport 'x'", true],
    ["@media (max-width:600px){.a{color:rgba(0,0,0,.5)}}", false],
    ["@font-face{font-family:x}", false],
    ["a{b:image(x)}", true],
  ])("%j → %s", (css, expected) => {
    expect(mayContainCssUrl(css)).toBe(expected);
  });
});

// Token soup: pieces that exercise every branch of the walker, glued at random.
const cssPiece = fc.constantFrom(
  "url(", "URL(", "\\75 rl(", "u\\rl(", "src(", "image-set(", "-webkit-image-set(", "cross-fade(", "var(",
  "(", ")", "{", "}", "[", "]", ";", ":", ",", "!important", "@import ", "@media print", "@font-face", "@supports ",
  "src", "background", "a", "--x", "&", "\"", "'", "\\", "\n", "\r\n", "\r", "\f", "\0", " ", "/*", "*/", "x.gif",
  "https://t.example/p", "1x", "<!--", "-->", "#", "%", "\uD800", "@\\69mport ", "@IMPORT ", "@im/**/port ",
  "rgba(", "calc(", "@media (max-width:1px)", "image(", "@", "import", "ur", "l(",
);
const cssSoup = fc.oneof(fc.array(cssPiece, { maxLength: 40 }).map((pieces) => pieces.join("")), fc.string());
const settings = { seed: 20_240_601, numRuns: 600 };

function assertWellFormed(css: string, found: readonly CssUrl[]): void {
  for (const { declaration } of found) {
    expect(declaration.start).toBeGreaterThanOrEqual(0);
    expect(declaration.end).toBeLessThanOrEqual(css.length);
    expect(declaration.start).toBeLessThan(declaration.end);
  }
  // Spans of one kind never partly overlap: deleting one never cuts into another. A rule's span may contain
  // its declarations' spans (a URL in a selector or at-rule prelude takes the whole rule).
  for (const kind of new Set(found.map((url) => url.kind))) {
    const spans = found.filter((url) => url.kind === kind).map((url) => url.declaration);
    for (const a of spans) {
      for (const b of spans) {
        const isApart = a.end <= b.start || b.end <= a.start;
        const isNested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
        expect(isApart || isNested, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(true);
      }
    }
  }
}

describe.each([
  ["findDeclarationUrls", findDeclarationUrls],
  ["findStylesheetUrls", findStylesheetUrls],
])("%s properties", (_name, find) => {
  fcIt.prop([cssSoup], settings)("never throws and returns in-bounds, non-overlapping spans", (css) => {
    assertWellFormed(css, find(css));
  });

  fcIt.prop([cssSoup], settings)("finds nothing when mayContainCssUrl is false", (css) => {
    if (!mayContainCssUrl(css)) expect(find(css)).toEqual([]);
  });

  fcIt.prop([cssSoup], settings)("finds nothing after its declarations are removed", (css) => {
    const once = removeSpans(css, find(css).map(({ declaration }) => declaration));
    expect(find(once)).toEqual([]);
  });
});

describe("mayContainCssUrl is sound", () => {
  // Against the full scans, which tokenize whatever the text: a false pre-check must never hide a URL.
  fcIt.prop([cssSoup], { seed: 20_261_202, numRuns: 2000 })("false only where the full scans find nothing", (css) => {
    if (mayContainCssUrl(css)) return;
    expect(scanDeclarationUrls(css)).toEqual([]);
    expect(scanStylesheetUrls(css)).toEqual([]);
  });

  fcIt.prop([cssSoup], { seed: 20_261_203, numRuns: 2000 })("equals the regex formulation it replaced", (css) => {
    // A custom property's name too, since its bare strings count (adversary19 F4).
    const written = css.includes("\\") || /(?:url|src|image-set|image|cross-fade)\(/i.test(css) || /@import/i.test(css) || /--(?:[\w-]|[^\0-\x7f])/.test(css);
    expect(mayContainCssUrl(css)).toBe(written);
  });

  it("a bad string outside a URL-taking function is no URL", () => {
    expect(scanDeclarationUrls('color:rgba("x\n);background:url("y\n)')).toEqual([
      { url: "", kind: "bad-url", property: "background", declaration: { start: 16, end: 35 } },
    ]);
  });
});

describe("the scans skip declarations and preludes without a function or URL token", () => {
  // Against the scans that read every range: skipping one must never hide a URL.
  fcIt.prop([cssSoup], { seed: 20_261_204, numRuns: 2000 })("find exactly what reading every range finds", (css) => {
    expect(scanDeclarationUrls(css)).toEqual(scanDeclarationUrls(css, true));
    expect(scanStylesheetUrls(css)).toEqual(scanStylesheetUrls(css, true));
  });
});

describe("findValueUrls (an svg presentation attribute or animation value)", () => {
  it.each<[string, string, Row[]]>([
    ["url()", `url(${T})`, [["url", T, "fill", `url(${T})`]]],
    ["quoted, with a fallback colour", `url('${T}') red`, [["url", T, "fill", `url('${T}') red`]]],
    ["escaped function name", `\\75 rl(${T})`, [["url", T, "fill", `\\75 rl(${T})`]]],
    ["fragment-only is still reported (the caller drops it)", "url(#p)", [["url", "#p", "fill", "url(#p)"]]],
    ["several, ; separated (animation values)", `url(a);url(${T})`, [["url", "a", "fill", `url(a);url(${T})`], ["url", T, "fill", `url(a);url(${T})`]]],
    ["a declaration text", `background:url(${T})`, [["url", T, "fill", `background:url(${T})`]]],
    ["no url", "red", []],
    ["freeze", "freeze", []],
  ])("%s", (_title, css, expected) => {
    expect(rows(css, findValueUrls(css, "fill"))).toEqual(expected);
  });
});

describe("end to end: a URL string in a custom property, used in image-set(var()) (adversary19 F4)", () => {
  const MC = "https://us1.list-manage.com/track/open.php?u=abc123&id=def456";
  it.each([
    ["inline style", `<div style='--u:"${MC}";background-image:image-set(var(--u) 1x)'>x</div>`],
    ["-webkit-image-set", `<div style='--u:"${MC}";background-image:-webkit-image-set(var(--u) 1x)'>x</div>`],
    ["<style> :root and a rule", `<style>:root{--u:"${MC}"}.a{background-image:image-set(var(--u) 1x)}</style><div class="a">x</div>`],
    ["the custom property alone on the element", `<style>.a{background-image:image-set(var(--u) 1x)}</style><div class="a" style='--u:"${MC}"'>x</div>`],
  ])("a known endpoint: %s", (_title, html) => {
    expect(stripTracking(html)).not.toContain("list-manage.com");
  });

  it("the recipient's address in such a string", () => {
    const html = `<div style='--u:"https://cdn.example-shop.com/o.png?e=someone%40example.com";background-image:image-set(var(--u) 1x)'>x</div>`;
    expect(stripTracking(html, { recipient: "someone@example.com" })).not.toContain("someone%40example.com");
  });

  it("keeps custom properties that hold words, an address shown by content:var(), and clean URLs", () => {
    const html = `<style>:root{--font:"Helvetica Neue";--hero:"https://cdn.example-shop.com/hero.png";--c:"help@shop.example"} p:after{content:var(--c)}</style><div style='--label:"Buy now";--contact:"support@shop.example";color:red'>x</div>`;
    expect(stripTracking(html)).toBe(html);
  });

  it("a relative path against a <base href> is judged where it resolves", () => {
    const html = `<base href="https://us1.list-manage.com/"><div style='--u:"track/open.php?u=abc123&id=def456";background-image:image-set(var(--u) 1x)'>x</div>`;
    expect(stripTracking(html)).not.toContain("track/open.php");
  });
});
