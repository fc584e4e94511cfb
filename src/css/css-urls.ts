// Every URL a CSS text can make a mail client fetch, with the span to delete to remove that fetch.
import { type TokenFunction, type TokenString, type TokenURL, TokenType } from "@csstools/css-tokenizer";
import { type DeclarationRange, type StructureVisitor, walkDeclarationList, walkStylesheet } from "./structure.js";
import { topLevelEnds } from "./statements.js";
import { type Token, asciiLower, closerOf, isBlank, tokenizeCss } from "./tokens.js";

/** How a URL is written: `url()`-like, a string in `image-set()`, an `@import`, an `@font-face` `src`, or broken. */
export type CssUrlKind = "url" | "image-set" | "import" | "font-face" | "bad-url";

/** A half-open range `[start, end)` of UTF-16 code units in the input text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One URL found in CSS. */
export interface CssUrl {
  /** The URL with CSS escapes decoded; `""` for `bad-url`. */
  readonly url: string;
  readonly kind: CssUrlKind;
  /**
   * Lower-cased property name (`"background-image"`), `"@import"`, `"@font-face src"`, `"@name"` for another
   * at-rule's prelude, or `""` for a URL in a selector.
   */
  readonly property: string;
  /**
   * The span to delete to remove this fetch: the whole declaration including its trailing `;`, or the whole
   * at-rule or rule the URL sits in (including its `;` or block).
   */
  readonly declaration: Span;
  /** Enclosing at-rule names, outermost first, space-separated (`"media supports"`); absent at top level. */
  readonly atRule?: string;
}

/** Functions whose first argument, when a string, is a URL (`url("x")`, CSS Values 4 `src("x")`). */
const urlFunctions: ReadonlySet<string> = new Set(["url", "src"]);

/** Functions whose bare string arguments are image URLs (`image()` is CSS Images 4). */
const imageSetFunctions: ReadonlySet<string> = new Set([
  "image-set",
  "-webkit-image-set",
  "cross-fade",
  "-webkit-cross-fade",
  "image",
]);

/**
 * Functions replaced by a value from elsewhere (another declaration, another element's style): in a URL position
 * (`image-set(var(--x) 1x)` with `--x:"https://t/p.gif"`) the URL cannot be known here, so it fails closed.
 */
const substitutionFunctions: ReadonlySet<string> = new Set(["var", "env", "attr", "if", "inherit"]);

/**
 * Cheap pre-check: false only when the text cannot contain a fetch, so the full scan would find nothing. Every URL
 * the scan finds sits in a URL-taking function written with its name right before its `(` (`url(`, `src(`,
 * `image-set(`, `image(`, `cross-fade(`, any case, any vendor prefix), or in an `@import` prelude (`@import "x"`),
 * and an escape (`\75 rl(`, `@\69mport`) always has a `\`. Comments cannot split a name from its `(` or its `@`.
 * A custom property's bare strings count too (`--u:"x"`, used as `image-set(var(--u))`): its name starts `--` and a
 * name character (not the `<!--` or `-->` around a sheet).
 * Not `@` alone: `@media` is in nearly every sheet. test/css/css-urls.test.ts checks this against the full scan.
 * @param css - A `style` value or `<style>` content.
 * @returns Whether `findDeclarationUrls` / `findStylesheetUrls` may find anything.
 * @example
 * mayContainCssUrl("color:red") //=> false
 * mayContainCssUrl("@media (max-width:600px){.a{color:red}}") //=> false
 * mayContainCssUrl("background:\\75 rl(x)") //=> true
 */
export function mayContainCssUrl(css: string): boolean {
  // Most styles hold no `(` and no `@`: two plain searches answer them without a regex.
  if (css.includes("\\")) return true;
  if (css.includes("(") && fetchingFunction.test(css)) return true;
  if (css.includes("--") && customProperty.test(css)) return true;
  return css.includes("@") && importRule.test(css);
}

const fetchingFunctions = String.raw`(?:url|src|image-set|image|cross-fade)\(`;
const customProperties = String.raw`--(?:[\w-]|[^\0-\x7f])`;
const importRule = /@import/i;
const fetchingFunction = new RegExp(fetchingFunctions, "i");
const customProperty = new RegExp(customProperties);
/** Everything `mayContainCssUrl` looks for, in one global search (`test` and `lastIndex`): made from the same parts. */
const urlHint = new RegExp(String.raw`\\|${fetchingFunctions}|${customProperties}|@import`, "gi");

/**
 * URLs in a `style=""` attribute value (a declaration list, already HTML-entity-decoded by the caller).
 * @param css - The attribute value.
 * @returns One entry per URL, in source order; spans index `css`.
 * @example
 * findDeclarationUrls("color:red;background:url(x.gif);")
 * //=> [{ url: "x.gif", kind: "url", property: "background", declaration: { start: 10, end: 32 } }]
 */
export function findDeclarationUrls(css: string): CssUrl[] {
  return mayContainCssUrl(css) ? scanDeclarationUrls(css) : [];
}

