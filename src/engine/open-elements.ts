// A light tree-builder simulator: the stack of open elements, with namespaces and the spec's breakout,
// integration-point and implied-close rules, so that our view of the tree matches a browser's where it matters.
//
// Every lookup is indexed (the positions of open elements by name), never a walk down the stack: hostile mail
// nests 100,000 elements deep, and a walk per tag would make the pass quadratic.

import {
  type HtmlElementFacts,
  defaultScope,
  foreignBreakoutElements,
  headings,
  htmlElementFacts,
  mathIntegrationPoints,
  scopes,
  svgHtmlIntegrationPoints,
} from "./html-elements.js";
import type { OpenElement } from "./open-element.js";
import type { Hiding } from "./visibility.js";
import { attributeValue, type RawAttribute } from "./raw-tag.js";
import { summaryBits } from "./selector-match.js";

export type Namespace = "html" | "svg" | "math";



/** svg foreignObject/desc/title, math annotation-xml as HTML: their start-tag children are HTML. */
function isHtmlIntegrationPoint(element: OpenElement): boolean {
  if (element.namespace === "svg") return svgHtmlIntegrationPoints.has(element.name);
  if (element.namespace !== "math" || element.name !== "annotation-xml") return false;
  const encoding = (element.attribute("encoding") ?? "").toLowerCase();
  return encoding === "text/html" || encoding === "application/xhtml+xml";
}

/** math mi/mo/mn/ms/mtext: their start-tag children are HTML, except mglyph and malignmark. */
function isMathTextIntegrationPoint(element: OpenElement): boolean {
  return element.namespace === "math" && mathIntegrationPoints.has(element.name);
}

/** The foreign elements that bound every scope and are "special" (the spec lists them by namespace). */
function isForeignScopeWall(element: OpenElement): boolean {
  if (element.namespace === "svg") return svgHtmlIntegrationPoints.has(element.name);
  return element.namespace === "math" && (mathIntegrationPoints.has(element.name) || element.name === "annotation-xml");
}

const headingNames: readonly string[] = [...headings];

/** `<font>` breaks out of svg/math only with one of these. */
const fontBreakoutAttributes: ReadonlySet<string> = new Set(["color", "face", "size"]);

function breaksOutOfForeignContent(name: string, attributes: readonly RawAttribute[]): boolean {
  if (foreignBreakoutElements.has(name)) return true;
  return name === "font" && attributes.some((attribute) => fontBreakoutAttributes.has(attribute.name));
}

/** The last entry of a position list, or -1. */
function last(positions: readonly number[] | undefined): number {
  return positions === undefined || positions.length === 0 ? -1 : positions[positions.length - 1]!;
}

/** Pops the last entry of a position list when it is `position`. */
function popAt(positions: number[], position: number): void {
  if (positions.length > 0 && positions[positions.length - 1] === position) positions.pop();
}

const defaultScopeIndex = scopes.indexOf(defaultScope);

function copyPositions(byName: ReadonlyMap<string, readonly number[]>): Map<string, number[]> {
  const copy = new Map<string, number[]>();
  for (const [name, positions] of byName) if (positions.length > 0) copy.set(name, positions.slice());
  return copy;
}

/** The first entry greater than `after` of an ascending position list, or -1. */
function firstAfter(positions: readonly number[], after: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! > after) high = middle;
    else low = middle + 1;
  }
  return low < positions.length ? positions[low]! : -1;
}

/**
 * The open elements, following the HTML spec's tree-construction dispatcher: a token goes to the HTML rules
 * when the current node is HTML, or (start tags only) an HTML integration point, or a MathML text integration
 * point (except `mglyph`/`malignmark`), or `annotation-xml` for `<svg>`; otherwise to the rules for foreign
 * content. End tags at an integration point therefore take the foreign rules (`<svg><desc></desc>` pops the
 * desc), which is where a simpler model goes wrong (issue 6, item 1).
 */
/** Current nodes whose text the "in body" rules do not read (whitespace in a table, a select's options, the head). */
const textOutsideBody: ReadonlySet<string> = new Set(["table", "tbody", "thead", "tfoot", "tr", "colgroup", "select", "option", "optgroup", "head"]);

const nothingToReopen: readonly OpenElement[] = [];

/**
 * Removing an element from the middle of the stack rebuilds its indexes (O(depth)); past this depth it is not done
 * and the simpler reading stands (the element stays open), so hostile nesting stays linear.
 */
