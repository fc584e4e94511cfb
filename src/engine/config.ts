// The engine's resolved configuration: options validated once, detectors indexed by tag name and by whether
// they need resources, so an element none of them can find anything in costs one look at its attributes.

import { mayContainCssUrl } from "../css/css-urls.js";
import type { Detector, Preset, ReportEntry, Rewriter } from "../types.js";
import type { ElementView } from "./element-view.js";
import type { RuleSet } from "../rules/rule-set.js";

/** The detectors for one tag name: all of them, and those left for an element that cannot have resources. */
export interface DetectorLists {
  readonly all: readonly Detector[];
  /** True when some detector of `all` needs resources (then `withoutResources` is shorter). */
  readonly someNeedResources: boolean;
  readonly withoutResources: readonly Detector[];
}

export interface EngineConfig {
  readonly preset: Preset;
  /** False in `audit`: findings are reported, nothing is changed. */
  readonly applyEdits: boolean;
  readonly recipients: readonly string[];
  /** `recipients` in the caller's case (encodings that keep case, base64, are of these). */
  readonly recipientsAsGiven: readonly string[];
  /** Detectors that want a given tag name (with those that want every element). */
  readonly detectorsByTag: ReadonlyMap<string, DetectorLists>;
  /** Detectors that want every element. */
  readonly detectorsForAll: DetectorLists;
  readonly rewriters: readonly Rewriter[];
  readonly allow: RuleSet;
  readonly block: RuleSet;
  readonly maxBufferSize: number;
  /** Receives each report line as it is made; when set, the report keeps none. */
  readonly onFinding: ((entry: ReportEntry) => void) | undefined;
  /**
   * False when no one reads the report's lines (`stripTracking` without `onFinding`): findings are then counted,
   * never described, which is most of what a tracked link or image costs beyond its edit.
   */
  readonly reportLines: boolean;
}

/**
 * Attributes that never hold a URL on any element, in any namespace (the engine's resources come from the
 * others; test/engine/config.test.ts checks this against them). Anything not listed, `data-*` and `aria-*`
 * aside, counts as a possible URL: an unknown attribute costs a judgement, never a miss.
 */
const inertAttributes: ReadonlySet<string> = new Set([
  "class", "id", "align", "valign", "width", "height", "bgcolor", "color", "border", "cellpadding", "cellspacing",
  "colspan", "rowspan", "dir", "lang", "xml:lang", "role", "title", "alt", "face", "size", "name", "target",
  "rel", "type", "nowrap", "hidden", "tabindex", "bordercolor", "frame", "rules", "summary", "scope", "headers",
  "hspace", "vspace", "clear", "start", "span", "charset", "http-equiv", "xmlns", "xmlns:v", "xmlns:o",
  "translate", "itemprop", "itemscope", "itemtype", "leftmargin", "topmargin", "marginwidth", "marginheight",
  "text", "link", "vlink", "alink", "label", "for", "value", "checked", "disabled", "selected",
]);

/**
 * False only when the element cannot have a resource: not a `<style>`, and every attribute is inert or an inline
 * style without a CSS URL. A superset test, cheaper than finding the resources (no allocation).
 */
export function mayHaveResources(name: string, attributes: readonly { readonly name: string; readonly value: string }[]): boolean {
  if (name === "style") return true;
  // The attributes as written, duplicates included (a superset of the ones browsers read): an array walk, where
  // a for-in over the element's record would list its keys afresh for every element.
  for (const attribute of attributes) {
    if (attribute.name === "style") {
      if (mayContainCssUrl(attribute.value)) return true;
    } else if (!inertAttributes.has(attribute.name) && !attribute.name.startsWith("data-") && !attribute.name.startsWith("aria-")) {
      return true;
    }
  }
  return false;
}

/** The detectors that want to see this element, in the order they were given. */
export function detectorsFor(config: EngineConfig, element: ElementView): readonly Detector[] {
  const lists = config.detectorsByTag.get(element.name) ?? config.detectorsForAll;
  if (!lists.someNeedResources || lists.all.length === 0) return lists.all;
  return element.mayHaveResources ? lists.all : lists.withoutResources;
}

function listsOf(detectors: readonly Detector[]): DetectorLists {
  const withoutResources = detectors.filter((detector) => detector.needs !== "resources");
  return { all: detectors, someNeedResources: withoutResources.length < detectors.length, withoutResources };
}

/**
 * Indexes detectors by tag name, keeping their order within each list. Tag names are matched as HTML reads them,
 * whatever their case: a custom detector's `tags: ["IMG"]` runs on `<img>` (the engine's names are lower case).
 */
export function indexDetectors(detectors: readonly Detector[]): {
  detectorsByTag: Map<string, DetectorLists>;
  detectorsForAll: DetectorLists;
} {
  const tagsOf = new Map(detectors.map((detector) => [detector, detector.tags?.map((tag) => tag.toLowerCase())]));
  const tags = new Set(detectors.flatMap((detector) => tagsOf.get(detector) ?? []));
  const detectorsByTag = new Map<string, DetectorLists>();
  for (const tag of tags) {
    detectorsByTag.set(tag, listsOf(detectors.filter((detector) => !detector.tags || tagsOf.get(detector)!.includes(tag))));
  }
  return { detectorsByTag, detectorsForAll: listsOf(detectors.filter((detector) => !detector.tags)) };
}
