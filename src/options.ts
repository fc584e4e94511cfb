// Validates user options once, in one place, and resolves them into the engine's configuration.

import { type EngineConfig, indexDetectors } from "./engine/config.js";
import { checkTrackerRules } from "./detectors/known-tracker.js";
import { optionError, optionsRecord, rejectUnknownOptions } from "./errors.js";
import { presetDetectors } from "./presets.js";
import { recipientsAsGiven } from "./recipient.js";
import { compileRules } from "./rules/rule-set.js";
import type { Detector, Preset, ReportEntry, Rewriter, StripOptions } from "./types.js";
import type { CleanUrlOptions } from "./url/clean-url.js";

const presets: readonly Preset[] = ["standard", "strict", "audit"];
const knownOptions: ReadonlySet<string> = new Set([
  "preset", "dryRun", "recipient", "detectors", "disable", "rewriters", "block", "allow", "maxBufferSize",
  "keepParams", "removeParams", "unwrapRedirects", "trackers", "onFinding",
]);
const defaultMaxBufferSize = 16 * 1024 * 1024;

function arrayOption<T>(value: unknown, option: string, isItem: (item: unknown) => item is T, what: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isItem)) throw optionError(option, `must be an array of ${what}`);
  return value;
}

const isString = (item: unknown): item is string => typeof item === "string";

const isDetector = (item: unknown): item is Detector =>
  typeof item === "object" &&
  item !== null &&
  typeof (item as Detector).name === "string" &&
  typeof (item as Detector).detect === "function" &&
  ((item as Detector).tags === undefined || arrayIsStrings((item as Detector).tags)) &&
  ((item as Detector).needs === undefined || (item as Detector).needs === "resources");

const isRewriter = (item: unknown): item is Rewriter =>
  typeof item === "object" &&
  item !== null &&
  typeof (item as Rewriter).name === "string" &&
  typeof (item as Rewriter).rewrite === "function";

function arrayIsStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every(isString);
}

/** The link options of the strip options, under the names `cleanUrl` takes (it validates them). */
export function linkOptions(options: StripOptions): CleanUrlOptions {
  const picked: Record<string, unknown> = {};
  for (const name of ["unwrapRedirects", "keepParams", "removeParams", "recipient"] as const) {
    if (options[name] !== undefined) picked[name] = options[name];
  }
  return picked as CleanUrlOptions;
}

/**
 * Checks every option (unknown names included: `onData` too, which only `createStripper` takes) and builds the engine
 * configuration.
 * @throws TypeError naming the bad option.
 */
export function resolveOptions(options: StripOptions | undefined): EngineConfig {
  const record = optionsRecord(options) as StripOptions & Record<string, unknown>;
  rejectUnknownOptions(record, knownOptions);
  const preset = record.preset ?? "standard";
  if (!presets.includes(preset)) throw optionError("preset", `must be one of ${presets.join(", ")}`);
  const dryRun = record.dryRun ?? false;
  if (typeof dryRun !== "boolean") throw optionError("dryRun", "must be a boolean");
  const maxBufferSize = record.maxBufferSize ?? defaultMaxBufferSize;
  if (typeof maxBufferSize !== "number" || !Number.isInteger(maxBufferSize) || maxBufferSize < 1) {
    throw optionError("maxBufferSize", "must be a positive integer");
  }
  const extraDetectors = arrayOption(record.detectors, "detectors", isDetector, "detectors ({ name, detect })");
  const disable = new Set(arrayOption(record.disable, "disable", isString, "detector names"));
  const givenRecipients = recipientsAsGiven(record.recipient);
  const recipientList = givenRecipients.map((address) => address.toLowerCase());
  // The recipients reach detectors with each element (`element.recipients`): the link cleaner has no use for them.
  const { recipient: _recipient, ...links } = linkOptions(record);
  const trackers = checkTrackerRules(record.trackers);
  const builtInsOnly = extraDetectors.length === 0 && disable.size === 0 && trackers.length === 0 && Object.keys(links).length === 0;
  const detectorIndex = builtInsOnly
    ? (sharedDetectors[preset] ??= indexDetectors(presetDetectors(preset)))
    : indexDetectors(chosenDetectors(presetDetectors(preset, links, trackers), disable, extraDetectors, preset));
  return {
    preset,
    applyEdits: !dryRun && preset !== "audit",
    recipients: recipientList,
    recipientsAsGiven: givenRecipients,
    ...detectorIndex,
    rewriters: arrayOption(record.rewriters, "rewriters", isRewriter, "rewriters ({ name, rewrite })"),
    allow: compileRules(record.allow, "allow"),
    block: compileRules(record.block, "block"),
    maxBufferSize,
    onFinding: findingCallback(record.onFinding),
    reportLines: true,
  };
}

/**
 * The indexed built-in detectors of each preset, for the options most calls pass (a preset, recipients, callbacks),
 * made once and shared between calls: they hold rules and bounded caches (per host, per recipient list) that no
 * result depends on. A call then skips building a URL cleaner and indexing the detectors (~10 µs).
 */
const sharedDetectors: Partial<Record<Preset, ReturnType<typeof indexDetectors>>> = {};

/** The built-ins left after `disable` (each name must be one of them), then the caller's own detectors. */
function chosenDetectors(builtIns: readonly Detector[], disable: ReadonlySet<string>, extra: readonly Detector[], preset: Preset): Detector[] {
  for (const name of disable) {
    if (!builtIns.some((detector) => detector.name === name)) {
      throw optionError("disable", `names "${name}", which is not a built-in detector of the "${preset}" preset`);
    }
  }
  return [...builtIns.filter((detector) => !disable.has(detector.name)), ...extra];
}

function findingCallback(value: unknown): ((entry: ReportEntry) => void) | undefined {
  if (value !== undefined && typeof value !== "function") throw optionError("onFinding", "must be a function");
  return value as ((entry: ReportEntry) => void) | undefined;
}
