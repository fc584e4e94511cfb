// The selectors of `<style>` rules, as far as a map lookup can match them: each selector of a list is read down to
// its subject (the compound that names the element the rule styles) and that subject's tag, classes and id.
// Whatever else the selector asks (an ancestor, a pseudo-class, another attribute) only narrows it: a rule whose
// selector says more than its subject "may apply" (`exact: false`), and the size and hiding model lets such a rule
// only show or resize an element, never hide or shrink one. Reading less than the browser can cost a missed
// pixel, never a removed image.

import { isCssWhitespace, isHexDigit, isNameCodePoint } from "../css/code-points.js";

/** What a map lookup can answer: an optional tag, classes, an optional id, the whole class attribute. */
export interface SimpleSelector {
  readonly tag: string | undefined;
  readonly classes: readonly string[];
  readonly id: string | undefined;
  /** `[class=x]`: the whole class attribute. */
  readonly classIs: string | undefined;
}

interface Compound {
  readonly selector: SimpleSelector;
  /** `selector` is all the compound asks. */
  readonly exact: boolean;
  readonly pseudoElement: boolean;
}

export interface ReadSelector {
  /** The element the rule styles, as far as it can be matched. */
  readonly subject: SimpleSelector;
  /** What its ancestors must match, nearest first (`.a .b img`: `.b`, then `.a` above it). */
  readonly ancestors: readonly SimpleSelector[];
  /** The subject is the whole selector: an element it matches is matched by the rule. */
  readonly exact: boolean;
  /** ids, then classes, attributes and pseudo-classes, then tags, as one number. */
  readonly specificity: number;
}

const universal: SimpleSelector = { tag: undefined, classes: [], id: undefined, classIs: undefined };

/** A selector list this reading cannot follow: the rule may apply to any element. */
export const mayApplyAnywhere: readonly ReadSelector[] = [{ subject: universal, ancestors: [], exact: false, specificity: 0 }];

/** The pseudo-classes Chromium knows (Selectors 4 and its own prefixed ones mail uses). */
const knownPseudoClasses: ReadonlySet<string> = new Set([
  "active", "any-link", "autofill", "blank", "checked", "current", "default", "defined", "dir", "disabled", "empty",
  "enabled", "first", "first-child", "first-of-type", "focus", "focus-visible", "focus-within", "fullscreen", "future",
  "has", "host", "host-context", "hover", "in-range", "indeterminate", "invalid", "is", "lang", "last-child",
  "last-of-type", "left", "link", "local-link", "modal", "not", "nth-child", "nth-last-child", "nth-last-of-type",
  "nth-of-type", "only-child", "only-of-type", "optional", "out-of-range", "past", "paused", "picture-in-picture",
  "placeholder-shown", "playing", "popover-open", "read-only", "read-write", "required", "right", "root", "scope",
  "target", "target-within", "user-invalid", "user-valid", "valid", "visited", "where", "-webkit-any",
  "-webkit-any-link", "-webkit-autofill", "-webkit-full-screen", "open", "closed",
  "state", "xr-overlay", "muted", "volume-locked", "seeking", "stalled", "buffering",
]);

/** Pseudo-elements CSS 2 wrote with one colon: a rule with one styles a box other than the element. */
const legacyPseudoElements: ReadonlySet<string> = new Set(["before", "after", "first-line", "first-letter"]);

/**
 * The selectors of a rule's selector list (comments already removed), each read down to its subject. A selector
 * that styles a pseudo-element (`.a::after`) is left out. One this reading cannot follow (a namespace, an invalid
 * name) makes the whole list one that may apply to any element: a browser may drop the rule or apply it anywhere.
 * @example
 * readSelectorList(".px") //=> [{ subject: { classes: ["px"], ... }, exact: true, specificity: 100 }]
 * readSelectorList("body .px:hover")[0].exact //=> false
 */
export function readSelectorList(prelude: string): readonly ReadSelector[] {
  // The usual selector of a mail's sheet, one class (`.px`), read from char codes.
  if (prelude.charCodeAt(0) === 0x2e /* . */ && isPlainClass(prelude, 1)) {
    return [{ subject: { tag: undefined, classes: [prelude.slice(1)], id: undefined, classIs: undefined }, ancestors: [], exact: true, specificity: 100 }];
  }
  const reader = new SelectorReader(prelude);
  const selectors: ReadSelector[] = [];
  for (;;) {
    const selector = reader.selector();
    if (selector === "unreadable") return mayApplyAnywhere;
    if (selector !== "pseudo-element") selectors.push(selector);
    if (reader.atEnd()) break;
  }
  return reader.mayBeDropped ? selectors.map((selector) => ({ ...selector, exact: false })) : selectors;
}

