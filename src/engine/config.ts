// The engine's resolved configuration: options validated once, detectors indexed by tag name.

import type { Detector, Preset, ReportEntry, Rewriter } from "../types.js";
import type { RuleSet } from "../rules/rule-set.js";

export interface EngineConfig {
  readonly preset: Preset;
  /** False in `audit`: findings are reported, nothing is changed. */
  readonly applyEdits: boolean;
  readonly recipients: readonly string[];
  /** Detectors that want a given tag name. */
  readonly detectorsByTag: ReadonlyMap<string, readonly Detector[]>;
  /** Detectors that want every element. */
  readonly detectorsForAll: readonly Detector[];
  readonly rewriters: readonly Rewriter[];
  readonly allow: RuleSet;
  readonly block: RuleSet;
  readonly maxBufferSize: number;
  /** Receives each report line as it is made; when set, the report keeps none. */
  readonly onFinding: ((entry: ReportEntry) => void) | undefined;
}

/** The detectors that want to see an element with this tag name, in the order they were given. */
export function detectorsFor(config: EngineConfig, tag: string): readonly Detector[] {
  return config.detectorsByTag.get(tag) ?? config.detectorsForAll;
}

/** Indexes detectors by tag name, keeping their order within each list. */
export function indexDetectors(detectors: readonly Detector[]): {
  detectorsByTag: Map<string, readonly Detector[]>;
  detectorsForAll: readonly Detector[];
} {
  const tags = new Set(detectors.flatMap((detector) => detector.tags ?? []));
  const detectorsByTag = new Map<string, readonly Detector[]>();
  for (const tag of tags) {
    detectorsByTag.set(tag, detectors.filter((detector) => !detector.tags || detector.tags.includes(tag)));
  }
  return { detectorsByTag, detectorsForAll: detectors.filter((detector) => !detector.tags) };
}
