// A light tree-builder simulator: the stack of open elements, with namespaces and the spec's breakout,
// integration-point and implied-close rules, so that our view of the tree matches a browser's where it matters.

import {
  foreignBreakoutElements,
  impliedCloses,
  mathIntegrationPoints,
  svgHtmlIntegrationPoints,
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

const tableScope: ReadonlySet<string> = new Set(["table", "template", "html"]);
const tableParts: ReadonlySet<string> = new Set(["tbody", "thead", "tfoot", "tr", "td", "th", "caption"]);
const defaultScope: ReadonlySet<string> = new Set([
  "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
]);

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

export class OpenElements {
  readonly stack: OpenElement[];

  constructor(initial: readonly OpenElement[] = []) {
    this.stack = [...initial];
  }

  get depth(): number {
    return this.stack.length;
  }

  get current(): OpenElement | undefined {
    return this.stack[this.stack.length - 1];
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
      if (index >= 0) this.stack.length = index;
    }
    if (name === "svg") return "svg";
    if (name === "math") return "math";
    return "html";
  }

  /** Pushes an element unless it is void (or self-closed in foreign content). */
  push(element: OpenElement, selfClosing: boolean): boolean {
    if (element.namespace === "html" ? voidElements.has(element.name) : selfClosing) return false;
    this.stack.push(element);
    return true;
  }

  /** Applies an end tag: pops up to and including the matching element, if one is open in scope. */
  end(name: string): void {
    if (this.isInForeignContent()) {
      if (name === "p" || name === "br") {
        this.popUntilHtmlContext();
      } else {
        for (let i = this.stack.length - 1; i >= 0; i--) {
          const element = this.stack[i]!;
          if (element.name === name) {
            this.stack.length = i;
            return;
          }
          if (element.namespace === "html") break;
        }
      }
    }
    if (name === "br") return;
    const boundaries = tableParts.has(name) || name === "table" ? tableScope : defaultScope;
    const index = this.findInScope(new Set([name]), name === "table" ? new Set(["template", "html"]) : boundaries);
    if (index >= 0) this.stack.length = index;
  }

  private popUntilHtmlContext(): void {
    while (this.isInForeignContent()) this.stack.pop();
  }

  /** Index of the nearest open element named in `targets`, or -1 when a boundary (or the root) comes first. */
  private findInScope(targets: ReadonlySet<string>, boundaries: ReadonlySet<string>): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const element = this.stack[i]!;
      if (element.namespace === "html" && targets.has(element.name)) return i;
      if (boundaries.has(element.name) || (element.namespace !== "html" && isHtmlIntegrationPoint(element))) {
        return -1;
      }
    }
    return -1;
  }
}
