// An end tag in progress: htmlparser2 reports its name, and the tag is complete at its `>`, which may arrive in a
// later chunk. The search for that `>` goes on where it stopped, so no input is scanned twice.

import { type HtmlElementFacts, htmlElementFacts } from "./html-elements.js";
import type { Output } from "./output.js";

export class PendingEndTag {
  private searchFrom: number;

  /**
   * @param start offset of `</`
   * @param nameEnd offset just past the name
   * @param name the lower-case name
   * @param facts what the tree simulator knows of the name as an HTML element
   */
  constructor(
    readonly start: number,
    readonly nameEnd: number,
    readonly name: string,
    readonly facts: HtmlElementFacts = htmlElementFacts(name),
  ) {
    this.searchFrom = nameEnd;
  }

  /** The offset just past the tag's `>`, or -1 while the input does not hold it yet. */
  findEnd(input: Output): number {
    const gt = input.indexOf(">", this.searchFrom);
    if (gt >= 0) return gt + 1;
    this.searchFrom = input.total;
    return -1;
  }
}
