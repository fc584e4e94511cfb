// Fade-ins: an element that starts at `opacity:0` (or `visibility:hidden`) and runs an animation to `opacity:1`
// shows once it has run, as interactive email does (Apple Mail, iOS Mail). Only a reveal we can read counts: the
// `@keyframes` must come before the element (mail puts `<style>` in the head) and end on a visible frame, and the
// animation must stay there (`forwards`, `both` or `infinite`). An animation name alone proves nothing: a tracker
// could add `animation:x` to a hidden pixel.

import { plainNumber } from "../css/plain-number.js";
import type { StyleDeclaration } from "../types.js";

/** The most names kept of each kind: a sheet with more reveals nothing beyond them (fail closed). */
const maxNames = 1000;

const keyframesRule = /@(?:-webkit-|-moz-|-o-)?keyframes[\t\n\f\r ]+(-?[_a-z][-_a-z0-9]*)[\t\n\f\r ]*\{/gi;

/** The names of the `@keyframes` read so far whose last frame makes an element visible again. */
export class RevealingKeyframes {
  readonly opacity = new Set<string>();
  readonly visibility = new Set<string>();

  /**
   * Reads the top-level `@keyframes` of a style sheet (one inside `@media` may not apply: left out). A sheet with an
   * escape is not read: a name or a frame could be spelled otherwise than we read it.
   */
  add(css: string): void {
    if (!/keyframes/i.test(css) || css.includes("\\")) return;
    const text = css.replace(/\/\*[^]*?(?:\*\/|$)/g, " ");
    let depth = 0;
    let scanned = 0;
    for (const match of text.matchAll(keyframesRule)) {
      if (match.index < scanned) continue;
      depth += braceDepthChange(text, scanned, match.index);
      const open = match.index + match[0].length;
      const close = blockEnd(text, open);
      scanned = close;
      if (depth !== 0) {
        depth += braceDepthChange(text, match.index, close);
        continue;
      }
      const last = lastFrame(text.slice(open, close));
      const name = match[1]!;
      if (showsOpacity(last) && this.opacity.size < maxNames) this.opacity.add(name);
      if (/visibility[\t\n\f\r ]*:[\t\n\f\r ]*visible\b/i.test(last) && this.visibility.size < maxNames) this.visibility.add(name);
    }
  }
}

/**
 * The declarations of the frames at the end (`to`, `100%`), where a `forwards` animation stays: a fade-out
 * (`from{opacity:1}to{opacity:0}`) ends hidden. Without one the end is the element's own style: nothing read.
 */
function lastFrame(frames: string): string {
  let declarations = "";
  for (const [, selectors, body] of frames.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    if (selectors!.split(",").some((selector) => /^[\t\n\f\r ]*(?:to|100(?:\.0*)?%)[\t\n\f\r ]*$/i.test(selector))) declarations += `;${body}`;
  }
  return declarations;
}

function braceDepthChange(text: string, from: number, to: number): number {
  let change = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) change++;
    else if (c === 0x7d /* } */) change--;
  }
  return change;
}

/** Just past the `}` that closes the block opened before `from` (or the end of the sheet). */
function blockEnd(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The declarations set an opacity above 0 (the last one counts), as a plain number or a percentage (`calc()`, `var()`: not read). */
function showsOpacity(declarations: string): boolean {
  let shows = false;
  for (const [, value] of declarations.matchAll(/opacity[\t\n\f\r ]*:([^;}!]*)/gi)) {
    const percent = /^[\t\n\f\r ]*([\d.]+)%[\t\n\f\r ]*$/.exec(value!);
    const number = percent ? Number(percent[1]) : plainNumber(value!);
    shows = number !== undefined && number > 0;
  }
  return shows;
}

/** The keywords of the `animation` shorthand: never a name there (`@keyframes ease` is not run by `animation:ease`). */
const animationKeywords: ReadonlySet<string> = new Set([
  "none", "initial", "inherit", "unset", "revert", "revert-layer", "ease", "ease-in", "ease-out", "ease-in-out", "linear",
  "step-start", "step-end", "infinite", "normal", "reverse", "alternate", "alternate-reverse", "forwards", "backwards",
  "both", "running", "paused", "auto",
]);

/** The longest delay or duration a reader waits for (`animation: fadein 1s 9999s` keeps it hidden). */
const maxSeconds = 10;

/**
 * Whether the animation that applies (`applied`, by property) reveals the element: a single animation (no list)
 * that names one of `names`, stays at its last frame or repeats (`forwards`, `both`, `infinite`), runs forwards
 * (`reverse`, `alternate` only with `infinite`), is not paused, and takes at most `maxSeconds` for each time.
 */
export function animationReveals(applied: ReadonlyMap<string, StyleDeclaration>, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const words: string[] = [];
  for (const [name, { value }] of applied) {
    if (!name.startsWith("animation")) continue;
    if (value.includes(",")) return false;
    words.push(...value.trim().split(/[\t\n\f\r ]+/));
  }
  const lower = words.map((word) => word.toLowerCase());
  if (!words.some((word) => names.has(word) && !animationKeywords.has(word.toLowerCase()))) return false;
  if (lower.includes("paused") || lower.some((word) => seconds(word) > maxSeconds)) return false;
  if (lower.includes("infinite")) return true;
  return (lower.includes("forwards") || lower.includes("both")) && !lower.some((word) => word === "reverse" || word.startsWith("alternate"));
}

/** A CSS time in seconds (`500ms`, `.5s`), 0 for anything else. */
function seconds(word: string): number {
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(m?s)$/.exec(word);
  if (!match) return 0;
  return Number(match[1]) / (match[2] === "ms" ? 1000 : 1);
}
