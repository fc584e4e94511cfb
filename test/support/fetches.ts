// The parse5 oracle (ADVERSARIAL.md §7.2, §8 P1): every URL a spec-conformant parser would make a mail client
// fetch from a piece of HTML. Used by the adversarial and peer-suite tests to check that no blocked fetch
// survives stripping, whatever htmlparser2 (which the engine is built on) thinks of the markup.
//
// Deliberately independent of the engine: parse5 builds the tree (scripting on and off, document and `body`
// fragment), URLs are resolved with WHATWG URL against the first `<base href>`, and the bodies of Outlook
// conditional comments (`<!--[if mso]>...<![endif]-->`) are parsed again as fragments, recursively.

import { tokenize, TokenType, type CSSToken } from "@csstools/css-tokenizer";
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

/** Every URL a CSS text (a `style` value or a stylesheet) can fetch; bad URLs fetch nothing. */
export function cssUrls(css: string): string[] {
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
  const functions: string[] = [];
  let afterImport = false;
  /** True at the start of a top-level statement: where an @import is honoured (not inside a rule's prelude). */
  let statementStart = true;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token[0];
    if (type === TokenType.URL) {
      urls.push(String(token[4].value));
    } else if (type === TokenType.Function) {
      const name = String(token[4].value).toLowerCase();
      functions.push(name);
      if (cssUrlFunctions.has(name)) {
        let j = i + 1;
        while (tokens[j] && tokens[j]![0] === TokenType.Whitespace) j++;
        const next = tokens[j];
        if (next && next[0] === TokenType.String) urls.push(String(next[4].value));
      }
    } else if (type === TokenType.OpenParen) {
      functions.push("(");
    } else if (type === TokenType.CloseParen) {
      functions.pop();
    } else if (type === TokenType.String) {
      if (cssImageSetFunctions.has(functions[functions.length - 1] ?? "") || afterImport) {
        urls.push(String(token[4].value));
      }
    }
    if (type === TokenType.AtKeyword) {
      afterImport = statementStart && depth === 0 && String(token[4].value).toLowerCase() === "import";
    } else if (type === TokenType.Semicolon || type === TokenType.OpenCurly) {
      afterImport = false;
    }
    if (type === TokenType.OpenCurly) depth++;
    if (type === TokenType.CloseCurly) depth = Math.max(0, depth - 1);
    if (type === TokenType.Semicolon || type === TokenType.CloseCurly) statementStart = true;
    else if (type !== TokenType.Whitespace && type !== TokenType.Comment && type !== TokenType.CDO && type !== TokenType.CDC) {
      statementStart = false;
    }
  }
  return urls;
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
    if (style !== undefined) for (const url of cssUrls(style)) add(element, "style", url);
    if (name === "style") for (const url of cssUrls(textOf(element))) add(element, "<style>", url);
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
function cssUrlsWithDataImports(css: string, depth = 0): string[] {
  return cssUrls(css).flatMap((url) => {
    const sheet = depth < 32 ? dataUrlText(url) : undefined;
    return sheet === undefined ? [url] : [url, ...cssUrlsWithDataImports(sheet, depth + 1)];
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
    if (sheet !== undefined) for (const url of cssUrlsWithDataImports(sheet)) add(element, "href (data:)", url);
  }
  const style = attr(element, "style");
  const css = [...(style !== undefined ? [style] : []), ...(name === "style" ? [textOf(element)] : [])];
  for (const text of css) {
    const outer = cssUrls(text);
    for (const url of cssUrlsWithDataImports(text)) if (isNested(url, outer)) add(element, "@import data:", url);
  }
  if (element.namespaceURI !== SVG_NS) return;
  for (const a of element.attrs) {
    if (!a.prefix && svgPaintAttributes.has(a.name)) {
      for (const url of cssUrls(a.value)) if (!url.trim().startsWith("#")) add(element, a.name, url);
    }
  }
  if (!svgAnimations.has(name)) return;
  const animated = (attr(element, "attributeName") ?? "").trim();
  for (const a of element.attrs) {
    if (a.prefix || !["to", "from", "by", "values"].includes(a.name)) continue;
    if (animated === "href" || animated === "xlink:href") {
      for (const value of a.value.split(";")) if (!value.trim().startsWith("#")) add(element, a.name, value);
    } else {
      for (const url of cssUrls(a.value)) if (!url.trim().startsWith("#")) add(element, a.name, url);
    }
  }
}
