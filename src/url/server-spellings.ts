// The other spellings of a URL's path and query that a server reads as the same request. Browsers send a path as
// written (the WHATWG URL parser neither decodes `%6F` nor merges `//`), but servers decode escapes of unreserved
// characters (RFC 3986 §6.2.2.2: `%6F` is `o`), merge slashes (nginx `merge_slashes on` by default) and read query
// parameters in any order. A rule written for `/wf/open?upn=` must match `/wf/%6Fpen?x=1&upn=` too (adversary19 F6).

const unreservedEscape = /%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2d|2e|5f|7e)/gi;

/**
 * The path and query with every escape of an unreserved character (`A-Z a-z 0-9 - . _ ~`) decoded and runs of `/`
 * in the path merged; undefined when that changes nothing. Other escapes (`%2F`, `%26`, `%3D`) keep their meaning
 * and stay.
 * @param target - A path and query (`/wf/%6Fpen?upn=1`).
 * @example serverSpelling("/wf//%6Fpen?%75pn=1") //=> "/wf/open?upn=1"
 */
export function serverSpelling(target: string): string | undefined {
  if (!target.includes("%") && !target.includes("//")) return undefined;
  const queryAt = target.indexOf("?");
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  const query = queryAt < 0 ? "" : target.slice(queryAt);
  const decode = (text: string): string => text.replace(unreservedEscape, (escape) => String.fromCharCode(Number.parseInt(escape.slice(1), 16)));
  const spelled = decode(path).replace(/\/{2,}/g, "/") + decode(query);
  return spelled === target ? undefined : spelled;
}

/** More parameters than this are not reordered (no tracking URL needs it, and each order costs a match). */
const maxReordered = 16;

/**
 * The path and query once per query parameter after the first, with that parameter moved first and the others in
 * their order: a rule that names a first parameter (`/track/open.php?u=`) finds it wherever it was written.
 * @param target - A path and query.
 * @param movable - Only parameters of these names (lower case) are moved: those some rule names first.
 * @example parameterFirst("/trk?mid=42&t=1") //=> ["/trk?t=1&mid=42"]
 */
export function parameterFirst(target: string, movable?: ReadonlySet<string>): string[] {
  const queryAt = target.indexOf("?");
  if (queryAt < 0) return [];
  const parameters = target.slice(queryAt + 1).split("&");
  if (parameters.length < 2) return [];
  const path = target.slice(0, queryAt + 1);
  const orders: string[] = [];
  for (let i = 1; i < Math.min(parameters.length, maxReordered); i++) {
    const parameter = parameters[i]!;
    const eq = parameter.indexOf("=");
    if (parameter === "" || (movable !== undefined && !movable.has((eq < 0 ? parameter : parameter.slice(0, eq)).toLowerCase()))) continue;
    orders.push(path + [parameters[i], ...parameters.slice(0, i), ...parameters.slice(i + 1)].join("&"));
  }
  return orders;
}
