// Finds every URL an element would fetch or link to, and remembers exactly where each one sits.

import {
  type CssUrl,
  findDeclarationUrls,
  findStylesheetUrls,
  findValueUrls,
  mayContainCssUrl,
  type Span,
} from "../css/css-urls.js";
import { readDataStylesheet } from "../css/data-url.js";
import { findImportTexts, maxImportValue } from "../css/import-texts.js";
import { parseMetaRefresh } from "../html/meta-refresh.js";
import { parseSrcset } from "../html/srcset.js";
import type { CssRule, Resource, StyleDeclaration, Vector } from "../types.js";
import { isDataUrl } from "../url/local-url.js";
import { resolveUrl, urlText } from "../url/resolve-url.js";
import type { Namespace } from "./open-elements.js";
import { attributeValue, type RawAttribute } from "./raw-tag.js";
import { ScreenReveals } from "./screen-reveals.js";
import { blockChain, parseSheet, type SheetBlock, sheetChains } from "./style-rules.js";

/** Where a resource sits, so a rewriter's edit can touch exactly that construct. */
export type ResourceLocation =
  | { readonly kind: "attribute"; readonly attribute: RawAttribute }
  | { readonly kind: "srcset"; readonly attribute: RawAttribute; readonly index: number }
  | { readonly kind: "style-attribute"; readonly attribute: RawAttribute; readonly declaration: Span }
  | { readonly kind: "stylesheet"; readonly declaration: Span }
  | { readonly kind: "meta-refresh"; readonly attribute: RawAttribute; readonly span: Span };

export interface LocatedResource extends Resource {
  /**
   * Where the URL sits. A URL inside a `data:` stylesheet shares its holder's location (the `href` of the
   * `<link>`, the `@import` rule): the data: URL cannot be edited safely, so removing the URL removes the holder.
   */
  readonly location: ResourceLocation;
}

/** Per element: which attribute holds which kind of URL. */
const htmlUrlAttributes: ReadonlyMap<string, ReadonlyMap<string, Vector>> = new Map(
  Object.entries({
    img: { src: "img", lowsrc: "img", dynsrc: "img" },
    // AMP for Email: images are components, and amp-pixel fetches on open.
    "amp-img": { src: "img" },
    "amp-anim": { src: "img" },
    "amp-pixel": { src: "img" },
    image: { src: "img" },
    video: { src: "video", poster: "poster" },
    audio: { src: "audio" },
    source: { src: "source" },
    track: { src: "track" },
    iframe: { src: "iframe" },
    frame: { src: "frame" },
    embed: { src: "embed" },
    object: { data: "object", codebase: "object" },
    applet: { codebase: "applet", code: "applet", archive: "applet" },
    script: { src: "script" },
    bgsound: { src: "bgsound" },
    link: { href: "link" },
    html: { manifest: "manifest" },
    base: { href: "base" },
    a: { href: "anchor", ping: "ping" },
    area: { href: "anchor", ping: "ping" },
  } satisfies Record<string, Record<string, Vector>>).map(([tag, byAttribute]) => [
    tag,
    new Map(Object.entries(byAttribute)),
  ]),
);

const svgUrlAttributes: ReadonlyMap<string, Vector> = new Map([
  ["href", "svg-image"],
  ["xlink:href", "svg-image"],
]);
const svgFetchingElements: ReadonlySet<string> = new Set(["image", "use", "feimage", "script"]);
const svgLinkElements: ReadonlySet<string> = new Set(["a"]);
/**
 * SVG animation elements: SMIL runs with scripting off, and their values can set a URL attribute of their target
 * (`<set attributeName=href to=T>` on an `<image>` fetches T in Chromium). `animateTransform` only animates
 * `transform` in browsers; it is read the same way, which can only find more.
 */
const svgAnimationElements: ReadonlySet<string> = new Set([
  "set", "animate", "animatetransform", "animatemotion", "animatecolor",
]);
const svgAnimationValues: ReadonlySet<string> = new Set(["to", "from", "by", "values"]);
/**
 * SVG presentation attributes that take `url()` (measured in Chromium: `fill`, `mask`, `clip-path`,
 * `marker-end` and `cursor` fetch an external one). A fragment-only `url(#id)` is in the document and fetches nothing.
 */
const svgUrlPresentationAttributes: ReadonlySet<string> = new Set([
  "fill", "stroke", "mask", "clip-path", "filter", "marker", "marker-start", "marker-mid", "marker-end", "cursor",
]);

/** Office/VML attributes that Outlook fetches (ADVERSARIAL.md §4). */
const vmlUrlAttributes: ReadonlySet<string> = new Set(["src", "href", "o:href", "background", "url", "data"]);
/** VML shapes whose `href` is a click-through link, not a fetch. */
const vmlLinkElements: ReadonlySet<string> = new Set(["v:roundrect", "v:rect", "v:shape", "v:oval"]);