const maxRebuildDepth = 512;

/** The list of active formatting elements holds at most this many since its last marker (the oldest go). */
export const maxListed = 16;

/** Whether two formatting elements have the same attributes, in any order (the Noah's ark clause compares them). */
function sameAttributes(a: OpenElement, b: OpenElement): boolean {
  const left = a.rawAttributes;
  const right = b.rawAttributes;
  return left.length === right.length && left.every((attribute) => attributeValue(right, attribute.name) === attribute.value);
}

/** The elements whose end tags the spec's "generate implied end tags" closes. */
const impliedEndTags: ReadonlySet<string> = new Set(["dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc"]);

/** Special elements an open `<li>`, `<dd>` or `<dt>` closes across. */
const listItemPassable: ReadonlySet<string> = new Set(["address", "div", "p"]);

/** Current nodes whose content outside cells is foster-parented, and the tags that stay in them. */
const tableContexts: ReadonlySet<string> = new Set(["table", "tbody", "thead", "tfoot", "tr"]);
const stayInTable: ReadonlySet<string> = new Set([
  "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th", "table", "style", "script", "template", "form",
]);

export class OpenElements {
  private elements: OpenElement[] = [];
  /** Positions of open HTML elements by name, innermost last. */
  private htmlByName = new Map<string, number[]>();
  /** Positions of open svg/math elements by name, innermost last. */
  private foreignByName = new Map<string, number[]>();
  /** Positions of open HTML elements. */
  private htmlElements: number[] = [];
  /** Positions of open HTML integration points and MathML text integration points. */
  private integrationPoints: number[] = [];
  /** Positions of open foreign elements that bound every scope (svg title/desc/foreignObject, math mi...). */
  private scopeWalls: number[] = [];
  /** Positions of open "special" elements (HTML and foreign). */
  private specials: number[] = [];
  /** Per entry of `scopes`, the positions of the open HTML elements that bound it: a scope check is one look. */
  private boundaryPositions: number[][] = scopes.map(() => []);
  /** Positions of open HTML elements that set a table insertion mode (`HtmlElementFacts.tableMode`). */
  private tableModes: number[] = [];
  /** Positions of open special elements but address, div and p: an open `<li>`, `<dd>`, `<dt>` closes below them. */
  private listItemWalls: number[] = [];
  /**
   * The spec's list of active formatting elements, markers as null: a formatting element closed implicitly (by a
   * `</p>`, a cell's end) is reopened with its attributes before the content after it (`<p><b style="display:none">
   * x</p><img>` puts the img in a hidden <b>), up to the last marker (a cell, a caption, an object).
   */
  private formatting: (OpenElement | null)[] = [];
  /** The list of active formatting elements lost its oldest entry to `maxListed` ("new" until the engine is told). */
  private listOverflow: "new" | "told" | undefined;
  /** The lowest position whose ancestors the adoption agency changed since `takeMoved`, or -1. */
  private movedFrom = -1;
  /** The spec's form element pointer: the last `<form>` inserted, until a `</form>` (no template open). */
  private formPointer: OpenElement | undefined;
  /** Per entry of `formatting`, the position it was pushed at (it is open while the stack holds it there), or -1. */
  private formattingAt: number[] = [];
  /** Counts pushes and pops: an unchanged count means an unchanged stack. */
  private changes = 0;
  /** The document is in quirks mode: `<table>` does not close an open `<p>`. */
  quirks = true;
  /**
   * Depth of an open element the engine holds by its depth (the one being removed), or -1: no element at or below
   * it leaves the stack from the middle until it closes.
   */
  heldDepth = -1;
  /** Per open element from the bottom, the `summaryBits` of it and every element below (filled when asked). */
  private summaries: number[] = [];

  constructor(initial: readonly OpenElement[] = []) {
    for (const element of initial) this.add(element);
  }

