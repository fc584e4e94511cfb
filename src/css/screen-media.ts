// Whether a media query list can match the screen a reader views a message on. A rule under `@media print` or an
// empty range (`(max-width:0px)`) never applies on a screen: it can neither size an image back up nor show a
// hidden one there (adversary19 F3: such a "reveal" turned any 1x1 or hidden pixel into content).
//
// Only what is plainly impossible is read as such: a media type other than `all`/`screen` (`print`, `speech`, the
// deprecated `tv`, `handheld`...: none is a screen, Media Queries 4 §2.3), `not all`/`not screen`, and a width or
// height range that no screen has (below 1 px, from 100,000 px up, or empty). Anything else, or anything not
// understood, may match: a reveal there makes the element content, as before.

/** No screen is this wide or tall in CSS px (a 16K display at 25% zoom is 61,440 px wide). */
const largerThanAnyScreen = 100_000;

const typed = /^(?:(only|not)\s+)?([a-z][a-z-]*)(?:\s+and\s+(.*))?$/;
const plainFeature = /^\(\s*(min-|max-)?((?:device-)?(?:width|height)|resolution)\s*:\s*([^()]*?)\s*\)$/;
const rangeFeature = /^\(\s*([^()<>=]+?)\s*(<=|>=|<|>|=)\s*([^()<>=]+?)\s*\)$/;
const lengthUnits: Readonly<Record<string, number>> = { "": 1, px: 1, em: 16, rem: 16, dpi: 1, dppx: 96, x: 96, dpcm: 2.54 };
const length = /^(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z]*)$/;

/** The bounds a query puts on one feature: the values it allows are above `low` and below `high`. */
interface Range {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

/**
 * Whether no query of the list can match a screen. An empty list matches every device.
 * @example matchesNoScreen("print") //=> true
 * @example matchesNoScreen("screen and (max-width:600px)") //=> false
 */
export function matchesNoScreen(list: string): boolean {
  const text = list.replace(/\/\*[^]*?(?:\*\/|$)/g, " ").toLowerCase().trim();
  if (text === "") return false;
  return text.split(",").every((query) => queryMatchesNoScreen(query.trim().replace(/\s+/g, " ")));
}

function queryMatchesNoScreen(query: string): boolean {
  if (query.startsWith("(")) return conditionIsEmpty(query);
  const match = typed.exec(query);
  if (!match) return false;
  const [, modifier, type, condition] = match;
  const isScreenType = type === "all" || type === "screen";
  if (modifier === "not") return condition === undefined && isScreenType;
  if (!isScreenType) return true;
  return condition !== undefined && conditionIsEmpty(condition);
}

/** Whether `(a) and (b) and ...` allows no screen. `or`, `not` and nesting are not read: they may match. */
function conditionIsEmpty(condition: string): boolean {
  const features = condition.split(/\s+and\s+/);
  const ranges = new Map<string, Range>();
  for (const feature of features) if (!narrow(ranges, feature.trim())) return false;
  for (const [name, range] of ranges) {
    if (range.low > range.high || (range.low === range.high && (range.lowOpen || range.highOpen))) return true;
    if (name === "resolution" ? range.high <= 0 : below(range, 1) || range.low >= largerThanAnyScreen) return true;
  }
  return false;
}

/** Whether every value the range allows is below `value`. */
function below(range: Range, value: number): boolean {
  return range.high < value || (range.high === value && range.highOpen);
}

/** Narrows `ranges` by one `(feature)`; false when it is not a plain feature this reader knows (then: may match). */
function narrow(ranges: Map<string, Range>, feature: string): boolean {
  const plain = plainFeature.exec(feature);
  if (plain) {
    const [, prefix, name, written] = plain as unknown as [string, string | undefined, string, string];
    const value = valueOf(written);
    if (value === undefined) return prefix === undefined; // `(width)` and the like: no bound
    if (prefix === "min-") bound(ranges, name, ">=", value);
    else if (prefix === "max-") bound(ranges, name, "<=", value);
    else bound(ranges, name, "=", value);
    return true;
  }
  const range = rangeFeature.exec(feature);
  if (!range) return false;
  const [, left, operator, right] = range as unknown as [string, string, string, string];
  const leftValue = valueOf(left);
  const rightValue = valueOf(right);
  if (leftValue === undefined && rightValue !== undefined && isRangeName(left)) bound(ranges, left, operator, rightValue);
  else if (rightValue === undefined && leftValue !== undefined && isRangeName(right)) bound(ranges, right, flipped(operator), leftValue);
  else return false;
  return true;
}

function isRangeName(name: string): boolean {
  return /^(?:(?:device-)?(?:width|height)|resolution)$/.test(name);
}

function flipped(operator: string): string {
  return operator.startsWith("<") ? operator.replace("<", ">") : operator.startsWith(">") ? operator.replace(">", "<") : operator;
}

function valueOf(written: string): number | undefined {
  const match = length.exec(written.trim());
  const scale = match ? lengthUnits[match[2]!] : undefined;
  if (!match || scale === undefined) return undefined;
  // A unitless length is only valid as 0.
  const value = Number(match[1]);
  return match[2] === "" && value !== 0 ? undefined : value * scale;
}

function bound(ranges: Map<string, Range>, name: string, operator: string, value: number): void {
  const range = ranges.get(name) ?? { low: -Infinity, lowOpen: false, high: Infinity, highOpen: false };
  ranges.set(name, range);
  if (operator.startsWith(">") || operator === "=") {
    const open = operator === ">";
    if (value > range.low || (value === range.low && open)) Object.assign(range, { low: value, lowOpen: open });
  }
  if (operator.startsWith("<") || operator === "=") {
    const open = operator === "<";
    if (value < range.high || (value === range.high && open)) Object.assign(range, { high: value, highOpen: open });
  }
}