const srcsetAttributes: ReadonlySet<string> = new Set(["srcset", "imagesrcset"]);

/**
 * What Blink's preload scanner requests by tag name alone, in every namespace (adversary26 F1): it tracks svg/math
 * only to tokenize, so `<svg><link rel=stylesheet href=T>` or `<math><video poster=T>` is fetched although the DOM
 * holds a foreign element that fetches nothing. Its `<picture>` state also hands an svg `<source srcset>` to the next
 * `<img>`. Measured in Chromium 156: svg `iframe`, `object`, `audio`, `track`, `source src` fetch nothing.
 */
const scannerUrlAttributes: ReadonlyMap<string, ReadonlyMap<string, Vector>> = new Map(
  Object.entries({
    img: { src: "img" },
    link: { href: "link" },
    video: { poster: "poster" },
    script: { src: "script" },
  } satisfies Record<string, Record<string, Vector>>).map(([tag, byAttribute]) => [tag, new Map(Object.entries(byAttribute))]),
);
const scannerSrcsetTags: ReadonlySet<string> = new Set(["img", "source", "link"]);

/**
 * An `<input>` fetches its `src` when a `type` is `image`: the tree reads the first `type`, Blink's preload scanner
 * the last (adversary26 F2), so any of them counts.
 */
function isImageInput(attributes: readonly RawAttribute[]): boolean {
  return attributes.some((attribute) => attribute.name === "type" && attribute.value.toLowerCase() === "image");
}

/**
 * `<img attributionsrc>` (the Attribution Reporting API): Chromium requests every URL of this space-separated list
 * when the image loads, whatever `src` is (a `cid:` image too), so each is an open-time fetch of its own. Measured
 * on `<img>` only: on `<a>`, `<video>`, `<source>`, `<link>` and SVG `<image>` it requested nothing on open.
 */
function isAttributionList(tag: string, namespace: Namespace, attribute: string): boolean {
  return attribute === "attributionsrc" && tag === "img" && namespace === "html";
}

const cssVectors: Readonly<Record<CssUrl["kind"], Vector>> = {
  url: "css-url",
  "image-set": "css-url",
  "bad-url": "css-url",
  import: "css-import",
  "font-face": "css-font-face",
};

/** Data: stylesheets are read this many levels deep (one in a `<link>` or `@import` is level 1); deeper fail closed. */
const maxDataStylesheetDepth = 4;

const stylesheetRelation = /(?:^|[\t\n\f\r ])stylesheet(?:$|[\t\n\f\r ])/i;

function vectorOf(tag: string, namespace: Namespace, attribute: string, attributes: readonly RawAttribute[]): Vector | undefined {
  if (tag.includes(":")) {
    if (attribute === "href" && vmlLinkElements.has(tag)) return "anchor";
    return vmlUrlAttributes.has(attribute) ? "vml" : undefined;
  }
  if (tag === "input") return attribute === "src" && isImageInput(attributes) ? "input-image" : undefined;
  if (namespace !== "html") {
    if (svgLinkElements.has(tag) && svgUrlAttributes.has(attribute)) return "anchor";
    const svg = svgFetchingElements.has(tag) ? svgUrlAttributes.get(attribute) : undefined;
    return svg ?? scannerUrlAttributes.get(tag)?.get(attribute);
  }
  if (attribute === "background") return "background";
  return htmlUrlAttributes.get(tag)?.get(attribute);
}

function fetchOf(vector: Vector): "open" | "click" {
  return vector === "anchor" || vector === "ping" ? "click" : "open";
}

/** A resource whose absolute URL is computed on first use: most detectors never ask for it. */
class FoundResource implements LocatedResource {
  private resolved: string | undefined | null = null;
  /** Set when this is a data: stylesheet that cannot be read as a browser reads it: it must fail closed. */
  unreadable: string | undefined;

  constructor(
    readonly url: string,
    readonly vector: Vector,
    readonly attribute: string | undefined,
    private readonly baseHref: string | undefined,
    readonly location: ResourceLocation,
  ) {}

  get absoluteUrl(): string | undefined {
    if (this.resolved === null) this.resolved = resolveUrl(this.url, this.baseHref);
    return this.resolved;
  }

  get fetch(): "open" | "click" {
    return fetchOf(this.vector);
  }

  toJSON(): Resource {
    return { url: this.url, absoluteUrl: this.absoluteUrl, vector: this.vector, attribute: this.attribute, fetch: this.fetch };
  }
}

/**
 * Why the engine must remove this resource's holder unread, if so: a data: stylesheet nested too deep, or one
 * whose bytes we cannot decode as a browser would. Fail closed (DESIGN.md principle 4).
 * @param resource - One of an element's resources.
 */