/** True when `text` from `from` on is `[a-z_-][\w-]*` (any ASCII case), an identifier (not `-`, not `-1`). */
function isPlainClass(text: string, from: number): boolean {
  if (from >= text.length) return false;
  if (text.charCodeAt(from) === 0x2d && (from + 1 === text.length || isDigit(text.charCodeAt(from + 1)))) return false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
    if (!(letter || c === 0x5f /* _ */ || c === 0x2d /* - */ || (i > from && isDigit(c)))) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

class SelectorReader {
  private at = 0;
  /** Something in the list may make browsers drop the rule: no selector of it is exact. */
  mayBeDropped = false;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  /** One selector of the list, up to and past its `,`. */
  selector(): ReadSelector | "unreadable" | "pseudo-element" {
    const specificity = { ids: 0, others: 0, tags: 0 };
    // Compounds right to left, after the subject: those that must be ancestors (the others are siblings).
    const compounds: { compound: Compound; combinator: number }[] = [];
    this.skipWhitespace();
    for (;;) {
      const compound = this.compound(specificity);
      if (compound === undefined) return "unreadable";
      const hadWhitespace = this.skipWhitespace();
      const c = this.text.charCodeAt(this.at);
      if (this.atEnd() || c === 0x2c /* , */) {
        this.at++;
        compounds.push({ compound, combinator: 0 });
        if (c === 0x2c) {
          this.skipWhitespace();
          // `.a,` is no selector list: browsers drop the rule.
          if (this.atEnd()) return "unreadable";
        }
        break;
      }
      if (c === 0x3e /* > */ || c === 0x2b /* + */ || c === 0x7e /* ~ */) {
        this.at++;
        this.skipWhitespace();
        compounds.push({ compound, combinator: c });
      } else if (hadWhitespace) {
        compounds.push({ compound, combinator: 0x20 });
      } else {
        return "unreadable";
      }
      // What came before the combinator is about another element: a pseudo-element must end the selector.
      if (compound.pseudoElement) return "unreadable";
    }
    const { compound: subject } = compounds[compounds.length - 1]!;
    if (subject.pseudoElement) return "pseudo-element";
    let exact = subject.exact;
    const ancestors: SimpleSelector[] = [];
    for (let i = compounds.length - 2; i >= 0; i--) {
      const { compound, combinator } = compounds[i]!;
      // `a > b` is read as `a b`, `a + b` and `a ~ b` not at all: what is left is true of every match.
      if (combinator === 0x20 || combinator === 0x3e) ancestors.push(compound.selector);
      exact &&= combinator === 0x20 && compound.exact;
    }
    return { subject: subject.selector, ancestors, exact, specificity: specificity.ids * 10_000 + specificity.others * 100 + specificity.tags };
  }

  /** One compound selector (`img.a#b:hover`): what a lookup can match of it, and whether that is all it asks. */
  private compound(specificity: { ids: number; others: number; tags: number }): Compound | undefined {
    let tag: string | undefined;
    const classes: string[] = [];
    let id: string | undefined;
    let classIs: string | undefined;
    let exact = true;
    let classPresent = false;
    let pseudoElement = false;
    let parts = 0;
    for (;; parts++) {
      const c = this.text.charCodeAt(this.at);
      if (c === 0x2a /* * */ && parts === 0) {
        this.at++;
      } else if (parts === 0 && this.startsName()) {
        tag = this.name()?.toLowerCase();
        if (tag === undefined) return undefined;
        specificity.tags++;
      } else if (c === 0x2e /* . */ || c === 0x23 /* # */) {
        this.at++;
        const name = this.startsName() ? this.name() : undefined;
        if (name === undefined) return undefined;
        if (c === 0x2e) {
          classes.push(name);
          specificity.others++;
        } else {
          // Two ids match no element: keeping the first is enough for a rule that may apply.
          if (id !== undefined && id !== name) exact = false;
          id ??= name;
          specificity.ids++;
        }
      } else if (c === 0x5b /* [ */) {
        const attribute = this.attribute();
        if (attribute === undefined) return undefined;
        specificity.others++;
        if (attribute.kind === "class is") classIs = attribute.value;
        else if (attribute.kind === "class has") classes.push(attribute.value);
        else if (attribute.kind === "present") classPresent = true;
        else exact = false;
      } else if (c === 0x3a /* : */) {
        const pseudo = this.pseudo();
        if (pseudo === undefined) return undefined;
        if (pseudo === "element") pseudoElement = true;
        else {
          specificity.others++;
          exact = false;
          // Browsers drop a whole list for a pseudo-class they do not know (`.hero, .x:hovr`).
          if (pseudo === "unknown") this.mayBeDropped = true;
        }
      } else if (c === 0x26 /* & */) {
        // The rule it nests in: an ancestor or the element itself, unknown here.
        this.at++;
        exact = false;
      } else {
        break;
      }
    }
    if (parts === 0) return undefined;
    if (classPresent && classes.length === 0 && classIs === undefined) exact = false;
    return { selector: { tag, classes, id, classIs }, exact, pseudoElement };
  }

  private skipWhitespace(): boolean {
    const from = this.at;
    while (isCssWhitespace(this.text.charCodeAt(this.at))) this.at++;
    return this.at > from;
  }

  /** Whether an identifier starts here (CSS Syntax 3, "would start an ident sequence"). */
  private startsName(): boolean {
    const text = this.text;
    let i = this.at;
    if (text.charCodeAt(i) === 0x2d /* - */) {
      i++;
      if (text.charCodeAt(i) === 0x2d) return true;
    }
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) return this.isEscape(i);
    return isNameCodePoint(c) && !isDigit(c) && c !== 0x2d && i < text.length;
  }

  private isEscape(i: number): boolean {
    const next = this.text.charCodeAt(i + 1);
    return i + 1 < this.text.length && next !== 0x0a && next !== 0x0d && next !== 0x0c;
  }

  /** An identifier with its escapes decoded; undefined for an escape this reading does not take. */
  private name(): string | undefined {
    const text = this.text;
    let name = "";
    let from = this.at;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c === 0x5c /* \ */) {
        if (!this.isEscape(this.at)) return undefined;
        name += text.slice(from, this.at);
        name += this.escape();
        from = this.at;
      } else if (isNameCodePoint(c) && c !== 0) {
        this.at++;
      } else {
        break;
      }
    }
    return name + text.slice(from, this.at);
  }

  /** The code point an escape spells (the `\` at `at`), moving past it. */
  private escape(): string {
    const text = this.text;
    this.at++;
    if (!isHexDigit(text.charCodeAt(this.at))) return text[this.at++] ?? "";
    let hex = "";
    while (hex.length < 6 && isHexDigit(text.charCodeAt(this.at))) hex += text[this.at++];
    if (text.charCodeAt(this.at) === 0x0d && text.charCodeAt(this.at + 1) === 0x0a) this.at += 2;
    else if (isCssWhitespace(text.charCodeAt(this.at))) this.at++;
    const code = Number.parseInt(hex, 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\ufffd" : String.fromCodePoint(code);
  }

  /** `[class]`, `[class=x]`, `[class~=x]` read; any other attribute selector only found. */
  private attribute(): { kind: "class is" | "class has" | "present" | "other"; value: string } | undefined {
    const close = this.closing(this.at, 0x5b, 0x5d);
    if (close < 0) return undefined;
    const inside = this.text.slice(this.at + 1, close);
    this.at = close + 1;
    const match = /^[\t\n\f\r ]*class[\t\n\f\r ]*(?:(~?)=[\t\n\f\r ]*(?:"([\w-]+)"|'([\w-]+)'|([a-z_][\w-]*))[\t\n\f\r ]*)?$/i.exec(inside);
    if (match === null) return { kind: "other", value: "" };
    const value = match[2] ?? match[3] ?? match[4];
    if (value === undefined) return { kind: "present", value: "" };
    return { kind: match[1] === "~" ? "class has" : "class is", value };
  }

  /** A pseudo-class (with its arguments) or pseudo-element, moving past it. */
  private pseudo(): "class" | "unknown" | "element" | undefined {
    this.at++;
    const element = this.text.charCodeAt(this.at) === 0x3a;
    if (element) this.at++;
    if (!this.startsName()) return undefined;
    const name = this.name()?.toLowerCase();
    if (name === undefined) return undefined;
    if (this.text.charCodeAt(this.at) === 0x28 /* ( */) {
      const close = this.closing(this.at, 0x28, 0x29);
      if (close < 0) return undefined;
      this.at = close + 1;
    }
    if (element || legacyPseudoElements.has(name)) return "element";
    return knownPseudoClasses.has(name) ? "class" : "unknown";
  }

  /** The offset of the bracket closing the one at `open`, past strings and escapes; -1 when none does. */
  private closing(open: number, opener: number, closer: number): number {
    const text = this.text;
    let depth = 0;
    for (let i = open; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 || c === 0x27) {
        const end = text.indexOf(text[i]!, i + 1);
        if (end < 0) return -1;
        i = end;
      } else if (c === opener) depth++;
      else if (c === closer && --depth === 0) return i;
    }
    return -1;
  }
}
