// Finds every URL an element would fetch or link to, and remembers exactly where each one sits.

import { type CssUrl, findDeclarationUrls, findStylesheetUrls, mayContainCssUrl, type Span } from "../css/css-urls.js";
import { parseMetaRefresh } from "../html/meta-refresh.js";
import { parseSrcset } from "../html/srcset.js";
import type { CssRule, Resource, Vector } from "../types.js";
import type { Namespace } from "./open-elements.js";
import type { RawAttribute } from "./raw-tag.js";
import { blockChain, parseSheet, type SheetBlock } from "./style-rules.js";

/** Where a resource sits, so a rewriter's edit can touch exactly that construct. */
export type ResourceLocation =
  | { readonly kind: "attribute"; readonly attribute: RawAttribute }
  | { readonly kind: "srcset"; readonly attribute: RawAttribute; readonly index: number }
  | { readonly kind: "style-attribute"; readonly attribute: RawAttribute; readonly declaration: Span }
  | { readonly kind: "stylesheet"; readonly declaration: Span }
  | { readonly kind: "meta-refresh"; readonly attribute: RawAttribute; readonly span: Span };

export interface LocatedResource extends Resource {
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

/** Office/VML attributes that Outlook fetches (ADVERSARIAL.md §4). */
const vmlUrlAttributes: ReadonlySet<string> = new Set(["src", "href", "o:href", "background", "url", "data"]);
/** VML shapes whose `href` is a click-through link, not a fetch. */
const vmlLinkElements: ReadonlySet<string> = new Set(["v:roundrect", "v:rect", "v:shape", "v:oval"]);

const srcsetAttributes: ReadonlySet<string> = new Set(["srcset", "imagesrcset"]);

const cssVectors: Readonly<Record<CssUrl["kind"], Vector>> = {
  url: "css-url",
  "image-set": "css-url",
  "bad-url": "css-url",
  import: "css-import",
  "font-face": "css-font-face",
};

// Without a <base>, mail clients resolve against their own https page: a scheme-relative URL (`//host`, and
// for WHATWG `\\host` and `/\host` too) reaches that host over https. A path-relative one names no host.
const placeholderBase = "https://relative.invalid/";

/** Resolves a URL against the base, as a browser would; undefined when it does not parse or names no host. */
export function resolveUrl(url: string, baseHref: string | undefined): string | undefined {
  try {
    const resolved = new URL(url, baseHref ?? placeholderBase);
    return resolved.hostname === "relative.invalid" ? undefined : resolved.href;
  } catch {
    return undefined;
  }
}

function vectorOf(tag: string, namespace: Namespace, attribute: string, type: string | undefined): Vector | undefined {
  if (tag.includes(":")) {
    if (attribute === "href" && vmlLinkElements.has(tag)) return "anchor";
    return vmlUrlAttributes.has(attribute) ? "vml" : undefined;
  }
  if (namespace !== "html") {
    if (svgLinkElements.has(tag) && svgUrlAttributes.has(attribute)) return "anchor";
    return svgFetchingElements.has(tag) ? svgUrlAttributes.get(attribute) : undefined;
  }
  if (attribute === "background") return "background";
  if (tag === "input") return attribute === "src" && type?.toLowerCase() === "image" ? "input-image" : undefined;
  return htmlUrlAttributes.get(tag)?.get(attribute);
}

function fetchOf(vector: Vector): "open" | "click" {
  return vector === "anchor" || vector === "ping" ? "click" : "open";
}

/** A resource whose absolute URL is computed on first use: most detectors never ask for it. */
class FoundResource implements LocatedResource {
  private resolved: string | undefined | null = null;

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

function resource(
  url: string,
  vector: Vector,
  attribute: string | undefined,
  baseHref: string | undefined,
  location: ResourceLocation,
): LocatedResource {
  return new FoundResource(url, vector, attribute, baseHref, location);
}

/** Every URL in an element's attributes (including `srcset` candidates and inline CSS). */
export function attributeResources(
  tag: string,
  namespace: Namespace,
  attributes: readonly RawAttribute[],
  baseHref: string | undefined,
): LocatedResource[] {
  const found: LocatedResource[] = [];
  const seen = new Set<string>();
  const type = attributes.find((attribute) => attribute.name === "type")?.value;
  for (const attribute of attributes) {
    // Browsers use the first of duplicate attributes; the engine removes the rest along with any edit.
    if (seen.has(attribute.name)) continue;
    seen.add(attribute.name);
    const { name, value } = attribute;
    if (name === "style") {
      if (!mayContainCssUrl(value)) continue;
      for (const css of findDeclarationUrls(value)) {
        found.push(
          resource(css.url, cssVectors[css.kind], name, baseHref, {
            kind: "style-attribute",
            attribute,
            declaration: css.declaration,
          }),
        );
      }
    } else if (srcsetAttributes.has(name) && namespace === "html") {
      parseSrcset(value).forEach((candidate, index) => {
        found.push(resource(candidate.url, "srcset", name, baseHref, { kind: "srcset", attribute, index }));
      });
    } else if (name === "content" && tag === "meta") {
      const httpEquiv = attributes.find((other) => other.name === "http-equiv")?.value.trim().toLowerCase();
      const refresh = httpEquiv === "refresh" ? parseMetaRefresh(value) : undefined;
      if (refresh) {
        found.push(
          resource(refresh.url, "meta-refresh", name, baseHref, { kind: "meta-refresh", attribute, span: refresh.span }),
        );
      }
    } else {
      const vector = vectorOf(tag, namespace, name, type);
      const url = value.trim();
      if (vector && url !== "") found.push(resource(url, vector, name, baseHref, { kind: "attribute", attribute }));
    }
  }
  return found;
}

/** Every URL in the text of a `<style>` element. */
export function stylesheetResources(css: string, baseHref: string | undefined): LocatedResource[] {
  if (!mayContainCssUrl(css)) return [];
  const rules = sheetRules(css);
  return findStylesheetUrls(css).map(
    (found) =>
      new StylesheetResource(found.url, cssVectors[found.kind], undefined, baseHref, {
        kind: "stylesheet",
        declaration: found.declaration,
      }, rules),
  );
}

// ---- the rule around a URL of a style sheet (selector, at-rules), parsed only if a detector asks ----------

function sheetRules(css: string): (offset: number) => CssRule {
  let blocks: SheetBlock[] | undefined;
  return (offset) => {
    blocks ??= parseSheet(css);
    const chain = blockChain(blocks, offset);
    return { preludes: chain.map((block) => block.prelude), declarations: chain[chain.length - 1]?.declarations ?? [] };
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
