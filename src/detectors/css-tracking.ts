// The `css-tracking` detector: CSS `url()`s (inline `style`, `<style>`, `@import`, `@font-face`,
// `image-set()`, `content`, `cursor`, `list-style`, `border-image`, `behavior`) that exist to report an event
// rather than to draw content (TRACKING.md §3 row 12: Litmus / Email on Acid "read time", print and forward
// tracking). A URL with an opaque token or a tracking path goes when it only fires on an event (print,
// `:hover`/`:active`/`:focus`, dark mode, the selectors clients put on forwarded or replied mail), when it sits on
// a tiny or hidden element, or when it is a style sheet or a font (no per-reader token is content there).
// A tokenized background of a visible element is content in `standard` (the `strict` preset removes it).
// A token that is a label of the host name (`<uuid>.t.example`) counts only on a hidden or 1px element or rule:
// content hosts have hash-like labels too (bucket names), and a style sheet, a font or a hover image is content.
// Only the declaration or the `@import`/`@font-face` source goes, never the rule.

import { mayContainCssUrl } from "../css/css-urls.js";
import { cssKeyword } from "../css/keyword.js";
import { decodedNames } from "../css/tokens.js";
import type { Detector, Element, Finding, Resource, StyleDeclaration } from "../types.js";
import { isLocalUrl } from "../url/local-url.js";
import { findHostToken, findOpaqueToken } from "../url/opaque-token.js";
import { trackingPathOf } from "../url/tracking-path.js";
import { afterHost } from "../url/url-parts.js";
import { cssLength, hasNoArea, isTiny, sizeOf } from "./element-size.js";

const cssVectors: ReadonlySet<string> = new Set(["css-url", "css-import", "css-font-face"]);
// Path words of open, print and forward tracking (where a word may end: `tracking-path.ts`).
const trackingPath = trackingPathOf(["open", "opened", "track", "tracking", "trace", "pixel", "beacon", "imp", "impression", "read", "print", "forward", "fwd"]);

/**
 * Contexts where a URL is fetched only when the reader does something: prints, hovers, focuses, switches to
 * dark mode, or forwards/replies (Outlook's `[data-outlook-cycle]` and `#divRplyFwdMsg`, Gmail's
 * `.gmail_quote`, `blockquote[type=cite]`, Outlook.com's `[data-ogsc]` dark-mode rewrite).
 */
