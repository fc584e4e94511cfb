// Every fail-closed rule of the engine, in one place (as lol-html keeps its `ambiguity_guard.rs`): markup that
// browsers and our reading (htmlparser2 plus the tree simulator) could read differently, or that a limit stops us
// from reading, is dropped with a warning, never passed through unjudged. Each rule names the repro behind it.
//
// A rule returns a verdict (drop, and why) or undefined; the engine applies it. `T` is a tracker URL.

import type { Warning } from "../types.js";

/** What a rule decided: drop the construct, and tell the caller why. */
export interface Verdict {
  readonly code: Warning["code"];
  readonly message: string;
}

/** How many comment/CDATA bodies deep the engine reads (a conditional comment in a CDATA tail in ...). */
export const maxNesting = 3;

/**
 * `<![CDATA[` in HTML content is a bogus comment ending at the first `>` for browsers, while htmlparser2 reads on
 * to `]]>`: markup after that `>` is live to browsers and invisible to our tree model. Reading it in a separate
 * run kept the fetches out but not its effect on the tree:
 * `<![CDATA[><svg>]]><style><img src=T>` opens an svg that makes the `<style>` foreign, so the img is live.
 * Drop the whole construct (ADVERSARIAL.md L1; issue 6, tree model).
 */
export function cdataInHtmlContent(inHtmlElement: boolean): Verdict | undefined {
  if (!inHtmlElement) return undefined;
  return { code: "ambiguous-markup", message: "removed a CDATA section in HTML content holding markup after its first >" };
}

/**
 * A limit must fail closed: CDATA sections or conditional comments nested deeper than `maxNesting` were copied
 * through unjudged (`"<svg><![CDATA[>".repeat(4)` then a blocked `<img>`; issue 6, item 6). Drop the construct.
 */
export function nestingLimit(depth: number): Verdict | undefined {
  if (depth < maxNesting) return undefined;
  return { code: "limit-exceeded", message: `removed a comment or CDATA section nested more than ${maxNesting} deep` };
}

/**
 * A limit must fail closed: input the engine holds undecided (a `<style>` block, a raw-text element's text, a tag
 * or comment not yet complete) is bounded by `maxBufferSize`, and what outgrows it is removed, never copied
 * through unread (`<img src=T` followed by megabytes of attribute text). `what` names the construct.
 */
export function bufferLimit(what: string): Verdict {
  return { code: "limit-exceeded", message: `${what} exceeded maxBufferSize and was removed` };
}

/** Raw-text elements whose text the engine holds and checks with `tagShapedText` (`<style>` is held anyway). */
export const heldRawText: ReadonlySet<string> = new Set([
  "title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext",
]);

const tagOpen = /<[a-z]/i;

/**
 * Defense in depth (issue 6, "How"): text the engine passes through unjudged (the raw text of `<style>`,
 * `<title>`, `<textarea>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<plaintext>`, and comments) is markup
 * to some reader whenever our model of the tree is wrong somewhere: `<svg><desc></desc><style><img src=T>`
 * fetched T while the engine believed `<style>` was HTML raw text. A regex over raw `<img` tags is immune to that
 * by construction; so is this rule. Text holding a tag open is judged as if it were live HTML (`probe`, the
 * same detectors and rules); when that judgement would remove or change a fetch, the whole construct goes. Text
 * with no such tag is never touched.
 */
export function tagShapedText(where: string, text: string, probe: (text: string) => boolean): Verdict | undefined {
  if (!tagOpen.test(text) || !probe(text)) return undefined;
  return { code: "ambiguous-markup", message: `removed <${where}> text holding markup that would fetch a blocked or tracking URL` };
}

/**
 * Names some reader takes as raw text up to the first `</name`, wherever it sits: `<noscript>` with scripting on
 * (most webmail; htmlparser2 reads markup), and for Blink's preload scanner every svg/math element named like an
 * HTML raw-text element, whatever its namespace: `<svg><xmp><a title="</xmp><img src=T>">` has no img in the DOM,
 * yet the scanner ends the raw text at `</xmp` and fetches T (adversary21 F2; svg `<style>` is held whole instead).
 */
export const scannerRawText: ReadonlySet<string> = new Set([
  "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
]);

const rawTextEnds: ReadonlyMap<string, RegExp> = new Map([...scannerRawText].map((name) => [name, new RegExp(`</${name}`, "i")]));

/** The first of `ends` (names from `scannerRawText`) whose end tag `text` holds, or undefined. */
function rawTextEndIn(ends: readonly string[], text: string): string | undefined {
  return ends.find((name) => rawTextEnds.get(name)!.test(text));
}

