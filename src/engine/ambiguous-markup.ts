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
