// Static facts about HTML elements that the tree-builder simulator needs (from the WHATWG HTML spec).

/** Elements with no end tag and no content. */
export const voidElements: ReadonlySet<string> = new Set([
  "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
  "keygen", "link", "meta", "param", "source", "track", "wbr",
]);

/** Elements whose content htmlparser2 (like browsers) reads as raw text or RCDATA, not as markup. */
export const rawTextElements: ReadonlySet<string> = new Set([
  "iframe", "noembed", "noframes", "plaintext", "script", "style", "textarea", "title", "xmp",
]);

/**
 * Start tags that break out of svg/math content back into HTML ("any other start tag" rules of
 * "parsing main in foreign content"); `font` only with color, face or size.
 */
export const foreignBreakoutElements: ReadonlySet<string> = new Set([
  "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
  "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
  "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
  "ul", "var",
]);

/** svg elements whose children are parsed as HTML. */
export const svgHtmlIntegrationPoints: ReadonlySet<string> = new Set(["foreignobject", "desc", "title"]);

/** math elements whose children are parsed as HTML (text integration points, plus annotation-xml as HTML). */
export const mathIntegrationPoints: ReadonlySet<string> = new Set(["mi", "mo", "mn", "ms", "mtext"]);

/** Start tags that close an open `<p>` (the "close a p element" rule). */
export const closesParagraph: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
  "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary", "table",
  "ul", "xmp", "li", "dd", "dt",
]);

const defaultScope = [
  "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "foreignobject", "desc",
  "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
];

/** What a start tag closes implicitly: the nearest open element named in `targets`, unless a boundary comes first. */
export interface ImpliedClose {
  readonly targets: ReadonlySet<string>;
  readonly boundaries: ReadonlySet<string>;
}

const closeRule = (targets: string[], boundaries: string[]): ImpliedClose => ({
  targets: new Set(targets),
  boundaries: new Set(boundaries),
});

const paragraphRule = closeRule(["p"], [...defaultScope, "button"]);
const cellRule = closeRule(["td", "th"], ["table", "template", "html"]);
const sectionRule = closeRule(["tbody", "thead", "tfoot"], ["table", "template", "html"]);
const definitionRule = closeRule(["dd", "dt"], defaultScope);

/** Start tags that implicitly close an open element (a simplified tree-construction model). */
export const impliedCloses: ReadonlyMap<string, readonly ImpliedClose[]> = new Map([
  ["li", [closeRule(["li"], [...defaultScope, "ol", "ul"]), paragraphRule]],
  ["dd", [definitionRule, paragraphRule]],
  ["dt", [definitionRule, paragraphRule]],
  ["option", [closeRule(["option"], [...defaultScope, "select", "datalist"])]],
  ["optgroup", [closeRule(["option", "optgroup"], [...defaultScope, "select"])]],
  ["tr", [cellRule, closeRule(["tr"], ["table", "template", "html"])]],
  ["td", [cellRule]],
  ["th", [cellRule]],
  ["tbody", [cellRule, closeRule(["tr"], ["table", "template", "html"]), sectionRule]],
  ["thead", [cellRule, closeRule(["tr"], ["table", "template", "html"]), sectionRule]],
  ["tfoot", [cellRule, closeRule(["tr"], ["table", "template", "html"]), sectionRule]],
  ...[...closesParagraph].filter((name) => !["li", "dd", "dt"].includes(name)).map(
    (name) => [name, [paragraphRule]] as [string, readonly ImpliedClose[]],
  ),
]);
