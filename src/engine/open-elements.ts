// A light tree-builder simulator: the stack of open elements, with namespaces and the spec's breakout,
// integration-point and implied-close rules, so that our view of the tree matches a browser's where it matters.
//
// Every lookup is indexed (the positions of open elements by name), never a walk down the stack: hostile mail
// nests 100,000 elements deep, and a walk per tag would make the pass quadratic.

import {
  defaultScope,
  documentScope,
  foreignBreakoutElements,
  impliedCloses,
  mathIntegrationPoints,
  svgHtmlIntegrationPoints,
  tableParts,
  tableScope,
  voidElements,
} from "./html-elements.js";

export type Namespace = "html" | "svg" | "math";

export interface OpenElement {
  readonly name: string;
  readonly namespace: Namespace;
  readonly attributes: Readonly<Record<string, string>>;
  /** Why this element or an ancestor hides its content; undefined when visible. */
  readonly hiddenBy: string | undefined;
}


function isHtmlIntegrationPoint(element: OpenElement): boolean {
  if (element.namespace === "svg") return svgHtmlIntegrationPoints.has(element.name);
  if (element.namespace === "math") {
    if (mathIntegrationPoints.has(element.name)) return true;
    if (element.name !== "annotation-xml") return false;
    const encoding = (element.attributes["encoding"] ?? "").toLowerCase();
    return encoding === "text/html" || encoding === "application/xhtml+xml";
  }
  return false;
}

function breaksOutOfForeignContent(name: string, attributes: Readonly<Record<string, string>>): boolean {
  if (foreignBreakoutElements.has(name)) return true;
  return name === "font" && ("color" in attributes || "face" in attributes || "size" in attributes);
}

/** The last entry of a position list, or -1. */
function last(positions: readonly number[] | undefined): number {
  return positions === undefined || positions.length === 0 ? -1 : positions[positions.length - 1]!;
}

export class OpenElements {
  private readonly elements: OpenElement[] = [];
  /** Positions of open HTML elements by name, innermost last. */
  private readonly htmlByName = new Map<string, number[]>();
  /** Positions of open svg/math elements by name, innermost last. */
  private readonly foreignByName = new Map<string, number[]>();
  /** Positions of open HTML elements, and of open svg/math HTML integration points. */
  private readonly htmlElements: number[] = [];
  private readonly integrationPoints: number[] = [];

  constructor(initial: readonly OpenElement[] = []) {
    for (const element of initial) this.add(element);
  }

  /** The open elements, outermost first. Read-only: change it through the methods. */
  get stack(): readonly OpenElement[] {
    return this.elements;
  }

  get depth(): number {
    return this.elements.length;
  }

  get current(): OpenElement | undefined {
    return this.elements[this.elements.length - 1];
  }

  /** True when an HTML element of that name is open. */
  has(name: string): boolean {
    return last(this.htmlByName.get(name)) >= 0;
  }

  /** True when a start tag here would become an svg/math element (so `<style>` is not raw text). */
  isInForeignContent(): boolean {
    const current = this.current;
    return current !== undefined && current.namespace !== "html" && !isHtmlIntegrationPoint(current);
  }

  /** True when this start tag, here, would pop svg/math elements to break out into HTML. */
  breaksOut(name: string, attributes: Readonly<Record<string, string>>): boolean {
    return this.isInForeignContent() && breaksOutOfForeignContent(name, attributes);
  }

  /**
   * Applies what a start tag does to the open elements before it is inserted (breakout from foreign
   * content, implied end tags) and returns the namespace it will be inserted in.
   */
  prepareStartTag(name: string, attributes: Readonly<Record<string, string>>): Namespace {
    if (this.isInForeignContent()) {
      if (!breaksOutOfForeignContent(name, attributes)) return this.current?.namespace ?? "html";
      this.popUntilHtmlContext();
    }
    for (const rule of impliedCloses.get(name) ?? []) {
      const index = this.findInScope(rule.targets, rule.boundaries);
      if (index >= 0) this.popTo(index);
    }
    if (name === "svg") return "svg";
    if (name === "math") return "math";
    return "html";
  }

  /** Pushes an element unless it is void (or self-closed in foreign content). */
  push(element: OpenElement, selfClosing: boolean): boolean {
    if (element.namespace === "html" ? voidElements.has(element.name) : selfClosing) return false;
    this.add(element);
    return true;
  }

  /** Applies an end tag: pops up to and including the matching element, if one is open in scope. */
  end(name: string): void {
    if (this.isInForeignContent()) {
      if (name === "p" || name === "br") {
        this.popUntilHtmlContext();
      } else {
        // The nearest element of that name, unless an HTML element comes first (then HTML rules apply).
        const foreign = last(this.foreignByName.get(name));
        const index = Math.max(foreign, last(this.htmlByName.get(name)));
        if (index >= 0 && index >= last(this.htmlElements)) {
          this.popTo(index);
          return;
        }
      }
    }
    if (name === "br") return;
    const boundaries = name === "table" ? documentScope : tableParts.has(name) ? tableScope : defaultScope;
    const index = this.findInScope(new Set([name]), boundaries);
    if (index >= 0) this.popTo(index);
  }

  private add(element: OpenElement): void {
    const index = this.elements.length;
    this.elements.push(element);
    const byName = element.namespace === "html" ? this.htmlByName : this.foreignByName;
    const positions = byName.get(element.name);
    if (positions) positions.push(index);
    else byName.set(element.name, [index]);
    if (element.namespace === "html") this.htmlElements.push(index);
    else if (isHtmlIntegrationPoint(element)) this.integrationPoints.push(index);
  }

  /** Pops every element at `index` and above. */
  private popTo(index: number): void {
    while (this.elements.length > index) {
      const element = this.elements.pop()!;
      const position = this.elements.length;
      (element.namespace === "html" ? this.htmlByName : this.foreignByName).get(element.name)!.pop();
      if (last(this.htmlElements) === position) this.htmlElements.pop();
      if (last(this.integrationPoints) === position) this.integrationPoints.pop();
    }
  }

  private popUntilHtmlContext(): void {
    this.popTo(Math.max(last(this.htmlElements), last(this.integrationPoints)) + 1);
  }

  /** Index of the nearest open element named in `targets`, or -1 when a boundary (or the root) comes first. */
  private findInScope(targets: ReadonlySet<string>, boundaries: ReadonlySet<string>): number {
    let nearest = -1;
    for (const target of targets) nearest = Math.max(nearest, last(this.htmlByName.get(target)));
    if (nearest < 0) return -1;
    let wall = last(this.integrationPoints);
    for (const boundary of boundaries) {
      wall = Math.max(wall, last(this.htmlByName.get(boundary)), last(this.foreignByName.get(boundary)));
    }
    // `>=`: a boundary at the same position is the target itself (`</object>` closes an <object>).
    return nearest >= wall ? nearest : -1;
  }
}
