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

/**
 * The spec's "special" category: an HTML end tag that is not otherwise handled ("any other end tag") stops at
 * the first of these; the adoption agency's "furthest block" is one of these. (The foreign ones, svg
 * foreignObject/desc/title and MathML mi/mo/mn/ms/mtext/annotation-xml, are tracked by the simulator itself.)
 */
export const specialElements: ReadonlySet<string> = new Set([
  "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
  "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset",
  "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
  "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu",
  "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script",
  "search", "section", "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea",
  "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
]);

/** End tags run through the adoption agency algorithm (formatting elements). */
export const formattingElements: ReadonlySet<string> = new Set([
  "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
]);

/** The elements that set a table insertion mode, and a template (whose content is read afresh). */
const tableModeElements: ReadonlySet<string> = new Set(["table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "template"]);

/** Elements whose start tag puts a marker in the list of active formatting elements (reopened no further back). */
const formattingMarkers: ReadonlySet<string> = new Set(["applet", "object", "marquee", "td", "th", "caption", "template"]);

/**
 * Start tags that do not reopen the formatting elements closed implicitly before them (the "in body" rules that
 * skip "reconstruct the active formatting elements"); every other start tag does, and so does text.
 */
const keepsFormattingClosed: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
  "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
  "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "li", "dd", "dt", "plaintext",
  "table", "hr", "textarea", "iframe", "noembed", "noscript", "html", "body", "head", "frameset", "base",
  "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template", "title", "caption", "col",
  "colgroup", "frame", "tbody", "td", "tfoot", "th", "thead", "tr", "rb", "rtc", "rp", "rt", "param", "source",
  "track",
]);


/** End tags that close the named element only when it is in scope ("has an element in scope"). */
export const scopedEndTags: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl",
  "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "listing", "main", "menu", "nav", "ol",
  "pre", "search", "section", "summary", "ul", "p", "li", "dd", "dt", "applet", "marquee", "object", "template",
  "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "select",
]);

/** What may stay in `<head>`: any other start tag closes it (the "in head" rules' "anything else"). */
export const headContent: ReadonlySet<string> = new Set([
  "base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style", "script", "template",
]);

/** Table parts: the "in body" rules ignore their start tags outside a table (or template). */
export const tablePartStartTags: ReadonlySet<string> = new Set([
  "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
]);

export const headings: ReadonlySet<string> = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

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
  "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];
export const defaultScope: ReadonlySet<string> = new Set(defaultScopeNames);
/** The scope of table parts (`</tr>`, `</td>`, ...). */
export const tableScope: ReadonlySet<string> = new Set(["table", "template", "html"]);
/** The scope of `</table>`. */
export const documentScope: ReadonlySet<string> = new Set(["template", "html"]);
export const tableParts: ReadonlySet<string> = new Set(["tbody", "thead", "tfoot", "tr", "td", "th", "caption"]);

/** What a start tag closes implicitly: the nearest open element named in `targets`, unless a boundary comes first. */
export interface ImpliedClose {
  readonly targets: readonly string[];
  readonly boundaries: ReadonlySet<string>;
  /** Index of `boundaries` in `scopes`. */
  readonly scope: number;
}

/** The scope of `</p>` and of the "close a p element" rule. */
export const buttonScope: ReadonlySet<string> = new Set([...defaultScopeNames, "button"]);
/** The scope of `</li>`. */
export const listItemScope: ReadonlySet<string> = new Set([...defaultScopeNames, "ol", "ul"]);

/** Every scope an end tag or an implied close asks about (the simulator indexes its open elements by them). */
export const scopes: readonly ReadonlySet<string>[] = [defaultScope, buttonScope, listItemScope, tableScope, documentScope];

const closeRule = (targets: string[], boundaries: ReadonlySet<string>): ImpliedClose => ({
  targets,
  boundaries,
  scope: scopes.indexOf(boundaries),
});

const paragraphRule = closeRule(["p"], buttonScope);
const cellRule = closeRule(["td", "th"], tableScope);
const rowRule = closeRule(["tr"], tableScope);
const sectionRule = closeRule(["tbody", "thead", "tfoot"], tableScope);