  /**
   * A copy that changes independently. It copies the arrays whole, never element by element: a nested run (a
   * conditional comment) starts from a copy of a stack up to 512 deep, once per comment.
   */
  clone(): OpenElements {
    const copy = new OpenElements();
    copy.elements = this.elements.slice();
    copy.htmlByName = copyPositions(this.htmlByName);
    copy.foreignByName = copyPositions(this.foreignByName);
    copy.htmlElements = this.htmlElements.slice();
    copy.integrationPoints = this.integrationPoints.slice();
    copy.scopeWalls = this.scopeWalls.slice();
    copy.specials = this.specials.slice();
    copy.listItemWalls = this.listItemWalls.slice();
    copy.tableModes = this.tableModes.slice();
    copy.formatting = this.formatting.slice();
    copy.formattingAt = this.formattingAt.slice();
    copy.quirks = this.quirks;
    copy.formPointer = this.formPointer;
    copy.listOverflow = this.listOverflow;
    copy.boundaryPositions = this.boundaryPositions.map((positions) => positions.slice());
    copy.summaries = this.summaries.slice();
    return copy;
  }

  /** Changes whenever the stack changes (pushes and pops counted): for caching what is derived from it. */
  get version(): number {
    return this.changes;
  }

  /** The open elements, outermost first. Read-only: change it through the methods. */
  get stack(): readonly OpenElement[] {
    return this.elements;
  }

  /**
   * Where a start tag `name` would be foster-parented (HTML's "in table" mode: content in a `<table>` outside its
   * cells goes before the table): the position of that table, else -1. The element's real parent is the one below it.
   */
  fosterTable(name: string, attributes: readonly RawAttribute[]): number {
    // A <form> in a table is closed as soon as it opens, and a <colgroup> by any tag but <col>: look past them.
    let at = this.elements.length - 1;
    // At most one of each, and only right in a table: the stack may hold thousands of <colgroup> (never closed here).
    for (let steps = 0; steps < 2; steps++) {
      const element = this.elements[at];
      const below = this.elements[at - 1];
      if (element === undefined || element.namespace !== "html" || below === undefined || below.namespace !== "html") break;
      const closed = element.name === "form" ? tableContexts.has(below.name) : element.name === "colgroup" && name !== "col" && below.name === "table";
      if (!closed) break;
      at--;
    }
    const current = this.elements[at];
    if (current === undefined || current.namespace !== "html" || !tableContexts.has(current.name)) return -1;
    if (stayInTable.has(name) || (name === "input" && /^hidden$/i.test(attributeValue(attributes, "type") ?? ""))) return -1;
    return last(this.htmlByName.get("table"));
  }

  /** The union of the `summaryBits` of the open elements: which tags, classes and ids some of them may have. */
  summary(): number {
    const summaries = this.summaries;
    for (let i = summaries.length; i < this.elements.length; i++) summaries.push((summaries[i - 1] ?? 0) | summaryBits(this.elements[i]!));
    return summaries[summaries.length - 1] ?? 0;
  }

  get depth(): number {
    return this.elements.length;
  }

  get current(): OpenElement | undefined {
    return this.elements[this.elements.length - 1];
  }

  /** The current node's name when it is an HTML element, else "". */
  private currentHtmlName(): string {
    const current = this.elements[this.elements.length - 1];
    return current !== undefined && current.namespace === "html" ? current.name : "";
  }

  /** True when a `<select>` is open in scope (an `<input>` or `<select>` start tag closes it). */
  hasSelectInScope(): boolean {
    return this.selectInScope() >= 0;
  }

  private selectInScope(): number {
    return this.findNameInScope("select", defaultScopeIndex);
  }

  /** True when an HTML element of that name is open. */
  has(name: string): boolean {
    return last(this.htmlByName.get(name)) >= 0;
  }

  /** True when the current node is an HTML element (or nothing is open): `<![CDATA[` is then a bogus comment. */
  isInHtmlElement(): boolean {
    const current = this.current;
    return current === undefined || current.namespace === "html";
  }

  /**
   * True when an ordinary start tag here goes to the rules for foreign content (so `<style>` is an svg/math
   * element, not raw text). Every raw-text element name is ordinary in this sense.
   */
  isInForeignContent(): boolean {
    const current = this.current;
    return (
      current !== undefined &&
      current.namespace !== "html" &&
      !isHtmlIntegrationPoint(current) &&
      !isMathTextIntegrationPoint(current)
    );
  }

  /** True when this start tag goes to the rules for foreign content. */
  private startTagIsForeign(name: string): boolean {
    const current = this.current;
    if (current === undefined || current.namespace === "html" || isHtmlIntegrationPoint(current)) return false;
    if (isMathTextIntegrationPoint(current)) return name === "mglyph" || name === "malignmark";
    return !(current.namespace === "math" && current.name === "annotation-xml" && name === "svg");
  }

