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
const closesParagraph: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
  "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary", "table",
  "ul", "xmp", "li", "dd", "dt",
]);

/**
 * Elements an implied close or an end tag cannot reach past (the spec's "has an element in scope"). The svg/math
 * HTML integration points bound every scope too; the simulator tracks those itself.
 */
const defaultScopeNames = [
  "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "annotation-xml",
];
export const defaultScope: ReadonlySet<string> = new Set(defaultScopeNames);
/** The scope of table parts (`</tr>`, `</td>`, ...). */
export const tableScope: ReadonlySet<string> = new Set(["table", "template", "html"]);
/** The scope of `</table>`. */
export const documentScope: ReadonlySet<string> = new Set(["template", "html"]);
export const tableParts: ReadonlySet<string> = new Set(["tbody", "thead", "tfoot", "tr", "td", "th", "caption"]);

/** What a start tag closes implicitly: the nearest open element named in `targets`, unless a boundary comes first. */
export interface ImpliedClose {
  readonly targets: ReadonlySet<string>;
  readonly boundaries: ReadonlySet<string>;
}

const closeRule = (targets: string[], boundaries: Iterable<string>): ImpliedClose => ({
  targets: new Set(targets),
  boundaries: new Set(boundaries),
});

const paragraphRule = closeRule(["p"], [...defaultScopeNames, "button"]);
const cellRule = closeRule(["td", "th"], tableScope);
const rowRule = closeRule(["tr"], tableScope);
const sectionRule = closeRule(["tbody", "thead", "tfoot"], tableScope);
const definitionRule = closeRule(["dd", "dt"], defaultScopeNames);

/** Start tags that implicitly close an open element (a simplified tree-construction model). */
export const impliedCloses: ReadonlyMap<string, readonly ImpliedClose[]> = new Map([
  ["li", [closeRule(["li"], [...defaultScopeNames, "ol", "ul"]), paragraphRule]],
  ["dd", [definitionRule, paragraphRule]],
  ["dt", [definitionRule, paragraphRule]],
  ["option", [closeRule(["option"], [...defaultScopeNames, "select", "datalist"])]],
  ["optgroup", [closeRule(["option", "optgroup"], [...defaultScopeNames, "select"])]],
  ["tr", [cellRule, rowRule]],
  ["td", [cellRule]],
  ["th", [cellRule]],
  ["tbody", [cellRule, rowRule, sectionRule]],
  ["thead", [cellRule, rowRule, sectionRule]],
  ["tfoot", [cellRule, rowRule, sectionRule]],
  ...[...closesParagraph].filter((name) => !["li", "dd", "dt"].includes(name)).map(
    (name) => [name, [paragraphRule]] as [string, readonly ImpliedClose[]],
  ),
]);