/** Start tags that implicitly close an open element (a simplified tree-construction model). */
export const impliedCloses: ReadonlyMap<string, readonly ImpliedClose[]> = new Map([
  // An open <li>, <dd> or <dt> closes unless a special element other than address, div and p comes first: the
  // simulator decides that itself (`closeListItem`).
  ["li", [paragraphRule]],
  ["dd", [paragraphRule]],
  ["dt", [paragraphRule]],
  ["button", [closeRule(["button"], defaultScope)]],
  ["tr", [cellRule, rowRule]],
  ["td", [cellRule]],
  ["th", [cellRule]],
  ["tbody", [cellRule, rowRule, sectionRule]],
  ["thead", [cellRule, rowRule, sectionRule]],
  ["tfoot", [cellRule, rowRule, sectionRule]],
  ...["caption", "colgroup", "col"].map((name) => [name, [cellRule, rowRule, sectionRule]] as [string, readonly ImpliedClose[]]),
  ...[...closesParagraph].filter((name) => !["li", "dd", "dt"].includes(name)).map(
    (name) => [name, [paragraphRule]] as [string, readonly ImpliedClose[]],
  ),
]);

/**
 * What the tree simulator asks about an HTML element by its name, found with one map lookup per tag instead of a
 * set lookup per question (a start tag asked up to ten).
 */
export interface HtmlElementFacts {
  /**
   * The name as this table holds it, undefined for a name it does not list. Taken in place of a name sliced from
   * the input, it makes every later lookup by that name (tree, detectors, style rules) compare one pointer.
   */
  readonly name: string | undefined;
  readonly isVoid: boolean;
  readonly special: boolean;
  readonly formatting: boolean;
  readonly heading: boolean;
  readonly headContent: boolean;
  readonly tablePartStart: boolean;
  /** It sets a table insertion mode (table, section, row, cell, caption, column group), or is a template. */
  readonly tableMode: boolean;
  /** Its start tag puts a marker in the list of active formatting elements (`formattingMarkers`). */
  readonly formattingMarker: boolean;
  /** Its start tag reopens the formatting elements closed implicitly before it (most do; `keepsFormattingClosed`). */
  readonly reopensFormatting: boolean;
  readonly impliedCloses: readonly ImpliedClose[];
  /** Index in `scopes` of the scope its end tag must find it in (`scopedEndTags`), or -1. */
  readonly endTagScope: number;
  /** The scopes it bounds: one bit per entry of `scopes`. */
  readonly boundaryMask: number;
}

function endTagScopeOf(name: string): ReadonlySet<string> | undefined {
  if (!scopedEndTags.has(name)) return undefined;
  if (name === "table") return documentScope;
  if (tableParts.has(name)) return tableScope;
  if (name === "p") return buttonScope;
  if (name === "li") return listItemScope;
  return defaultScope;
}

function factsOf(name: string): HtmlElementFacts {
  const endTagScope = endTagScopeOf(name);
  let boundaryMask = 0;
  scopes.forEach((scope, index) => {
    if (scope.has(name)) boundaryMask |= 1 << index;
  });
  return {
    name: name === "" ? undefined : name,
    isVoid: voidElements.has(name),
    special: specialElements.has(name),
    formatting: formattingElements.has(name),
    heading: headings.has(name),
    headContent: headContent.has(name),
    tablePartStart: tablePartStartTags.has(name),
    tableMode: tableModeElements.has(name),
    formattingMarker: formattingMarkers.has(name),
    reopensFormatting: !keepsFormattingClosed.has(name),
    impliedCloses: impliedCloses.get(name) ?? [],
    endTagScope: endTagScope === undefined ? -1 : scopes.indexOf(endTagScope),
    boundaryMask,
  };
}

/** Names of no list above that mail uses often: listed here only so that `name` interns them too. */
const commonMailElements = ["option", "optgroup", "span", "label", "abbr", "v:roundrect", "v:rect", "v:fill", "v:textbox", "o:p", "svg", "math"];

/** The facts of every name some list above holds; any other name has the facts of none. */
const factsByName: ReadonlyMap<string, HtmlElementFacts> = new Map(
  [
    ...voidElements, ...specialElements, ...formattingElements, ...headings, ...headContent, ...tablePartStartTags,
    ...impliedCloses.keys(), ...scopedEndTags, ...scopes.flatMap((scope) => [...scope]), ...rawTextElements,
    ...foreignBreakoutElements, ...keepsFormattingClosed, ...commonMailElements,
  ].map((name) => [name, factsOf(name)]),
);
const unlistedFacts = factsOf("");

export function htmlElementFacts(name: string): HtmlElementFacts {
  return factsByName.get(name) ?? unlistedFacts;
}