export function unreadableReason(resource: Resource): string | undefined {
  return resource instanceof FoundResource ? resource.unreadable : undefined;
}

/** Adds a resource, and when it is a data: stylesheet, every URL its sheet (and the sheets it imports) fetches. */
function add(
  found: LocatedResource[],
  url: string,
  vector: Vector,
  attribute: string | undefined,
  baseHref: string | undefined,
  location: ResourceLocation,
  isStylesheet = vector === "css-import",
): void {
  const holder = new FoundResource(url, vector, attribute, baseHref, location);
  found.push(holder);
  if (isStylesheet && isDataUrl(url)) addDataStylesheet(found, holder, baseHref, 1);
}

/**
 * The URLs a data: stylesheet fetches, with its holder's location. Chromium resolves its relative URLs against the
 * document, not the data: URL, so they get the document's base.
 */
function addDataStylesheet(found: LocatedResource[], holder: FoundResource, baseHref: string | undefined, depth: number): void {
  if (depth > maxDataStylesheetDepth) {
    holder.unreadable = `data: stylesheets nested more than ${maxDataStylesheetDepth} deep`;
    return;
  }
  const sheet = readDataStylesheet(holder.url);
  if (sheet === undefined) return;
  if (typeof sheet !== "string") {
    holder.unreadable = sheet.unreadable;
    return;
  }
  for (const css of findStylesheetUrls(sheet)) {
    const inner = new FoundResource(css.url, cssVectors[css.kind], holder.attribute, baseHref, holder.location);
    found.push(inner);
    if (css.kind === "import" && isDataUrl(css.url)) addDataStylesheet(found, inner, baseHref, depth + 1);
  }
}

/** Every URL in an element's attributes (including `srcset` candidates and inline CSS). */
export function attributeResources(
  tag: string,
  namespace: Namespace,
  attributes: readonly RawAttribute[],
  baseHref: string | undefined,
): LocatedResource[] {
  const found: LocatedResource[] = [];
  // Most tags hold a few attributes: looking back beats a set. A tag can hold thousands: then a set.
  const seen = attributes.length > fewAttributes ? new Set<string>() : undefined;
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index] as RawAttribute;
    const { name, value } = attribute;
    // Browsers use the first of duplicate attributes; the engine removes the rest along with any edit.
    if (seen === undefined ? isRepeated(attributes, index) : seen.has(name)) continue;
    seen?.add(name);
    if (name === "style") {
      if (!mayContainCssUrl(value)) continue;
      for (const css of findDeclarationUrls(value)) {
        add(found, css.url, cssVectors[css.kind], name, baseHref, { kind: "style-attribute", attribute, declaration: css.declaration });
      }
    } else if (srcsetAttributes.has(name) && (namespace === "html" || scannerSrcsetTags.has(tag))) {
      parseSrcset(value).forEach((candidate, index) => {
        add(found, candidate.url, "srcset", name, baseHref, { kind: "srcset", attribute, index });
      });
    } else if (isAttributionList(tag, namespace, name)) {
      for (const url of value.split(/[\t\n\f\r ]+/)) {
        if (url !== "") add(found, url, "attributionsrc", name, baseHref, { kind: "attribute", attribute });
      }
    } else if (name === "content" && tag === "meta") {
      const httpEquiv = attributeValue(attributes, "http-equiv")?.trim().toLowerCase();
      const refresh = httpEquiv === "refresh" ? parseMetaRefresh(value) : undefined;
      if (refresh) {
        add(found, refresh.url, "meta-refresh", name, baseHref, { kind: "meta-refresh", attribute, span: refresh.span });
      }
    } else if (namespace === "svg" && svgAnimationElements.has(tag) && svgAnimationValues.has(name)) {
      addAnimationValues(found, attributes, attribute, baseHref);
    } else if (namespace === "svg" && svgUrlPresentationAttributes.has(name)) {
      addCssValue(found, attribute, baseHref);
    } else {
      const vector = vectorOf(tag, namespace, name, attributes);
      const url = vector === undefined ? "" : urlText(value);
      if (vector && url !== "") {
        const isStylesheet = vector === "link" && isStylesheetLink(attributes);
        add(found, url, vector, name, baseHref, { kind: "attribute", attribute }, isStylesheet);
      }
    }
  }
  return found;
}

const fewAttributes = 16;

/** Any `rel` names a style sheet: the tree reads the first, Blink's preload scanner the last (fail closed). */
function isStylesheetLink(attributes: readonly RawAttribute[]): boolean {
  return attributes.some((attribute) => attribute.name === "rel" && stylesheetRelation.test(attribute.value));
}