  /** True when this start tag, here, would pop svg/math elements to break out into HTML. */
  breaksOut(name: string, attributes: readonly RawAttribute[]): boolean {
    return this.startTagIsForeign(name) && breaksOutOfForeignContent(name, attributes);
  }

  /**
   * Applies what a start tag does to the open elements before it is inserted (breakout from foreign
   * content, implied end tags) and returns the namespace it will be inserted in.
   */
  prepareStartTag(name: string, attributes: readonly RawAttribute[], facts = htmlElementFacts(name)): Namespace {
    if (this.startTagIsForeign(name)) {
      if (!breaksOutOfForeignContent(name, attributes)) return this.current?.namespace ?? "html";
      this.popUntilHtmlContext();
    }
    if (this.currentHtmlName() === "head" && !facts.headContent) {
      this.popTo(this.depth - 1); // the "in head" rules' "anything else": the head closes, the body opens
    }
    if (facts.heading && headings.has(this.currentHtmlName())) {
      this.popTo(this.depth - 1); // a heading does not nest in a current heading
    }
    if (name === "option" || name === "optgroup") {
      // Only a current <option> closes (and in a select, a current <optgroup> for <optgroup>).
      if (this.currentHtmlName() === "option") this.popTo(this.depth - 1);
      if (name === "optgroup" && this.has("select") && this.currentHtmlName() === "optgroup") this.popTo(this.depth - 1);
    }
    if (facts.tablePartStart || name === "table") this.prepareTablePart(name);
    if (name === "li" || name === "dd" || name === "dt") this.closeListItem(name === "li" ? "li" : "dd", name === "li" ? "li" : "dt");
    // A second <a> runs the adoption agency on the open one, a second <nobr> in scope too; a <select> closes one.
    if (name === "a") this.closeListedLink();
    if (name === "nobr" && this.findNameInScope(name, defaultScopeIndex) >= 0) this.adoptionAgency(name);
    // A <select> or an <input> closes a <select> in scope (Chromium's select parsing).
    if (name === "select" || name === "input") {
      const select = this.selectInScope();
      if (select >= 0) this.popTo(select);
    }
    if ((name === "rb" || name === "rtc" || name === "rp" || name === "rt") && this.findNameInScope("ruby", defaultScopeIndex) >= 0) {
      this.generateImpliedEndTags(name === "rp" || name === "rt" ? "rtc" : "");
    }
    for (const rule of facts.impliedCloses) {
      // In quirks mode a <table> goes inside an open <p>; a <form> in a table is read by the table's rules.
      if ((name === "table" && this.quirks) || (name === "form" && this.inTableMode())) break;
      const index = this.findInScope(rule.targets, rule.scope);
      if (index >= 0) this.popTo(index);
    }
    if (name === "svg") return "svg";
    if (name === "math") return "math";
    return "html";
  }

  /**
   * What a table part's start tag (or `<table>`) does before the implied closes: in a table (outside its cells) it
   * clears the stack back to the table context, closing what was foster-parented there (`<table><p style=
   * "display:none">preheader<tr>` closes the `<p>`); a `<caption>` and a `<colgroup>` close; a `<table>` closes the
   * open table.
   */
  private prepareTablePart(name: string): void {
    const context = this.tableContext();
    if (context < 0) return;
    const contextName = this.elements[context]!.name;
    if (contextName === "caption") {
      if (name !== "table") this.popTo(context);
      return;
    }
    if (contextName === "colgroup") {
      if (name === "col") return;
      this.popTo(context);
      return this.prepareTablePart(name);
    }
    if (!tableContexts.has(contextName)) return; // in a cell: the cell rules close what they close
    this.popTo(context + 1);
    const table = name === "table" ? last(this.htmlByName.get("table")) : -1;
    if (table >= 0) this.popTo(table);
  }

  /**
   * Position of the innermost open element that decides how a table part is read (the spec's table insertion
   * modes): a table, a table section, a row, a cell, a caption or a column group; -1 when none (or a template,
   * whose content starts afresh) is open.
   */
  /** Whether a start tag here is read by the table insertion modes (in a table, a section or a row; not in a cell). */
  private inTableMode(): boolean {
    const context = this.tableContext();
    return context >= 0 && tableContexts.has(this.elements[context]!.name);
  }

  private tableContext(): number {
    const innermost = last(this.tableModes);
    return innermost >= 0 && this.elements[innermost]!.name === "template" ? -1 : innermost;
  }