/**
 * `findDeclarationUrls` without the pre-check: the full scan the pre-check is proved against.
 * @param everyRange - Read every declaration and prelude, even one without a function or URL token: the path
 *   the per-range skip is proved against (tests).
 */
export function scanDeclarationUrls(css: string, everyRange = false): CssUrl[] {
  const tokens = tokenizeCss(css);
  const found: CssUrl[] = [];
  walkDeclarationList(tokens, collector(tokens, found, everyRange));
  return found;
}

/**
 * URLs in a `<style>` element's text: rules, `@media`, `@supports`, `@import`, `@font-face`, nested blocks.
 * @param css - The style sheet text.
 * @returns One entry per URL, in source order; spans index `css`.
 * @example
 * findStylesheetUrls('@import "x.css"; a{color:red}')
 * //=> [{ url: "x.css", kind: "import", property: "@import", declaration: { start: 0, end: 16 } }]
 */
export function findStylesheetUrls(css: string): CssUrl[] {
  if (!mayContainCssUrl(css)) return [];
  const ends = topLevelEnds(css);
  if (ends === undefined) return scanStylesheetUrls(css);
  // Each top-level rule reads as a sheet of its own: tokenize only the runs of rules that may hold a URL. What
  // `mayContainCssUrl` looks for is found by one scan of the whole sheet; no hint spans a rule's end (none holds a
  // `}`), so a rule may hold a URL exactly when the next hint ends inside it.
  const found: CssUrl[] = [];
  let runStart = -1;
  let start = 0;
  ends.push(css.length);
  urlHint.lastIndex = 0;
  let hintEnd = urlHint.test(css) ? urlHint.lastIndex : Infinity;
  for (const end of ends) {
    const mayHold = end > start && hintEnd <= end;
    if (mayHold && runStart < 0) runStart = start;
    if (!mayHold && runStart >= 0) {
      found.push(...stylesheetUrlsOf(tokenizeCss(css, runStart, start)));
      runStart = -1;
    }
    start = end;
    while (hintEnd <= start) hintEnd = urlHint.test(css) ? urlHint.lastIndex : Infinity;
  }
  if (runStart >= 0) found.push(...stylesheetUrlsOf(tokenizeCss(css, runStart, css.length)));
  return found;
}

/**
 * `findStylesheetUrls` without the pre-check: the full scan the pre-check is proved against.
 * @param everyRange - As for `scanDeclarationUrls`.
 */
export function scanStylesheetUrls(css: string, everyRange = false): CssUrl[] {
  return stylesheetUrlsOf(tokenizeCss(css), everyRange);
}

/**
 * `scanStylesheetUrls` over tokens already made by `tokenizeCss`, for a caller that reads them for more.
 * @param tokens - A style sheet's tokens.
 * @param everyRange - As for `scanDeclarationUrls`.
 */
export function stylesheetUrlsOf(tokens: readonly Token[], everyRange = false): CssUrl[] {
  const found: CssUrl[] = [];
  walkStylesheet(tokens, collector(tokens, found, everyRange));
  return found;
}

/**
 * URLs in one CSS value outside any declaration: an svg presentation attribute (`fill="url(x.svg#p)"`) or an
 * animation value (`<set attributeName=fill to="url(x.svg#p)">`).
 * @param css - The attribute value, entity-decoded.
 * @param property - Reported as each URL's `property` (the attribute name).
 * @returns One entry per URL, in source order; each `declaration` spans the whole value.
 * @example
 * findValueUrls("url(x.svg#p) red", "fill")
 * //=> [{ url: "x.svg#p", kind: "url", property: "fill", declaration: { start: 0, end: 16 } }]
 */
export function findValueUrls(css: string, property: string): CssUrl[] {
  if (!mayContainCssUrl(css)) return [];
  const tokens = tokenizeCss(css);
  const found: CssUrl[] = [];
  const site: Site = { property, declaration: { start: 0, end: css.length }, atRules: [], kind: "url" };
  collectUrls(tokens, 0, tokens.length, site, false, found);
  return found;
}

/** Where the URLs of one token range go: their property, span, context and default kind. */
interface Site {
  readonly property: string;
  readonly declaration: Span;
  readonly atRules: readonly string[];
  readonly kind: "url" | "import" | "font-face";
}

/**
 * Whether tokens `[from, to)` hold a URL, a broken URL or a function: without one, `collectUrls` finds nothing
 * unless bare strings count (`hasTopStrings`), since a string or a bad string counts only inside a function.
 */
function mayHoldUrl(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const type = (tokens[i] as Token)[0];
    if (type === TokenType.Function || type === TokenType.URL || type === TokenType.BadURL) return true;
  }
  return false;
}