/** Whether an attribute before `index` has the same name. */
function isRepeated(attributes: readonly RawAttribute[], index: number): boolean {
  const name = (attributes[index] as RawAttribute).name;
  for (let i = 0; i < index; i++) if ((attributes[i] as RawAttribute).name === name) return true;
  return false;
}

/** The `url()`s of an svg attribute read as a CSS value; removing one removes the attribute. */
function addCssValue(found: LocatedResource[], attribute: RawAttribute, baseHref: string | undefined): void {
  for (const css of findValueUrls(attribute.value, attribute.name)) {
    if (css.url.startsWith("#")) continue;
    add(found, css.url, cssVectors[css.kind], attribute.name, baseHref, { kind: "attribute", attribute });
  }
}

/**
 * An animation value: a list of URLs when the animated attribute is `href` (`values` is `;`-separated, as SMIL
 * splits it), else a CSS value whose `url()`s count (`fill`, `style`, ...). The animation element goes with it.
 */
function addAnimationValues(
  found: LocatedResource[],
  attributes: readonly RawAttribute[],
  attribute: RawAttribute,
  baseHref: string | undefined,
): void {
  const animated = (attributeValue(attributes, "attributename") ?? "").trim().toLowerCase();
  if (animated !== "href" && !animated.endsWith(":href")) {
    addCssValue(found, attribute, baseHref);
    return;
  }
  const values = attribute.name === "values" ? attribute.value.split(";") : [attribute.value];
  for (const value of values) {
    const url = urlText(value);
    if (url !== "" && !url.startsWith("#")) add(found, url, "svg-image", attribute.name, baseHref, { kind: "attribute", attribute });
  }
}

/**
 * Every URL in the text of a `<style>` element, and in the data: stylesheets it imports. The `@import`s a preload
 * scanner may request (`findImportTexts`) count too, each as an import of its own unless the CSS parser's reading
 * already holds it.
 */
export function stylesheetResources(css: string, baseHref: string | undefined): LocatedResource[] {
  if (!mayContainCssUrl(css)) return [];
  const rules = sheetRules(css);
  const found: LocatedResource[] = [];
  const addImport = (url: string, vector: Vector, declaration: Span): StylesheetResource => {
    const holder = new StylesheetResource(url, vector, undefined, baseHref, { kind: "stylesheet", declaration }, rules);
    found.push(holder);
    if (vector === "css-import" && isDataUrl(url)) addDataStylesheet(found, holder, baseHref, 1);
    return holder;
  };
  const parsed = findStylesheetUrls(css);
  const parsedImports = new Set<number>();
  for (const url of parsed) {
    addImport(url.url, cssVectors[url.kind], url.declaration);
    if (url.kind === "import") parsedImports.add(url.declaration.start);
  }
  if (!css.includes("@")) return found;
  for (const text of findImportTexts(css)) {
    // A quoted or `url()` value is the one the parser read from the same `@import`. A bare one never is: in
    // `@import https://t.example/p.gif'` the parser imports "" (the stray quote's string), a scanner the URL.
    if (text.quoted && parsedImports.has(text.at)) continue;
    const holder = addImport(text.url, "css-import", text.span);
    if (text.cut) holder.unreadable = `an @import value longer than ${maxImportValue} characters`;
  }
  return found;
}

// ---- the rule around a URL of a style sheet (selector, at-rules), parsed only if a detector asks ----------

function sheetRules(css: string): (offset: number) => CssRule {
  const chainAt = sheetChains(css);
  // The whole sheet, parsed once and only if a detector asks what `@media` rules say about a rule's selector.
  let blocks: SheetBlock[] | undefined;
  let reveals: ScreenReveals | undefined;
  return (offset) => {
    const chain = chainAt(offset);
    let onSomeScreens: readonly StyleDeclaration[] | undefined;
    return {
      preludes: chain.map((block) => block.prelude),
      declarations: chain[chain.length - 1]?.declarations ?? [],
      get onSomeScreens() {
        if (onSomeScreens !== undefined) return onSomeScreens;
        blocks ??= parseSheet(css);
        const rule = blockChain(blocks, offset).pop();
        reveals ??= new ScreenReveals(blocks);
        onSomeScreens = rule === undefined ? [] : reveals.for(rule);
        return onSomeScreens;
      },
    };
  };
}

class StylesheetResource extends FoundResource {
  private rule: CssRule | undefined;

  constructor(
    url: string,
    vector: Vector,
    attribute: string | undefined,
    baseHref: string | undefined,
    location: ResourceLocation & { kind: "stylesheet" },
    private readonly rules: (offset: number) => CssRule,
  ) {
    super(url, vector, attribute, baseHref, location);
  }

  get cssRule(): CssRule {
    this.rule ??= this.rules((this.location as { declaration: Span }).declaration.start);
    return this.rule;
  }
}