  /**
   * An open `<li>` (for `<li>`), or `<dd>`/`<dt>` (for either), closes unless a special element other than address,
   * div and p is open above it (`<li><center style="display:none"><li>` nests the second item in the center).
   */
  private closeListItem(first: string, second: string): void {
    const nearest = Math.max(last(this.htmlByName.get(first)), last(this.htmlByName.get(second)));
    if (nearest >= 0 && nearest >= last(this.listItemWalls) && nearest > last(this.scopeWalls)) this.popTo(nearest);
  }

  /** Pops the elements whose end tags the spec implies (dd, dt, li, optgroup, option, p, rb, rp, rt, rtc) but `except`. */
  private generateImpliedEndTags(except: string): void {
    for (let name = this.currentHtmlName(); impliedEndTags.has(name) && name !== except; name = this.currentHtmlName()) {
      this.popTo(this.depth - 1);
    }
  }

  /** Pushes an element unless it is void (or self-closed in foreign content) or a start tag browsers ignore. */
  push(element: OpenElement, selfClosing: boolean): boolean {
    if (element.namespace === "html" ? element.facts.isVoid || this.ignores(element.name, element.facts) : selfClosing) {
      return false;
    }
    if (element.namespace === "html" && element.name === "form" && !this.has("template")) {
      this.formPointer = element;
      // In a table (outside its cells) a <form> is inserted and closed at once.
      if (this.inTableMode()) return false;
    }
    this.add(element);
    if (element.namespace === "html") {
      if (element.facts.formatting) this.addFormatting(element);
      else if (element.facts.formattingMarker) this.listFormatting(null, -1);
    }
    return true;
  }

  /** Adds a formatting element to the list; a fourth identical one since the last marker drops the oldest (Noah's ark). */
  private addFormatting(element: OpenElement): void {
    let same = 0;
    const marker = this.formatting.lastIndexOf(null, this.formatting.length - 1);
    if (this.formatting.length - marker > maxListed) {
      this.unlistFormatting(marker + 1);
      this.listOverflow ??= "new";
    }
    for (let index = this.formatting.length - 1; index >= 0; index--) {
      const entry = this.formatting[index];
      if (entry === null || entry === undefined) break;
      if (entry.name === element.name && sameAttributes(entry, element) && ++same === 3) {
        this.unlistFormatting(index);
        break;
      }
    }
    this.listFormatting(element, this.elements.length - 1);
  }

  private listFormatting(element: OpenElement | null, at: number): void {
    this.formatting.push(element);
    this.formattingAt.push(at);
  }

  private unlistFormatting(index: number): void {
    this.formatting.splice(index, 1);
    this.formattingAt.splice(index, 1);
  }

  /** Whether entry `index` of the list is a formatting element that is open (not a marker, not closed). */
  private isListedOpen(index: number): boolean {
    const entry = this.formatting[index];
    return entry === null || entry === undefined || this.elements[this.formattingAt[index]!] === entry;
  }

  /**
   * The formatting elements to reopen before content here: those closed implicitly since the last marker or the last
   * one still open, oldest first (the spec's "reconstruct the active formatting elements"; at most `maxListed`).
   */
  formattingToReopen(): readonly OpenElement[] {
    const list = this.formatting;
    if (list.length === 0 || this.isListedOpen(list.length - 1)) return nothingToReopen;
    let first = list.length - 1;
    while (first > 0 && !this.isListedOpen(first - 1)) first--;
    return list.slice(first) as OpenElement[];
  }

  /** True once, the first time the list of active formatting elements outgrew its limit (for a warning). */
  takeListOverflow(): boolean {
    if (this.listOverflow !== "new") return false;
    this.listOverflow = "told";
    return true;
  }

  /** Whether text here is read by the "in body" rules, which reopen formatting elements (not in a table or select). */
  readsTextInBody(): boolean {
    if (this.formatting.length === 0 || this.isListedOpen(this.formatting.length - 1)) return false; // nothing to reopen
    const current = this.current;
    if (current === undefined) return true;
    if (current.namespace !== "html") return !this.isInForeignContent();
    return !textOutsideBody.has(current.name);
  }

