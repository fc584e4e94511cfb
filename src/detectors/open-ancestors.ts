// The open ancestors a built-in detector reads during detection, without the copy `Element.ancestors` makes.

import type { Ancestor, Element } from "../types.js";

/**
 * The engine's live stack of open ancestors (outermost first) when the element comes from the engine, else
 * `element.ancestors` (an element made by hand). Read it during `detect` only: the stack moves on afterwards.
 * `ancestors` copies the stack for detectors that keep it, so reading it for every image of a deeply nested
 * mail was quadratic (20,000 `<div>` and 20,000 images: 2.9 s; adversary26 F4).
 */
export function openAncestorsOf(element: Element): readonly Ancestor[] {
  return (element as { readonly openAncestors?: readonly Ancestor[] }).openAncestors ?? element.ancestors;
}
