// The parse5 oracle (ADVERSARIAL.md §7.2, §8 P1): every URL a spec-conformant parser would make a mail client
// fetch from a piece of HTML. Used by the adversarial and peer-suite tests to check that no blocked fetch
// survives stripping, whatever htmlparser2 (which the engine is built on) thinks of the markup.
//
// Deliberately independent of the engine: parse5 builds the tree (scripting on and off, document and `body`
// fragment), URLs are resolved with WHATWG URL against the first `<base href>`, and the bodies of Outlook
// conditional comments (`<!--[if mso]>...<![endif]-->`) are parsed again as fragments, recursively.

import { HashType, tokenize, TokenType, type CSSToken } from "@csstools/css-tokenizer";
import { parse, parseFragment, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];
type Element = DefaultTreeAdapterMap["element"];

export const T = "https://t.example/p.gif";
export const blockedHost = "t.example";

const HTML_NS = "http://www.w3.org/1999/xhtml";
const SVG_NS = "http://www.w3.org/2000/svg";

/** One fetch found by the oracle. */
export interface Fetch {
  /** How the document was read: `doc+script`, `doc-script`, `fragment`, plus ` > cc` per conditional comment. */
  readonly mode: string;
  readonly tag: string;
  readonly attribute: string;
  /** The URL as the tree holds it (entity-decoded). */
  readonly url: string;
  /** Resolved against the base; undefined when it does not parse. */
  readonly absolute: string | undefined;
}

/** The document's own URL when the mail has no `<base>`: a harmless host, so relative URLs are not blocked. */
const httpsDocumentUrl = "https://mail.invalid/message/";

function resolve(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** True when `absolute` points at the blocked host (or a subdomain). */
export function isBlocked(absolute: string | undefined, host = blockedHost): boolean {
  if (absolute === undefined) return false;
  let hostname: string;
  try {
    hostname = new URL(absolute).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return false;
  }
  return hostname === host || hostname.endsWith(`.${host}`);
}

// ---- srcset and meta refresh (WHATWG algorithms, simplified only where no URL can hide) -------------------

const isSpace = (c: string | undefined): boolean =>
  c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";

/** The URLs of a `srcset` value ("parse a srcset attribute"). */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (isSpace(value[i]) || value[i] === ",")) i++;
    if (i >= value.length) break;
    let start = i;
    while (i < value.length && !isSpace(value[i])) i++;
    let url = value.slice(start, i);
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      // Skip descriptors up to the next comma outside parentheses.
      let depth = 0;
      while (i < value.length) {
        const c = value[i];
        if (c === "(") depth++;
        else if (c === ")") depth = Math.max(0, depth - 1);
        else if (c === "," && depth === 0) break;
        i++;
      }
    }
    if (url !== "") urls.push(url);
    start = i;
  }
  return urls;
}

/** The URL of a `<meta http-equiv=refresh content>` value, if any ("shared declarative refresh steps"). */
export function metaRefreshUrl(content: string): string | undefined {
  let i = 0;
  const s = content;
  while (i < s.length && isSpace(s[i])) i++;
  const digits = i;
  while (i < s.length && /[0-9]/.test(s[i]!)) i++;
  if (i === digits && s[i] !== ".") return undefined;
  while (i < s.length && /[0-9.]/.test(s[i]!)) i++;
  if (i < s.length && !isSpace(s[i]) && s[i] !== ";" && s[i] !== ",") return undefined;
  while (i < s.length && isSpace(s[i])) i++;
  if (s[i] === ";" || s[i] === ",") i++;
  while (i < s.length && isSpace(s[i])) i++;
  if (i >= s.length) return undefined;
  let rest = s.slice(i);
  const prefixed = /^url\s*=\s*/i.exec(rest);
  if (prefixed) rest = rest.slice(prefixed[0].length);
  else if (/^url/i.test(rest) === false) {
    // No "url=": the rest is the URL.
  }
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    rest = close < 0 ? rest.slice(1) : rest.slice(1, close);
  }
  return rest.trim() === "" ? undefined : rest.trim();
}

// ---- CSS ---------------------------------------------------------------------------------------------------

const cssUrlFunctions = new Set(["url", "src"]);
const cssImageSetFunctions = new Set(["image-set", "-webkit-image-set", "cross-fade", "-webkit-cross-fade"]);