  /** Pushes `copy`, reopening the formatting element `entry` (its place in the list goes to the copy). */
  reopen(entry: OpenElement, copy: OpenElement): void {
    this.add(copy);
    const index = this.formatting.lastIndexOf(entry);
    if (index < 0) return;
    this.formatting[index] = copy;
    this.formattingAt[index] = this.elements.length - 1;
  }

  /** The newest formatting element named `name` listed since the last marker, if any. */
  private listedSinceMarker(name: string): OpenElement | undefined {
    for (let index = this.formatting.length - 1; index >= 0; index--) {
      const entry = this.formatting[index];
      if (entry === null || entry === undefined) return undefined;
      if (entry.name === name) return entry;
    }
    return undefined;
  }

  /** `<a>` while an `<a>` is listed since the last marker: the adoption agency closes it, and it leaves the stack. */
  private closeListedLink(): void {
    const listed = this.listedSinceMarker("a");
    if (listed === undefined) return;
    this.adoptionAgency("a");
    this.forgetFormatting(listed);
    this.removeAt(this.elements.lastIndexOf(listed));
  }

  /** Takes `element` out of the list of active formatting elements (closed by its end tag, or by the adoption agency). */
  private forgetFormatting(element: OpenElement | undefined): void {
    const index = element === undefined ? -1 : this.formatting.lastIndexOf(element);
    if (index >= 0) this.unlistFormatting(index);
  }

  /**
   * HTML start tags the tree builder ignores here: a second `<html>`, `<head>` or `<body>` (merged into the
   * document's), table parts outside a table, and `<frameset>`.
   */
  private ignores(name: string, facts: HtmlElementFacts): boolean {
    if (name === "html") return this.depth > 0;
    // Ignored once anything has made a frameset impossible (text, `<hr>`, `<img>`: "frameset-ok"); else it replaces
    // the body, and nothing after it but frames is built or shown. Either way nothing is opened to hold what follows,
    // so the rest is read as body content: more than a browser shows, never less.
    if (name === "frameset") return true;
    // A <form> while the form element pointer is set (a form not yet ended by `</form>`, open or closed implicitly).
    if (name === "form") return this.formPointer !== undefined && !this.has("template");
    // (`<body>` has closed a current `<head>` already: only an `<html>` may be open below a new head or body.)
    if (name === "head" || name === "body") return this.depth > 1 || (this.depth === 1 && this.elements[0]!.name !== "html");
    return facts.tablePartStart && !this.has("table") && !this.has("template");
  }

  /** Applies an end tag. */
  end(name: string, facts = htmlElementFacts(name)): void {
    const current = this.current;
    if (current !== undefined && current.namespace !== "html") {
      // The rules for foreign content, integration points included.
      if (name === "p" || name === "br") {
        this.popUntilHtmlContext();
      } else {
        // The nearest svg/math element of that name above the nearest HTML element closes; else HTML rules.
        const foreign = last(this.foreignByName.get(name));
        if (foreign >= 0 && foreign > last(this.htmlElements)) {
          this.popTo(foreign);
          return;
        }
      }
    }
    this.endInHtml(name, facts);
  }

  /** The HTML rules for an end tag ("in body", with the table modes' scopes). */
  private endInHtml(name: string, facts: HtmlElementFacts): void {
    if (name === "br" || name === "body" || name === "html") return; // `</body>` only switches the insertion mode
    if (name === "head") {
      if (this.current?.name === "head") this.popTo(this.depth - 1);
      return;
    }
    if (facts.formatting) {
      this.adoptionAgency(name);
      return;
    }
    if (name === "form" && !this.has("template")) {
      this.closeForm();
      return;
    }
    if (facts.heading) {
      const index = this.findInScope(headingNames, defaultScopeIndex);
      if (index >= 0) this.popTo(index);
      return;
    }
    if (facts.endTagScope >= 0) {
      const index = this.findNameInScope(name, facts.endTagScope);
      if (index >= 0) this.popTo(index);
      return;
    }
    this.anyOtherEndTag(name);
  }

  /** "Any other end tag": the nearest HTML element of that name closes, unless a special element comes first. */
  private anyOtherEndTag(name: string): void {
    const index = last(this.htmlByName.get(name));
    if (index >= 0 && index >= last(this.specials)) this.popTo(index);
  }

