// An element on the stack of open elements. Its attributes stay the list the tokenizer collected: the engine
// reads them by name (two or three names per element), and the record the public `Ancestor` and `Element`
// types promise is built only when something reads it: a record costs ten times a lookup, and most elements
// are never asked for one.

import type { Ancestor } from "../types.js";
import { type HtmlElementFacts, htmlElementFacts } from "./html-elements.js";
import type { Namespace } from "./open-elements.js";
import { attributeRecord, attributeValue, type RawAttribute } from "./raw-tag.js";
import { ClassList } from "./selector-match.js";
import type { Hiding } from "./visibility.js";

export class OpenElement implements Ancestor {
  private record: Readonly<Record<string, string>> | undefined;
  private classList: ClassList | undefined;
  /** Foster-parented out of the table at this position of the stack: its real parent is the element below that. */
  fosteredFrom: number | undefined;
  /** A `<style>` rule gives it a flex `display`: a child may grow as its flex item. */
  displaysFlexBySheet = false;

  constructor(
    readonly name: string,
    readonly namespace: Namespace,
    readonly rawAttributes: readonly RawAttribute[],
    /** Why this element or an ancestor hides its content; undefined when visible. */
    readonly hiding: Hiding | undefined,
    /** What the tree simulator knows of `name` as an HTML element (read only when `namespace` is html). */
    readonly facts: HtmlElementFacts = htmlElementFacts(name),
  ) {}

  /** The same element with another hiding: re-parented by the adoption agency (see `OpenElements`). */
  withHiding(hiding: Hiding | undefined): OpenElement {
    const copy = new OpenElement(this.name, this.namespace, this.rawAttributes, hiding, this.facts);
    copy.fosteredFrom = this.fosteredFrom;
    copy.displaysFlexBySheet = this.displaysFlexBySheet;
    return copy;
  }

  get hiddenBy(): string | undefined {
    return this.hiding?.reason;
  }

  /** Its class names: selectors of `<style>` rules ask about ancestors' classes, often for every element below. */
  get classes(): ClassList {
    this.classList ??= ClassList.of(this.attribute("class"));
    return this.classList;
  }

  /** The value of the first attribute named `name` (as browsers read duplicates); undefined when absent. */
  attribute(name: string): string | undefined {
    return attributeValue(this.rawAttributes, name);
  }

  get attributes(): Readonly<Record<string, string>> {
    this.record ??= attributeRecord(this.rawAttributes);
    return this.record;
  }
}
