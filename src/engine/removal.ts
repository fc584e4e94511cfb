// The element being removed: from its start tag until it closes, its content is dropped. Only one at a time:
// what a removed element holds is not judged.

export class ElementRemoval {
  /** Depth of the element in the open-element stack; -1 when nothing is being removed. */
  depth = -1;
  name = "";
  /** Offset of its `<`. */
  start = 0;
  /** It broke out of svg/math: its tags stay (bare), only its content goes. */
  keepsEndTag = false;

  get active(): boolean {
    return this.depth >= 0;
  }

  begin(depth: number, name: string, start: number, keepsEndTag: boolean): void {
    this.depth = depth;
    this.name = name;
    this.start = start;
    this.keepsEndTag = keepsEndTag;
  }

  /** True when the removal is over: the open elements are back above its depth. */
  endedAt(depth: number): boolean {
    return this.depth >= 0 && depth <= this.depth;
  }

  finish(): void {
    this.depth = -1;
    this.name = "";
  }
}