  /**
   * The adoption agency's effect on the stack, simplified: the formatting element closes; special elements
   * above it (its "furthest blocks") stay open, and what is above the last of them closes. The spec moves the
   * formatting element past up to eight such blocks; past that, the stack above stays as it is.
   */
  private adoptionAgency(name: string): void {
    const formatting = last(this.htmlByName.get(name));
    if (formatting < 0) {
      // Closed implicitly and still listed: the end tag takes it out of the list, so it is not reopened.
      this.forgetFormatting(this.listedSinceMarker(name));
      return;
    }
    if (this.findNameInScope(name, defaultScopeIndex) !== formatting) return; // not in scope: ignored
    this.forgetFormatting(this.elements[formatting]);
    let block = firstAfter(this.specials, formatting);
    if (block < 0) {
      this.popTo(formatting);
      return;
    }
    for (let hops = 1; hops < 8; hops++) {
      const next = firstAfter(this.specials, block);
      if (next < 0) {
        this.popTo(block + 1);
        this.reparentBlocks(formatting);
        return;
      }
      block = next;
    }
  }

  /**
   * The rest of the adoption agency, once what is above the last furthest block has closed: the formatting element
   * at `formatting` leaves the stack, and so does every element between it and a furthest block that is neither
   * special nor a formatting element (those stay, as the clones the spec makes). The blocks are re-parented:
   * `<b style="display:none"><p>x</b><img>` puts the img in a `<p>` outside the hidden `<b>`, so what each kept
   * element inherited from a removed one is inherited from its new parent instead.
   */
  private reparentBlocks(formatting: number): void {
    if (this.elements.length > maxRebuildDepth) return; // past it, the formatting element stays (bounded work)
    const kept = this.elements.slice(0, formatting);
    for (let index = formatting + 1; index < this.elements.length; index++) {
      const element = this.elements[index]!;
      if (element.namespace === "html" ? element.facts.special || element.facts.formatting : isForeignScopeWall(element)) kept.push(element);
    }
    this.rebuild(kept);
    // Each element from there up stands under new ancestors: its rules and hiding are to be read again.
    this.movedFrom = this.movedFrom < 0 ? formatting : Math.min(this.movedFrom, formatting);
  }

  /**
   * The position from which the open elements stand under new ancestors since the last call (the adoption agency
   * moved them), or -1: the engine reads their rules and hiding again (`replaceHiding`), as it knows the rules.
   */
  takeMoved(): number {
    const from = Math.min(this.movedFrom, this.elements.length);
    this.movedFrom = -1;
    return from;
  }

  /** Gives the open element at `index` another hiding (a copy takes its place, in the stack and in the list). */
  replaceHiding(index: number, hiding: Hiding | undefined): void {
    const element = this.elements[index];
    if (element === undefined || element.hiding === hiding) return;
    const moved = element.withHiding(hiding);
    this.elements[index] = moved;
    const listed = this.formatting.lastIndexOf(element);
    if (listed >= 0) this.formatting[listed] = moved;
    this.changes++;
  }


  /** `</form>` (no template open): the form leaves the stack, what it holds stays open (the tree is unchanged). */
  private closeForm(): void {
    const pointer = this.formPointer;
    this.formPointer = undefined;
    const form = pointer === undefined ? -1 : this.elements.lastIndexOf(pointer);
    if (form < 0 || this.inScope(form, defaultScopeIndex) !== form) return;
    if (form === this.depth - 1) this.popTo(form);
    else this.removeAt(form);
  }

  /** Takes the open element at `index` (not the current one) out of the stack, what is above it staying open. */
  private removeAt(index: number): void {
    if (index < 0 || this.elements.length > maxRebuildDepth) return;
    this.rebuild([...this.elements.slice(0, index), ...this.elements.slice(index + 1)]);
  }

  /** Replaces the open elements (a removal from the middle: rare, so the indexes are built again, not patched). */
  private rebuild(elements: readonly OpenElement[]): void {
    // The element the engine holds by its depth keeps being found: at its new depth, or past the end once it left.
    const held = this.heldDepth >= 0 ? this.elements[this.heldDepth] : undefined;
    if (held !== undefined) {
      const at = elements.indexOf(held);
      this.heldDepth = at >= 0 ? at : elements.length;
    }
    const fresh = new OpenElements(elements);
    this.elements = fresh.elements;
    this.htmlByName = fresh.htmlByName;
    this.foreignByName = fresh.foreignByName;
    this.htmlElements = fresh.htmlElements;
    this.integrationPoints = fresh.integrationPoints;
    this.scopeWalls = fresh.scopeWalls;
    this.specials = fresh.specials;
    this.listItemWalls = fresh.listItemWalls;
    this.tableModes = fresh.tableModes;
    this.boundaryPositions = fresh.boundaryPositions;
    this.summaries = [];
    // What the list holds may sit elsewhere now.
    const positions = new Map(this.elements.map((element, position) => [element, position]));
    this.formattingAt = this.formatting.map((entry) => (entry === null ? -1 : (positions.get(entry) ?? -1)));
    this.changes += fresh.changes;
  }

