// The `Element` detectors see: plain data, with the costly parts (resources, style) computed on first use.

import type { Ancestor, Element, Preset, StyleDeclaration } from "../types.js";
import { resolveUrl } from "../url/resolve-url.js";
import { mayHaveResources } from "./config.js";
import type { OpenElement } from "./open-element.js";
import type { Namespace } from "./open-elements.js";
import { attributeResources, type LocatedResource } from "./resources.js";
import { inlineStyle } from "./visibility.js";

export interface ElementContext {
  readonly ancestors: readonly OpenElement[];
  readonly inConditionalComment: boolean;
  /** The first `<base href>` as written (resources resolve it per document scheme). */
  readonly baseHref: string | undefined;
  readonly recipients: readonly string[];
  /** `recipients` in the caller's case. */
  readonly recipientsAsGiven: readonly string[];
  readonly preset: Preset;
}

/** No more resources: one function for every view that has none (a default parameter would make one per view). */
const noMoreResources = (): readonly LocatedResource[] => [];

export class ElementView implements Element {
  readonly name: string;
  readonly namespace: Namespace;
  readonly hiddenBy: string | undefined;
  private cachedResources: LocatedResource[] | undefined;
  private cachedStyle: readonly StyleDeclaration[] | undefined;
  private cachedAncestors: readonly Ancestor[] | undefined;
  private cachedMayHaveResources: boolean | undefined;

  constructor(
    /** The element as the engine keeps it open: its name, namespace, attributes and hidden state. */
    private readonly element: OpenElement,
    private readonly context: ElementContext,
    readonly offset: number,
    /** More resources (a <style> element's sheet), computed only if a detector asks. */
    private readonly moreResources: () => readonly LocatedResource[] = noMoreResources,
    parsedStyle?: readonly StyleDeclaration[],
    readonly sheetStyle: readonly StyleDeclaration[] = [],
    readonly sheetStyleOnSomeScreens: readonly StyleDeclaration[] = [],
  ) {
    this.name = element.name;
    this.namespace = element.namespace;
    this.hiddenBy = element.hiddenBy;
    this.cachedStyle = parsedStyle;
  }

  get attributes(): Readonly<Record<string, string>> {
    return this.element.attributes;
  }

  attribute(name: string): string | undefined {
    return this.element.attribute(name);
  }

  /** The same element, with more resources (a <style> element's sheet, once its text is complete). */
  withResources(more: () => readonly LocatedResource[]): ElementView {
    return new ElementView(
      this.element,
      this.context,
      this.offset,
      more,
      this.cachedStyle,
      this.sheetStyle,
      this.sheetStyleOnSomeScreens,
    );
  }

  get resources(): readonly LocatedResource[] {
    if (this.cachedResources === undefined) {
      const own = attributeResources(this.name, this.namespace, this.element.rawAttributes, this.context.baseHref);
      const more = this.moreResources();
      this.cachedResources = more.length === 0 ? own : [...own, ...more];
    }
    return this.cachedResources;
  }

  /** False only when the element cannot have a resource (see `mayHaveResources`); asked once. */
  get mayHaveResources(): boolean {
    this.cachedMayHaveResources ??= mayHaveResources(this.name, this.element.rawAttributes);
    return this.cachedMayHaveResources;
  }

  get style(): readonly StyleDeclaration[] {
    this.cachedStyle ??= inlineStyle(this.attribute("style"));
    return this.cachedStyle;
  }

  /** The engine's live stack of open ancestors: for matching rules during judgement only (never kept). */
  get openAncestors(): readonly Ancestor[] {
    return this.context.ancestors;
  }

  get ancestors(): readonly Ancestor[] {
    // A copy: the engine's stack moves on after detection.
    this.cachedAncestors ??= this.context.ancestors.slice();
    return this.cachedAncestors;
  }

  get inConditionalComment(): boolean {
    return this.context.inConditionalComment;
  }

  get baseHref(): string | undefined {
    const href = this.context.baseHref;
    return href === undefined ? undefined : resolveUrl(href, undefined);
  }

  get recipients(): readonly string[] {
    return this.context.recipients;
  }

  get recipientsAsGiven(): readonly string[] {
    return this.context.recipientsAsGiven;
  }

  get preset(): Preset {
    return this.context.preset;
  }
}