/**
 * An attribute value holding the end of raw text a reader is in (`ends`, see `scannerRawText`) ends it for that
 * reader, and what follows is live: `<noscript><p title="</noscript><img src=T>"></noscript>` (ADVERSARIAL.md
 * L5). Returns the attributes to remove (the tag stays).
 */
export function rawTextEndInAttributes<A extends { readonly value: string }>(
  ends: readonly string[],
  tagSource: () => string,
  attributes: readonly A[],
): A[] {
  if (ends.length === 0 || rawTextEndIn(ends, tagSource()) === undefined) return [];
  return attributes.filter((attribute) => rawTextEndIn(ends, attribute.value) !== undefined);
}

/** The warning for one attribute removed by `rawTextEndInAttributes`. */
export function rawTextEndAttributeVerdict(name: string, value: string, ends: readonly string[]): Verdict {
  return { code: "ambiguous-markup", message: `removed a "${name}" attribute holding </${rawTextEndIn(ends, value) ?? ends[0]}` };
}

/**
 * The same reading as `rawTextEndInAttributes`, for a comment or CDATA section:
 * `<noscript><!--</noscript><img src=T>--></noscript>` (L5 noscript + comment) ends the noscript inside the comment
 * for browsers with scripting on, so the img is live. The comment goes.
 */
export function rawTextEndInComment(ends: readonly string[], data: string): Verdict | undefined {
  const end = ends.length === 0 ? undefined : rawTextEndIn(ends, data);
  if (end === undefined) return undefined;
  return { code: "ambiguous-markup", message: `removed a comment holding </${end} inside <${end}>` };
}

/**
 * Where a raw-text element's content would be read as markup by some browsers: after `<noscript>` (raw text
 * itself with scripting on: `<noscript><style></noscript><img src=T></style>`, L5), or in `<select>` (Chromium's
 * customizable select reads `<select><style><a id="</style><img src=T>">` as live markup; ADVERSARIAL.md §4).
 */
export function rawTextContext(noscriptOpen: boolean, inSelect: boolean): "noscript" | "select" | undefined {
  if (noscriptOpen) return "noscript";
  return inSelect ? "select" : undefined;
}

/**
 * A raw-text start tag (`<title>`, `<textarea>`, `<xmp>`, ...) inside `<noscript>` or `<select>` (see
 * `rawTextContext`): the element goes whole, unless a detector removes it anyway.
 */
export function rawTextInAmbiguousContext(name: string, context: string | undefined): Verdict | undefined {
  if (context === undefined) return undefined;
  return { code: "ambiguous-markup", message: `removed <${name}> inside <${context}>` };
}

/**
 * An `<svg>` or `<math>` inside `<select>`: Chromium's customizable select builds it and reads what it holds as its
 * namespace's, older parsers ignore the tag and read what it holds as HTML (`<select><svg><template><image src=T>`
 * holds an `<img>` there). The element goes whole.
 */
export function foreignInSelect(name: string, foreign: boolean, inSelect: () => boolean): Verdict | undefined {
  if (!foreign || (name !== "svg" && name !== "math") || !inSelect()) return undefined;
  return { code: "ambiguous-markup", message: `removed <${name}> inside <select>` };
}

/**
 * A `<style>` inside `<select>` (any text), or inside `<noscript>` when its text holds `</noscript`: the browser
 * readings differ on where it ends (`<select><style><a id="</style><img src=T>">`, L5's `<style></noscript>`).
 */
export function styleInAmbiguousContext(context: string | undefined, css: string): Verdict | undefined {
  if (context === "select" || (context === "noscript" && rawTextEnds.get("noscript")!.test(css))) {
    return { code: "ambiguous-markup", message: `removed a <style> inside <${context}>` };
  }
  return undefined;
}

/**
 * A `<style>` whose sheet, once the URLs judged in it are cut out, would fetch something that must go again:
 * removing a span joins the text around it, and `@im` + `@import "T1"` + `port "T2";` reads as a new import. Its
 * edited text is judged once more; when that would edit it again, the whole element goes (`stillFetches`).
 */
export function editedStyleStillFetches(stillFetches: boolean): Verdict | undefined {
  if (!stillFetches) return undefined;
  return { code: "ambiguous-markup", message: "removed a <style> whose text, once edited, would still fetch a blocked or tracking URL" };
}

const styleEndTag = /<\/style[\t\n\f\r />]/i;