  private add(element: OpenElement): void {
    this.changes++;
    const index = this.elements.length;
    this.elements.push(element);
    const byName = element.namespace === "html" ? this.htmlByName : this.foreignByName;
    const positions = byName.get(element.name);
    if (positions) positions.push(index);
    else byName.set(element.name, [index]);
    if (element.namespace === "html") {
      this.htmlElements.push(index);
      const { special, boundaryMask } = element.facts;
      if (special) this.specials.push(index);
      if (special && !listItemPassable.has(element.name)) this.listItemWalls.push(index);
      if (element.facts.tableMode) this.tableModes.push(index);
      if (boundaryMask !== 0) {
        for (let scope = 0; scope < scopes.length; scope++) if (boundaryMask & (1 << scope)) this.boundaryPositions[scope]!.push(index);
      }
      return;
    }
    if (isHtmlIntegrationPoint(element) || isMathTextIntegrationPoint(element)) this.integrationPoints.push(index);
    if (isForeignScopeWall(element)) {
      this.scopeWalls.push(index);
      this.specials.push(index);
    }
  }

  /** Pops every element at `index` and above. */
  private popTo(index: number): void {
    if (this.summaries.length > index) this.summaries.length = index;
    while (this.elements.length > index) {
      this.changes++;
      const element = this.elements.pop()!;
      const position = this.elements.length;
      if (element.namespace === "html" && element.facts.formattingMarker) this.clearFormattingToMarker();
      (element.namespace === "html" ? this.htmlByName : this.foreignByName).get(element.name)!.pop();
      // One by one, not a loop over a fresh array: this runs for every element closed.
      popAt(this.htmlElements, position);
      popAt(this.integrationPoints, position);
      popAt(this.scopeWalls, position);
      popAt(this.specials, position);
      popAt(this.listItemWalls, position);
      popAt(this.tableModes, position);
      // Only HTML elements that bound a scope are listed there.
      if (element.namespace === "html" && element.facts.boundaryMask !== 0) {
        for (const positions of this.boundaryPositions) popAt(positions, position);
      }
    }
  }

  /** A cell, caption or object closes: the formatting elements listed since its marker are not reopened past it. */
  private clearFormattingToMarker(): void {
    if (this.formatting[this.formatting.length - 1] === null) {
      // Nothing listed since the marker (the usual cell): only the marker goes.
      this.formatting.pop();
      this.formattingAt.pop();
      return;
    }
    const marker = Math.max(this.formatting.lastIndexOf(null), 0);
    this.formatting.length = marker;
    this.formattingAt.length = marker;
  }

  /** Pops until the current node is HTML, an HTML integration point or a MathML text integration point. */
  private popUntilHtmlContext(): void {
    this.popTo(Math.max(last(this.htmlElements), last(this.integrationPoints)) + 1);
  }

  /**
   * Index of the nearest open HTML element named in `targets`, or -1 when a boundary of the scope (`scopes[scope]`)
   * or the root comes first.
   */
  private findInScope(targets: readonly string[], scope: number): number {
    let nearest = -1;
    for (const target of targets) nearest = Math.max(nearest, last(this.htmlByName.get(target)));
    return this.inScope(nearest, scope);
  }

  /** `findInScope` for one name (every end tag asks, so no list is made for it). */
  private findNameInScope(name: string, scope: number): number {
    return this.inScope(last(this.htmlByName.get(name)), scope);
  }

  /** `nearest` (a position, or -1) when no boundary of `scopes[scope]` (or scope wall) is open above it, else -1. */
  private inScope(nearest: number, scope: number): number {
    if (nearest < 0) return -1;
    let wall = last(this.scopeWalls);
    wall = Math.max(wall, last(this.boundaryPositions[scope]));
    // `>=`: a boundary at the same position is the target itself (`</object>` closes an <object>).
    return nearest >= wall ? nearest : -1;
  }
}