/**
 * What a CSS text is: a style sheet (`<style>`, a `data:` sheet), or a declaration list (a `style` attribute; also
 * used for presentation attribute and animation values). At-rules are rules of a sheet only: browsers drop an
 * `@import` in a declaration list (Chromium checked), so only a sheet can import.
 */
export type CssContext = "sheet" | "declarations";

/**
 * A top-level statement of a CSS text, read as CSS Syntax 3 reads one: in a sheet an at-rule (up to a `;` or a
 * `{}` block) or a qualified rule (up to its `{}` block: a `;` or a stray `}` before it is part of its prelude, so
 * `x; @import "a";` is one rule, not an import); in a declaration list an at-rule or a declaration (up to a `;`).
 */
interface Statement {
  /** The at-rule's name, lower case; undefined for a qualified rule or a declaration. */
  readonly at: string | undefined;
  /** The tokens after the at-keyword (from the first token for the others), up to its `{}` block. */
  readonly prelude: CSSToken[];
  /** Whether it has a `{}` block at its top level (it then ends when the block does). */
  block: boolean;
  /** `@import` only: whether browsers honour it here (a sheet, no rule that closes the imports before it). */
  readonly honoured: boolean;
  /** `@import` only: its URL (the string or `url()` it starts with). */
  url: string | undefined;
}

const isSpaceToken = (token: CSSToken): boolean =>
  token[0] === TokenType.Whitespace || token[0] === TokenType.Comment;

/**
 * Every URL a CSS text can fetch; bad URLs fetch nothing. Errs on the side of listing: every `url()` is listed
 * wherever it stands (in an unknown property, a selector...), except in an `@import` a browser ignores.
 *
 * `@import` (Chromium checked for each rule below; test/support/fetches.test.ts): an import fetches only in a sheet,
 * at the top level, before every other rule but `@charset`, `@layer` statements, other imports and rules browsers
 * drop (an unknown at-rule, a selector they reject...); then only its first component is fetched (`@import "a"
 * url(b)` fetches a), and not when it has a `{}` block. As telling a valid rule from one a browser drops is the
 * hard part, only rules that are surely valid everywhere close the imports (see `closesImports`); after any other,
 * imports are still listed.
 */