function collector(tokens: readonly Token[], found: CssUrl[], everyRange: boolean): StructureVisitor {
  return {
    declaration(declaration: DeclarationRange, atRules: readonly string[]): void {
      // A custom property's value is substituted where `var()` names it: in `image-set(var(--u) 1x)` its bare
      // strings are URLs, so a top-level string of a `--*` value that reads as one counts (adversary19 F4).
      const isCustom = declaration.name.startsWith("--");
      // Most declarations hold no function: skip building their site.
      if (!everyRange && !isCustom && !mayHoldUrl(tokens, declaration.valueStart, declaration.valueEnd)) return;
      const isFontSrc = declaration.name === "src" && atRules[atRules.length - 1] === "font-face";
      const site: Site = isFontSrc
        ? { property: "@font-face src", declaration: declaration.span, atRules, kind: "font-face" }
        : { property: declaration.name, declaration: declaration.span, atRules, kind: "url" };
      collectUrls(tokens, declaration.valueStart, declaration.valueEnd, site, false, found, isCustom);
    },
    prelude(from: number, to: number, owner: string, span: Span, atRules: readonly string[]): void {
      const isImport = owner === "@import";
      if (!everyRange && !isImport && !mayHoldUrl(tokens, from, to)) return;
      const site: Site = { property: owner, declaration: span, atRules, kind: isImport ? "import" : "url" };
      collectUrls(tokens, from, to, site, isImport, found);
    },
  };
}

/** An open function or block while scanning a value. */
interface Frame {
  readonly closer: TokenType;
  readonly hasImageStrings: boolean;
  /** A `url(` / `src(` function still waiting for its first argument. */
  awaitsUrlArgument: boolean;
  /** Inside a URL-taking function (at any depth): a bad string here may be a broken URL. */
  readonly inUrlFunction: boolean;
}

/**
 * Collects the URLs in tokens `[from, to)`. `hasTopStrings`: bare strings outside any function are URLs too
 * (the `@import "x"` prelude). A bad string inside a function (or such a prelude) may be a broken URL argument,
 * so it counts as a `bad-url`; outside one it cannot fetch anything. So does a `var()` where a URL belongs.
 */
function collectUrls(
  tokens: readonly Token[],
  from: number,
  to: number,
  site: Site,
  hasTopStrings: boolean,
  found: CssUrl[],
  customProperty = false,
): void {
  const stack: Frame[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i] as Token;
    const type = token[0];
    const top = stack[stack.length - 1];
    if (top !== undefined && type === top.closer) {
      stack.pop();
      continue;
    }
    const isUrlArgument = top !== undefined && top.awaitsUrlArgument && !isBlank(token);
    if (isUrlArgument) top.awaitsUrlArgument = false;
    switch (type) {
      case TokenType.URL:
        add(found, site, (token as TokenURL)[4].value, site.kind);
        break;
      case TokenType.BadURL:
        add(found, site, "", "bad-url");
        break;
      case TokenType.BadString:
        // Elsewhere (`rgba("x` then a newline) a bad string is only a broken declaration: nothing is fetched.
        if (top?.inUrlFunction === true || hasTopStrings) add(found, site, "", "bad-url");
        break;
      case TokenType.String: {
        const value = (token as TokenString)[4].value;
        if (isUrlArgument || (top === undefined && hasTopStrings)) add(found, site, value, site.kind);
        else if (top === undefined && customProperty && readsAsUrl(value)) add(found, site, value, site.kind);
        else if (top?.hasImageStrings === true) add(found, site, value, "image-set");
        break;
      }
      case TokenType.Function: {
        const name = asciiLower((token as TokenFunction)[4].value);
        const isUrlPosition = isUrlArgument || top?.hasImageStrings === true;
        if (isUrlPosition && substitutionFunctions.has(name)) add(found, site, "", "bad-url");
        const hasImageStrings = imageSetFunctions.has(name);
        const awaitsUrlArgument = urlFunctions.has(name);
        stack.push({
          closer: TokenType.CloseParen,
          hasImageStrings,
          awaitsUrlArgument,
          inUrlFunction: hasImageStrings || awaitsUrlArgument || top?.inUrlFunction === true,
        });
        break;
      }
      default: {
        const closer = closerOf(type);
        if (closer !== undefined) {
          stack.push({ closer, hasImageStrings: false, awaitsUrlArgument: false, inUrlFunction: top?.inUrlFunction === true });
        }
      }
    }
  }
}

/**
 * Whether a custom property's string reads as a URL `image-set(var())` would fetch: an http(s) or scheme-relative
 * one, or a path without white space (`o/p.gif`, against a `<base href>`). Text (`"Buy now"`, `"help@shop.example"`
 * shown by `content: var(--c)`) is not one.
 */
function readsAsUrl(text: string): boolean {
  return /^[\t\n\f\r ]*(?:https?:|[\\/]{2})/i.test(text) || (text.includes("/") && !/[\t\n\f\r ]/.test(text.trim()));
}

function add(found: CssUrl[], site: Site, url: string, kind: CssUrlKind): void {
  const { property, declaration, atRules } = site;
  found.push(
    atRules.length > 0
      ? { url, kind, property, declaration, atRule: atRules.join(" ") }
      : { url, kind, property, declaration },
  );
}