const eventContexts: readonly [RegExp, string][] = [
  [/:(?:hover|active|focus|focus-within|focus-visible|target|checked)\b/i, "an interaction"],
  // A bare `blockquote` is no quote of a reply: newsletters style their own pull quotes and testimonials with it
  // (adversary25 F5). Mail clients mark what they quote: `blockquote[type=cite]` (Apple Mail, Thunderbird).
  [/data-outlook-cycle|divRplyFwdMsg|gmail_quote|\[\s*type\s*=\s*["']?cite\b|moz-cite-prefix|yahoo_quoted|OutlookMessageHeader/i, "a forward or reply"],
  [/data-ogsc|data-ogsb|\[data-ogac\]/i, "dark mode"],
];

function eventOf(preludes: readonly string[]): string | undefined {
  for (const written of preludes) {
    // As CSS reads it: `@media \70 rint` is print.
    const prelude = decodedNames(written);
    const media = /^@media\b([^{]*)/i.exec(prelude)?.[1]?.replace(/\/\*[^]*?(?:\*\/|$)/g, " ");
    const event = media === undefined ? undefined : mediaEvent(media);
    if (event !== undefined) return event;
    for (const [pattern, event] of eventContexts) if (pattern.test(prelude)) return event;
  }
  return undefined;
}

/**
 * The event a media query list applies on only, when every query of it is one (`@media screen, print` applies on
 * screen too, `@media not print` everywhere but print; adversary15): print, dark mode, or either.
 */
function mediaEvent(list: string): string | undefined {
  const events = new Set<string>();
  for (const written of list.split(",")) {
    const query = written.trim().toLowerCase();
    if (/^(?:only\s+)?print\b/.test(query)) events.add("print");
    else if (!/^not\b/.test(query) && /prefers-color-scheme\s*:\s*dark/.test(query)) events.add("dark mode");
    else return undefined;
  }
  return [...events].join(" or ");
}

/**
 * Whether a rule hides or shrinks what it matches: by its own declarations, unless `@media` rules for screens with
 * the same selector (`onSomeScreens`) show it or size it up there (a phone's mobile hero). What they say is read
 * as a reveal only: their own `display:none` or `height:0` (a desktop-only block) adds no hiding.
 */
function ruleHidesOrShrinks(declarations: readonly StyleDeclaration[], onSomeScreens: readonly StyleDeclaration[] = []): string | undefined {
  const hiding = hidesOrShrinks(declarations);
  if (hiding === undefined || onSomeScreens.length === 0) return hiding;
  const shown = onSomeScreens.filter(reveals);
  return shown.length === 0 ? hiding : hidesOrShrinks([...declarations, ...shown]);
}

function hidesOrShrinks(written: readonly StyleDeclaration[]): string | undefined {
  // In cascade order: `!important` ones last.
  const declarations = written.some(({ important }) => important) ? [...written.filter(({ important }) => !important), ...written.filter(({ important }) => important)] : written;
  let hidden = false;
  let invisible = false;
  let width: number | undefined;
  let height: number | undefined;
  for (const declaration of declarations) {
    const { name, value } = declaration;
    // Read as CSS reads it: `display:n\one` hides too. Only a display that shows (not an invalid one) undoes it.
    if (name === "display") hidden = cssKeyword(value) === "none" || (hidden && !reveals(declaration));
    if (name === "visibility") invisible = cssKeyword(value) === "hidden" || (invisible && !reveals(declaration));
    if (name === "width") width = cssLength(value);
    if (name === "height") height = cssLength(value);
  }
  if (hidden || invisible) return "a hidden rule";
  if (width !== undefined && height !== undefined && width <= 1 && height <= 1) return "a 1px rule";
  return (width === 0 || height === 0) && !declaresPadding(declarations) ? "a 0px rule" : undefined;
}

/** Boxes `display` shows (a value CSS drops, or `none`, does not). */
const shownDisplay = /^(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|inline-table|table-row|table-cell|list-item|flow-root)$/;

/** A declaration that shows or sizes up: a display that shows, `visibility: visible`, a width or height above 1px. */
function reveals({ name, value }: StyleDeclaration): boolean {
  if (name === "display") return shownDisplay.test(cssKeyword(value) ?? "");
  if (name === "visibility") return cssKeyword(value) === "visible";
  if (name !== "width" && name !== "height") return false;
  const length = cssLength(value);
  // `auto`, `100%`: the content's or the layout's size.
  return length === undefined ? /^[\t\n\f\r ]*(?:auto|\d[\d.]*%|fit-content|max-content)[\t\n\f\r ]*$/i.test(value) : length > 1;
}

/**
 * Padding draws a background where the content box has none (`height:0;padding-bottom:50%`, a responsive hero):
 * a padding other than 0 (a digit 1-9, or a function that may give one).
 */
function declaresPadding(declarations: readonly StyleDeclaration[]): boolean {
  return declarations.some(({ name, value }) => name.startsWith("padding") && /[1-9(]/.test(value));
}

function judge(element: Element, resource: Resource): Finding | undefined {
  const url = resource.absoluteUrl;
  if (url === undefined || isLocalUrl(resource.url)) return undefined;
  const token = findOpaqueToken(url);
  const evidence = token ? `a ${token} token` : trackingPath.test(afterHost(url)) ? "a tracking path" : undefined;
  if (evidence === undefined) return judgeHostToken(element, resource, url);
  const finding = (where: string): Finding => ({ detector: "css-tracking", reason: `CSS URL with ${evidence} ${where}`, resource });
  if (resource.vector === "css-import") return finding("in @import");
  if (resource.vector === "css-font-face") return finding("in @font-face");
  const rule = resource.cssRule;
  if (rule) {
    const event = eventOf(rule.preludes);
    if (event) return finding(`fetched only on ${event} (${rule.preludes.join(" ")})`);
    const shrunk = ruleHidesOrShrinks(rule.declarations, rule.onSomeScreens);
    if (shrunk) return finding(`in ${shrunk}`);
    return undefined;
  }
  return hiddenOrTiny(element, finding);
}

function hiddenOrTiny(element: Element, finding: (where: string) => Finding): Finding | undefined {
  if (element.hiddenBy !== undefined) return finding(`on a hidden element (${element.hiddenBy})`);
  const size = sizeOf(element);
  if (!isTiny(size) && !hasNoArea(size)) return undefined;
  if (declaresPadding(element.style) || declaresPadding(element.sheetStyle ?? [])) return undefined;
  return finding(isTiny(size) ? "on a 1px element" : "on a 0px element");
  return undefined;
}

/** A URL whose only token is a host-name label: enough on a hidden or 1px element or rule, nowhere else. */
function judgeHostToken(element: Element, resource: Resource, url: string): Finding | undefined {
  if (resource.vector !== "css-url") return undefined;
  const kind = findHostToken(url);
  if (kind === undefined) return undefined;
  const finding = (where: string): Finding => ({
    detector: "css-tracking",
    reason: `CSS URL with a ${kind} token in its host name ${where}`,
    resource,
  });
  const rule = resource.cssRule;
  if (rule) {
    const shrunk = ruleHidesOrShrinks(rule.declarations, rule.onSomeScreens);
    return shrunk ? finding(`in ${shrunk}`) : undefined;
  }
  return hiddenOrTiny(element, finding);
}

/** Finds CSS URLs that report an event (print, hover, forward) or sit on tiny or hidden elements. */
export const cssTrackingDetector: Detector = {
  name: "css-tracking",
  needs: "resources",
  detect(element) {
    if (element.name !== "style" && !mayContainCssUrl(element.attribute("style") ?? "")) return undefined;
    const findings: Finding[] = [];
    for (const resource of element.resources) {
      if (resource.fetch !== "open" || !cssVectors.has(resource.vector)) continue;
      const finding = judge(element, resource);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