export function cssUrls(css: string, context: CssContext): string[] {
  // CSS input preprocessing: NUL becomes U+FFFD (browsers then fetch the URL), CR/FF become LF. Browsers read every
  // non-ASCII code point as part of a name; the tokenizer only those of a later draft's list: make the others a
  // name code point it knows (é), or `\u00a0url(` reads as a URL token where browsers read a function.
  const text = css
    .replace(/\0/g, "\uFFFD")
    .replace(/\r\n?|\f/g, "\n")
    .replace(/[\u0080-\u00b6\u00b8-\u00bf\u00d7\u00f7\u037e\u2000-\u200b\u200e-\u203e\u2041-\u206f\u2190-\u2bff\u2ff0-\u3000\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff]/g, "\u00e9");
  let tokens: CSSToken[];
  try {
    tokens = tokenize({ css: text });
  } catch {
    return [text];
  }
  const urls: string[] = [];
  /** Open functions and parentheses, innermost last (for image-set strings). */
  const functions: string[] = [];
  /** The closing token each open block (`(`, function, `[`, `{`) waits for, innermost last. */
  const blocks: TokenType[] = [];
  let statement: Statement | undefined;
  /** Whether an `@import` here would be honoured: in a sheet, until a rule that closes the imports. */
  let importsAllowed = context === "sheet";
  const end = (): void => {
    const done = statement!;
    statement = undefined;
    if (done.at === "import") {
      if (done.honoured && !done.block && done.url !== undefined) urls.push(done.url);
    } else if (context === "sheet" && closesImports(done)) {
      importsAllowed = false;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token[0];
    if (type === TokenType.EOF) break;
    if (statement === undefined) {
      // Between statements (always at the top level): `<!--`/`-->` are skipped at a sheet's top level, an empty
      // declaration in a list.
      if (isSpaceToken(token)) continue;
      if (context === "sheet" ? type === TokenType.CDO || type === TokenType.CDC : type === TokenType.Semicolon) {
        continue;
      }
      const at = type === TokenType.AtKeyword ? String(token[4].value).toLowerCase() : undefined;
      statement = { at, prelude: [], block: false, honoured: at === "import" && importsAllowed, url: undefined };
      if (at !== undefined) continue;
    }
    const current: Statement = statement;
    const importing = current.at === "import";
    /** True for the first component of an @import's prelude: the only one it may fetch. */
    const importUrl = importing && blocks.length === 0 && current.prelude.every(isSpaceToken);
    let found: string | undefined;
    if (type === TokenType.URL) {
      found = String(token[4].value);
    } else if (type === TokenType.Function) {
      const name = String(token[4].value).toLowerCase();
      functions.push(name);
      if (cssUrlFunctions.has(name)) {
        let j = i + 1;
        while (tokens[j] && tokens[j]![0] === TokenType.Whitespace) j++;
        const next = tokens[j];
        if (next && next[0] === TokenType.String) found = String(next[4].value);
      }
    } else if (type === TokenType.OpenParen) {
      functions.push("(");
    } else if (type === TokenType.CloseParen) {
      functions.pop();
    } else if (type === TokenType.String) {
      if (cssImageSetFunctions.has(functions[functions.length - 1] ?? "") || importUrl) found = String(token[4].value);
    }
    // An @import fetches its first component or nothing: the URLs of its media queries, supports() or block never.
    if (found !== undefined && !importing) urls.push(found);
    else if (found !== undefined && importUrl && current.honoured) current.url = found;

    const ends = type === TokenType.Semicolon && blocks.length === 0 && (current.at !== undefined || context === "declarations");
    if (type === TokenType.OpenCurly && blocks.length === 0) current.block = true;
    else if (!current.block && !ends) current.prelude.push(token);
    if (type === TokenType.Function || type === TokenType.OpenParen) blocks.push(TokenType.CloseParen);
    else if (type === TokenType.OpenSquare) blocks.push(TokenType.CloseSquare);
    else if (type === TokenType.OpenCurly) blocks.push(TokenType.CloseCurly);
    else if (blocks.length > 0 && type === blocks[blocks.length - 1]) {
      blocks.pop();
      if (blocks.length === 0 && type === TokenType.CloseCurly && current.block) end();
    } else if (blocks.length === 0) {
      // A `;` ends an at-rule, and a declaration; in a sheet it is part of a qualified rule's prelude. A stray `}`
      // is part of the prelude in a sheet; in a declaration list, where it would end an enclosing block, it is
      // taken as ending the statement (so what follows is read as new, and listed).
      if (ends) end();
      else if (type === TokenType.CloseCurly && context === "declarations") end();
    }
  }
  // At the end of the text: an @import without `;` still fetches (`<style>@import "a"</style>`).
  if (statement !== undefined) end();
  return urls;
}

/** A list of simple selectors: type or `*`, `.class`, `#id`, descendant, `>`, `+` and `~` combinators, commas. */
const simpleSelectorList = (() => {
  const compound = "(?:tc*|c+)";
  const complex = `${compound}(?: *[>+~] *${compound}| +${compound})*`;
  return new RegExp(`^${complex}(?: *, *${complex})* *$`);
})();

function isSimpleSelectorList(prelude: readonly CSSToken[]): boolean {
  let shape = "";
  for (let i = 0; i < prelude.length; i++) {
    const token = prelude[i]!;
    const delim = token[0] === TokenType.Delim ? token[4].value : undefined;
    if (token[0] === TokenType.Whitespace) shape += " ";
    else if (token[0] === TokenType.Ident && !token[4].value.startsWith("--")) shape += "t";
    else if (delim === "*") shape += "t";
    else if (delim === "." && prelude[i + 1]?.[0] === TokenType.Ident) (shape += "c"), i++;
    else if (token[0] === TokenType.Hash && token[4].type === HashType.ID) shape += "c";
    else if (delim === ">" || delim === "+" || delim === "~") shape += delim;
    else if (token[0] === TokenType.Comma) shape += ",";
    else return false; // comments included: no guessing about `./**/a`
  }
  return simpleSelectorList.test(shape);
}

/**
 * Whether a rule surely ends the place where a sheet's `@import`s are honoured, in every browser (Chromium checked
 * for each): a style rule with a simple selector (`p{}`, `.a{}`, `body, td > p.a{}`), `@media` with a block (any
 * prelude: a bad media query is `not all`, the rule stays), `@font-face{}` and `@page{}` without a prelude, and a
 * valid `@namespace`. Every other rule leaves later imports listed: `@charset`, `@layer a;` and imports (which do
 * not close them), rules browsers drop (`p:foo{}`, `p,{}`, `@font-face x{}`, `@media;`, unknown at-rules), and rules
 * whose validity depends on the browser or that this check does not model: `@layer a{}` (dropped by engines without
 * cascade layers), `@supports`, `@keyframes`, selectors with pseudo-classes or attributes...
 */
function closesImports(rule: Statement): boolean {
  const prelude = rule.prelude.filter((token) => token[0] !== TokenType.Whitespace);
  switch (rule.at) {
    case undefined:
      return rule.block && isSimpleSelectorList(rule.prelude);
    case "media":
      return rule.block;
    case "font-face":
    case "page":
      return rule.block && prelude.length === 0;
    case "namespace": {
      // `@namespace prefix? (<string> | <url>);`
      const url = prelude[prelude.length - 1];
      const valid = prelude.length === 1 || (prelude.length === 2 && prelude[0]![0] === TokenType.Ident);
      return !rule.block && valid && (url![0] === TokenType.String || url![0] === TokenType.URL);
    }
    default:
      return false;
  }
}

/**
 * The `@import` URLs Chromium's preload scanner fetches from the text of a `<style>` element: a character-level
 * scan of the start of the sheet (Blink's CSSPreloadScanner, written again here from its behaviour), which fetches
 * some imports the CSS parser ignores (Chromium checked): `/x@import "a";` (a `/` and the character after it are
 * skipped), `@1@import "a";`, `@x{}"y";@import "a";` (an at-rule name runs to a space or `;`, and a `;` there only
 * starts over), and unquoted URLs, `@import https://t.example/x;`. Not applied to `style` attributes or `data:`
 * sheets, which it does not scan.
 *
 * The scan: skip spaces and comments; anything but `@` or `/` ends it. `@name value [layer];` is a rule: an
 * `@import` fetches its value, unquoted and out of `url()`, when what follows the value is nothing, `layer` or
 * `layer(...)`; `@charset` and `@layer` go on to the next rule, any other name ends the scan, and so does a `{`
 * after the name or the value. At the end of the text, a rule being read is taken as ended.
 */
export function preloadScannerImports(css: string): string[] {
  const urls: string[] = [];
  type State = "start" | "slash" | "comment" | "commentStar" | "at" | "name" | "afterName" | "value" | "afterValue" | "layer" | "afterLayer";
  let state: State = "start";
  let name = "";
  let value = "";
  let layer = "";
  let trailing = false;
  /** Ends a rule; false when that ends the scan. */
  const emit = (): boolean => {
    const isImport = /^import$/i.test(name);
    const layered = layer === "" || /^layer$/i.test(layer) || (/^layer\(/i.test(layer) && layer.length >= 8 && layer.endsWith(")"));
    if (isImport && layered && !trailing) urls.push(scannerUrl(value));
    const goOn = isImport || /^(charset|layer)$/i.test(name);
    name = value = layer = "";
    trailing = false;
    state = "start";
    return goOn;
  };
  /** A `;` ends an import's value only once it looks whole: a closed string or `url()` (no escape before the end). */
  const valueDone = (): boolean => {
    if (!/^import$/i.test(name)) return true;
    if (value.length < 2 || value[value.length - 2] === "\\") return false;
    if (value[0] === '"' || value[0] === "'") return value[0] === value[value.length - 1];
    return value.endsWith(")");
  };
  for (let k = 0; k < css.length; k++) {
    // Code units, not code points, as Blink reads them (`/` then half a surrogate pair).
    const c = css[k]!;
    const space = isSpace(c);
    switch (state) {
      case "start":
        if (c === "@") state = "at";
        else if (c === "/") state = "slash";
        else if (!space) return urls;
        break;
      case "slash":
        state = c === "*" ? "comment" : "start";
        break;
      case "comment":
        if (c === "*") state = "commentStar";
        break;
      case "commentStar":
        if (c === "/") state = "start";
        else if (c !== "*") state = "comment";
        break;
      case "at":
        if (/^[a-zA-Z]$/.test(c)) (name = c), (state = "name");
        else state = "start";
        break;
      case "name":
        if (space) state = "afterName";
        else if (c === ";") (name = ""), (state = "start");
        else name += c;
        break;
      case "afterName":
        if (c === ";") (name = ""), (state = "start");
        else if (c === "{") return urls;
        else if (!space) (value = c), (state = "value");
        break;
      case "value":
        if (space) (state = "afterValue"), (trailing = false);
        else if (c === ";" && valueDone()) {
          if (!emit()) return urls;
        } else value += c;
        break;
      case "afterValue":
        if (c === ";") {
          if (!emit()) return urls;
        } else if (c === "{") return urls;
        else if (!space) (layer = c), (state = "layer");
        break;
      case "layer":
        if (space) (state = "afterLayer"), (trailing = false);
        else if (c === ";") {
          if (!emit()) return urls;
        } else layer += c;
        break;
      case "afterLayer":
        if (c === ";") {
          if (!emit()) return urls;
        } else if (c === "{") return urls;
        else if (!space) trailing = true;
        break;
    }
  }
  if (state === "value" || state === "afterValue" || state === "afterLayer") emit();
  return urls;
}

/** The URL of a scanned `@import` value: trimmed, out of `url(...)`, then out of matching quotes. */
function scannerUrl(value: string): string {
  let url = value.replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, "");
  if (url.length >= 5 && /^url\(/i.test(url) && url.endsWith(")")) url = url.slice(4, -1).replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, "");
  if (url.length >= 2 && (url[0] === '"' || url[0] === "'") && url[0] === url[url.length - 1]) url = url.slice(1, -1);
  return url;
}

// ---- tree walk ---------------------------------------------------------------------------------------------

const conditionalCommentStart = /^\s*\[if\s[^\]]*\]>/i;
const conditionalCommentEnd = /<!\[endif\]\s*$/i;

