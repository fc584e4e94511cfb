// Validates user options once and resolves them into the engine's configuration.

import { type EngineConfig, indexDetectors } from "./engine/config.js";
import { presetDetectors } from "./presets.js";
import { compileRules } from "./rules/rule-set.js";
import type { Detector, Preset, ReportEntry, Rewriter, StripOptions } from "./types.js";
import type { CleanUrlOptions } from "./url/clean-url.js";

const presets: readonly Preset[] = ["standard", "strict", "audit"];
const knownOptions = new Set([
  "preset", "recipient", "detectors", "disable", "rewriters", "block", "allow", "maxBufferSize", "onData",
  "keepParams", "removeParams", "unwrapRedirects", "onFinding",
]);
const defaultMaxBufferSize = 16 * 1024 * 1024;

function fail(option: string, expectation: string): never {
  throw new TypeError(`strip-tracking: option "${option}" ${expectation}`);
}

function arrayOption<T>(value: unknown, option: string, isItem: (item: unknown) => item is T, what: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isItem)) fail(option, `must be an array of ${what}`);
  return value;
}

const isString = (item: unknown): item is string => typeof item === "string";

const isDetector = (item: unknown): item is Detector =>
  typeof item === "object" &&
  item !== null &&
  typeof (item as Detector).name === "string" &&
  typeof (item as Detector).detect === "function" &&
  ((item as Detector).tags === undefined || arrayIsStrings((item as Detector).tags));

const isRewriter = (item: unknown): item is Rewriter =>
  typeof item === "object" &&
  item !== null &&
  typeof (item as Rewriter).name === "string" &&
  typeof (item as Rewriter).rewrite === "function";

function arrayIsStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every(isString);
}

function recipients(value: unknown): string[] {
  if (value === undefined) return [];
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || !list.every(isString)) fail("recipient", "must be an email address or an array of them");
  for (const address of list) {
    if (!/^[^\s@]+@[^\s@]+$/.test(address.trim())) fail("recipient", `must be an email address, got "${address}"`);
  }
  return list.map((address) => address.trim().toLowerCase());
}

function linkOptions(options: StripOptions): CleanUrlOptions {
  const keepParams = arrayOption(options.keepParams, "keepParams", isString, "parameter names");
  const removeParams = arrayOption(options.removeParams, "removeParams", isString, "parameter names");
  const unwrap = options.unwrapRedirects ?? true;
  if (typeof unwrap !== "boolean") fail("unwrapRedirects", "must be a boolean");
  return { keepParams, removeParams, unwrap };
}

/** Checks every option and builds the engine configuration; throws a TypeError naming the bad option. */
export function resolveOptions(options: StripOptions | undefined): EngineConfig {
  if (options === undefined || options === null) options = {};
  if (typeof options !== "object") throw new TypeError("strip-tracking: options must be an object");
  for (const key of Object.keys(options)) {
    if (!knownOptions.has(key)) fail(key, "is not a known option");
  }
  const preset = options.preset ?? "standard";
  if (!presets.includes(preset)) fail("preset", `must be one of ${presets.join(", ")}`);
  const maxBufferSize = options.maxBufferSize ?? defaultMaxBufferSize;
  if (typeof maxBufferSize !== "number" || !Number.isInteger(maxBufferSize) || maxBufferSize < 1) {
    fail("maxBufferSize", "must be a positive integer");
  }
  const extraDetectors = arrayOption(options.detectors, "detectors", isDetector, "detectors ({ name, detect })");
  const disable = new Set(arrayOption(options.disable, "disable", isString, "detector names"));
  const builtIns = presetDetectors(preset, linkOptions(options));
  for (const name of disable) {
    if (!builtIns.some((detector) => detector.name === name)) {
      fail("disable", `names "${name}", which is not a built-in detector of the "${preset}" preset`);
    }
  }
  const detectors = [...builtIns.filter((detector) => !disable.has(detector.name)), ...extraDetectors];
  return {
    preset,
    applyEdits: preset !== "audit",
    recipients: recipients(options.recipient),
    ...indexDetectors(detectors),
    rewriters: arrayOption(options.rewriters, "rewriters", isRewriter, "rewriters ({ name, rewrite })"),
    allow: compileRules(options.allow, "allow"),
    block: compileRules(options.block, "block"),
    maxBufferSize,
    onFinding: findingCallback(options.onFinding),
  };
}

function findingCallback(value: unknown): ((entry: ReportEntry) => void) | undefined {
  if (value !== undefined && typeof value !== "function") fail("onFinding", "must be a function");
  return value as ((entry: ReportEntry) => void) | undefined;
}