/**
 * A `<style>` read the other way (an HTML sheet as svg text with its character references decoded, an svg sheet as
 * raw text) would fetch a URL that goes: the tree model's namespace may be wrong where browsers rebuild the tree
 * (`<p><b></p><svg></b><style>&#x2f;&#x2a;{} *{background:url(T)} &#x2a;&#x2f;</style>` is an HTML sheet fetching
 * T to Chromium, one comment to an svg reading; `</form>` leaves an svg open; adversary21 F3, F4). The element goes.
 */
export function otherReadingFetches(foreign: boolean): Verdict {
  return { code: "ambiguous-markup", message: `removed a <style> whose text, read as ${foreign ? "HTML raw text" : "svg text"}, would fetch a blocked or tracking URL` };
}

/**
 * A `<style>` whose text, once edited, holds its own end tag: cutting spans out joins the text around them, and
 * `<` + `@import "T1"` + `/style>` ends the element early, the rest of the sheet then read as HTML (`<style><@import
 * "T1"/style><@import "T2"img src=T></style>` fetched T; adversarial review, issue 11). The whole element goes.
 */
export function editedStyleEndsEarly(edited: string): Verdict | undefined {
  if (!styleEndTag.test(edited)) return undefined;
  return { code: "ambiguous-markup", message: "removed a <style> whose text, once edited, would end the element early" };
}

/**
 * A `<base>` inside a CDATA section's tail is seen only by Blink's preload scanner, and would rebase its later
 * fetches, even outside the CDATA: `<svg><![CDATA[><base href=T>]]></svg><img src=logo.png>` (test/suites/browser.test.ts). It goes.
 */
export function baseInCdata(name: string, inCdata: boolean): Verdict | undefined {
  if (name !== "base" || !inCdata) return undefined;
  return { code: "ambiguous-markup", message: "removed <base> inside CDATA" };
}

/**
 * A limit must fail closed: a stripper keeps at most `maxStyleRules` distinct `<style>` rules (a long stream of
 * mail through one stripper would otherwise keep every sheet it passed). A sheet that would bring more is not read,
 * so its rules would size, hide or reveal elements in browsers without us knowing: one email of 10,000 junk
 * selectors followed by `.px{width:1px;height:1px}` kept its pixel (adversarial review, issue 11). The sheet goes.
 */
export function styleRulesLimit(limit: string): Verdict {
  return { code: "limit-exceeded", message: `removed a <style> whose rules would bring the kept ones past ${limit}` };
}

/**
 * A limit must fail closed, and this one cannot: the list of active formatting elements keeps 16 since its last
 * marker (each one reopened costs a style match, and hostile mail can make it reopen them all after every block),
 * and browsers reopen every one of them before later content, so a hidden one pushed out of the list
 * (`<p><b style="display:none">` then 20 distinct `<i>`, `</p>`, a pixel) hides what the engine reads as visible
 * (adversary22). Only hostile markup opens so many; the report says so, for callers that refuse to send.
 */
export function formattingListLimit(limit: number): Verdict {
  return { code: "limit-exceeded", message: `more than ${limit} formatting elements were open at once: the oldest are not reopened after an implied close` };
}

/**
 * Browsers read quotes in end-tag attributes; htmlparser2 stops at the first `>`:
 * `<p>x</p a="><!--"><img src=T>-->` hides a live img in what we read as a comment (ADVERSARIAL.md L2). The
 * attributes go (the end tag stays, bare), so both read the same tag.
 */
export function quotedEndTag(afterName: string): Verdict | undefined {
  if (!afterName.includes('"') && !afterName.includes("'")) return undefined;
  return { code: "ambiguous-markup", message: "removed attributes with quotes from an end tag" };
}

/**
 * Blink's preload scanner reads the text after a self-closing svg/math `<style/>` as style text up to the next
 * `</style>`, and requests its `@import`s, while the tree holds an empty element and that text as live content:
 * `<svg><style/>@import "T";</svg>` fetched T (test/suites/browser.test.ts). The empty element does nothing; the
 * tag goes.
 */
export function selfClosingForeignStyle(): Verdict {
  return { code: "ambiguous-markup", message: "removed a self-closing svg <style/>, after which some browsers read text as CSS" };
}

/**
 * An svg/math `<style>` is held until its end tag, its text read as CSS. A start tag, another end tag or a
 * comment inside it is markup that browsers read as elements (`<svg><style><img src=T></style>`, live in both
 * readings; ADVERSARIAL.md §4) while we hold it as text: the whole `<style>` element goes.
 */
export function markupInForeignStyle(what: "markup" | "a comment"): Verdict {
  return { code: "ambiguous-markup", message: `an svg <style> holding ${what} was removed` };
}