function attr(element: Element, name: string, prefix?: string): string | undefined {
  return element.attrs.find((a) => a.name === name && (prefix === undefined ? !a.prefix : a.prefix === prefix))
    ?.value;
}

/** Attributes that fetch on open, per HTML element (the §7.2 list). */
const htmlFetchAttributes: Readonly<Record<string, readonly string[]>> = {
  img: ["src", "lowsrc", "dynsrc"],
  video: ["src", "poster"],
  audio: ["src"],
  source: ["src"],
  track: ["src"],
  iframe: ["src"],
  frame: ["src"],
  embed: ["src"],
  object: ["data"],
  script: ["src"],
  link: ["href"],
  bgsound: ["src"],
  base: ["href"],
};
const svgFetchElements = new Set(["image", "use", "feImage", "feimage", "script"]);
const vmlFetchAttributes = ["src", "o:href", "background", "url", "data"];
const vmlLinkElements = new Set(["v:roundrect", "v:rect", "v:shape", "v:oval"]);

function firstBase(root: ParentNode): string | undefined {
  let found: string | undefined;
  walk(root, (node) => {
    if (found !== undefined) return;
    if ("tagName" in node && node.tagName === "base" && node.namespaceURI === HTML_NS) {
      const href = attr(node, "href");
      if (href !== undefined) found = href;
    }
  });
  return found;
}

function walk(root: ParentNode, visit: (node: Node) => void): void {
  const stack: Node[] = [...(root.childNodes as Node[])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children: Node[] = [];
    if ("childNodes" in node && node.childNodes) children.push(...(node.childNodes as Node[]));
    if ("content" in node && node.content) children.unshift(...(node.content.childNodes as Node[]));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function textOf(element: Element): string {
  let text = "";
  walk(element, (node) => {
    if (node.nodeName === "#text") text += (node as DefaultTreeAdapterMap["textNode"]).value;
  });
  return text;
}

function collect(
  root: ParentNode,
  mode: string,
  inheritedBase: string | undefined,
  depth: number,
  out: Fetch[],
  documentUrl = httpsDocumentUrl,
): void {
  const baseHref = inheritedBase ?? firstBase(root);
  const base = (baseHref !== undefined ? resolve(baseHref.trim(), documentUrl) : undefined) ?? documentUrl;
  const add = (element: Element, attribute: string, url: string): void => {
    const trimmed = url.trim();
    if (trimmed === "") return;
    // The <base> itself resolves against the document URL.
    const against = element.tagName === "base" ? documentUrl : base;
    out.push({ mode, tag: element.tagName, attribute, url, absolute: resolve(trimmed, against) });
  };
  walk(root, (node) => {
    if (node.nodeName === "#comment") {
      const data = (node as DefaultTreeAdapterMap["commentNode"]).data;
      const opening = conditionalCommentStart.exec(data);
      if (opening && depth < 3) {
        const closing = conditionalCommentEnd.exec(data);
        const body = data.slice(opening[0].length, closing ? closing.index : data.length);
        collect(parseFragment(body), `${mode} > cc`, baseHref, depth + 1, out, documentUrl);
      }
      return;
    }
    if (!("tagName" in node)) return;
    const element = node as Element;
    const name = element.tagName;
    if (element.namespaceURI === HTML_NS) {
      for (const a of htmlFetchAttributes[name] ?? []) {
        const v = attr(element, a);
        if (v !== undefined) add(element, a, v);
      }
      if (name === "input" && (attr(element, "type") ?? "").trim().toLowerCase() === "image") {
        const v = attr(element, "src");
        if (v !== undefined) add(element, "src", v);
      }
      // Chromium requests every URL of `<img attributionsrc>` on open (the Attribution Reporting API; adversary19 F1).
      const attribution = name === "img" ? attr(element, "attributionsrc") : undefined;
      if (attribution !== undefined) for (const url of attribution.split(/[\t\n\f\r ]+/)) add(element, "attributionsrc", url);
      if (name === "img" || name === "source" || name === "link") {
        for (const a of ["srcset", "imagesrcset"]) {
          const v = attr(element, a);
          if (v !== undefined) for (const url of srcsetUrls(v)) add(element, a, url);
        }
      }
      if (name === "meta" && (attr(element, "http-equiv") ?? "").trim().toLowerCase() === "refresh") {
        const url = metaRefreshUrl(attr(element, "content") ?? "");
        if (url !== undefined) add(element, "content", url);
      }
      const background = attr(element, "background");
      if (background !== undefined) add(element, "background", background);
      if (name.includes(":")) {
        for (const a of vmlFetchAttributes) {
          const v = attr(element, a);
          if (v !== undefined) add(element, a, v);
        }
        const href = attr(element, "href");
        if (href !== undefined && !vmlLinkElements.has(name)) add(element, "href", href);
      }
    } else if (element.namespaceURI === SVG_NS && svgFetchElements.has(name)) {
      for (const a of element.attrs) {
        if (a.name === "href") add(element, a.prefix ? `${a.prefix}:href` : "href", a.value);
      }
    }
    const style = attr(element, "style");
    if (style !== undefined) for (const url of cssUrls(style, "declarations")) add(element, "style", url);
    if (name === "style") {
      const sheet = textOf(element);
      for (const url of cssUrls(sheet, "sheet")) add(element, "<style>", url);
      for (const url of preloadScannerImports(sheet)) add(element, "<style> (preload scanner)", url);
    }
    moreFetches(element, add);
  });
}

/** Every fetch parse5 finds in `html`: as a document with scripting on and off, and as a `body` fragment. */
export function fetches(html: string, documentUrl = httpsDocumentUrl): Fetch[] {
  const out: Fetch[] = [];
  collect(parse(html, { scriptingEnabled: true }), "doc+script", undefined, 0, out, documentUrl);
  collect(parse(html, { scriptingEnabled: false }), "doc-script", undefined, 0, out, documentUrl);
  collect(parseFragment(html), "fragment", undefined, 0, out, documentUrl);
  return out;
}

/** The fetches of `html` that point at the blocked host (empty when the output is safe). */
export function blockedFetches(html: string, host = blockedHost): Fetch[] {
  return fetches(html).filter((fetch) => isBlocked(fetch.absolute, host));
}

/** Bytes that mail systems append after our output (ESP footers, MIME boundaries): ADVERSARIAL.md §8 P9. */
export const concatenationSuffixes: readonly string[] = [
  ">", '">', "'>", "-->", "]]>", "</script>", "</style>", "</noscript>",
];

/** Blocked fetches of `html` alone and of `html + s` for every suffix of P9, labelled by suffix. */
export function blockedFetchesWithSuffixes(html: string, host = blockedHost): { suffix: string; fetch: Fetch }[] {
  const found: { suffix: string; fetch: Fetch }[] = [];
  for (const suffix of ["", ...concatenationSuffixes]) {
    for (const fetch of blockedFetches(html + suffix, host)) found.push({ suffix, fetch });
  }
  return found;
}

// ---- more fetches: data: stylesheets, svg animation and paint, other document schemes (issue 6, items 5, 7, 8) --

/** Document URLs a mail is shown at: webmail over https and over http (`https:host/p` differs between them). */
export const documentUrls: readonly string[] = [httpsDocumentUrl, "http://mail.invalid/message/"];

/** Blocked fetches of `html` when the mail is shown in an https and in an http document. */
export function blockedFetchesInEveryDocument(html: string, host = blockedHost): Fetch[] {
  return documentUrls.flatMap((documentUrl) =>
    fetches(html, documentUrl).filter((fetch) => isBlocked(fetch.absolute, host)),
  );
}

/**
 * The text of a data: URL (percent or base64, charset parameter honoured), as a browser applies it as a style
 * sheet whatever its MIME type (quirks mode). Written apart from src/css/data-url.ts on purpose: Node's lenient
 * Buffer base64 decoder, regexes instead of the WHATWG processor.
 */
export function dataUrlText(url: string): string | undefined {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return undefined;
  }
  if (!/^data:/i.test(href)) return undefined;
  const body = href.slice(5).replace(/#[^]*$/, "");
  const comma = body.indexOf(",");
  if (comma < 0) return undefined;
  const meta = body.slice(0, comma);
  const latin1 = body.slice(comma + 1).replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const bytes = /;\s*base64\s*$/i.test(meta) ? Buffer.from(latin1, "base64") : Buffer.from(latin1, "latin1");
  const charset = /charset\s*=\s*"?([^;"]+)/i.exec(meta)?.[1]?.trim() ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** Every URL a CSS text fetches, the URLs of the data: style sheets it imports included, to any depth. */
function cssUrlsWithDataImports(css: string, context: CssContext, depth = 0): string[] {
  return cssUrls(css, context).flatMap((url) => {
    const sheet = depth < 32 ? dataUrlText(url) : undefined;
    return sheet === undefined ? [url] : [url, ...cssUrlsWithDataImports(sheet, "sheet", depth + 1)];
  });
}

const svgPaintAttributes = new Set([
  "fill", "stroke", "mask", "clip-path", "filter", "marker", "marker-start", "marker-mid", "marker-end", "cursor",
]);
const svgAnimations = new Set(["set", "animate", "animateTransform", "animateMotion", "animateColor"]);

/** Fetches the tree walk above does not list: data: style sheets, svg animation values and paint references. */
function moreFetches(element: Element, add: (element: Element, attribute: string, url: string) => void): void {
  const name = element.tagName;
  const isNested = (url: string, outer: readonly string[]): boolean => !outer.includes(url);
  if (element.namespaceURI === HTML_NS && name === "link" && /(^|\s)stylesheet(\s|$)/i.test(attr(element, "rel") ?? "")) {
    const sheet = dataUrlText(attr(element, "href") ?? "");
    if (sheet !== undefined) for (const url of cssUrlsWithDataImports(sheet, "sheet")) add(element, "href (data:)", url);
  }
  const style = attr(element, "style");
  const css: [string, CssContext][] = [
    ...(style !== undefined ? [[style, "declarations"] as [string, CssContext]] : []),
    ...(name === "style" ? [[textOf(element), "sheet"] as [string, CssContext]] : []),
  ];
  for (const [text, context] of css) {
    const outer = cssUrls(text, context);
    for (const url of cssUrlsWithDataImports(text, context)) if (isNested(url, outer)) add(element, "@import data:", url);
  }
  if (element.namespaceURI !== SVG_NS) return;
  for (const a of element.attrs) {
    if (!a.prefix && svgPaintAttributes.has(a.name)) {
      for (const url of cssUrls(a.value, "declarations")) if (!url.trim().startsWith("#")) add(element, a.name, url);
    }
  }
  if (!svgAnimations.has(name)) return;
  const animated = (attr(element, "attributeName") ?? "").trim();
  for (const a of element.attrs) {
    if (a.prefix || !["to", "from", "by", "values"].includes(a.name)) continue;
    if (animated === "href" || animated === "xlink:href") {
      for (const value of a.value.split(";")) if (!value.trim().startsWith("#")) add(element, a.name, value);
    } else {
      for (const url of cssUrls(a.value, "declarations")) if (!url.trim().startsWith("#")) add(element, a.name, url);
    }
  }
}
