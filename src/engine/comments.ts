// The readings of a comment or CDATA section. Browsers and mail clients read some of them as markup: Outlook
// reads the body of `<!--[if mso]>...<![endif]-->` as HTML, browsers end `<![CDATA[` in HTML content at its
// first `>`, and `</noscript` inside `<noscript>` ends it for browsers with scripting on. Each reading is
// decided here; the engine applies the plan.

import { resolveUrl } from "../url/resolve-url.js";
import { cdataInHtmlContent, rawTextEndInComment, tagShapedText, type Verdict } from "./ambiguous-markup.js";
import type { Scope } from "./plan.js";

/** What becomes of a comment or CDATA construct; undefined: it stays as it is. */
export type CommentPlan =
  /** The whole construct goes (a fail-closed rule). */
  | { readonly kind: "drop"; readonly verdict: Verdict }
  /** The whole construct goes: it names a URL a block rule matches. */
  | { readonly kind: "blocked-url"; readonly url: string }
  /** The input [from, to) is markup to some reader: strip it like the rest of the document, in place. */
  | { readonly kind: "read-nested"; readonly from: number; readonly to: number; readonly what: "conditional-comment" | "cdata" }
  | undefined;

const conditionalCommentStart = /^\s*\[if\s[^\]]*\]>/i;
const conditionalCommentEnd = /<!\[endif\]\s*$/i;
const commentUrl = /(?:https?:)?\/\/[^\s"'<>()]+/gi;

/** Plans a comment whose data is the input [dataStart, dataEnd) (`<!--` is just before it). */
export function planComment(dataStart: number, dataEnd: number, scope: Scope): CommentPlan {
  const data = scope.slice(dataStart, dataEnd);
  const rawTextEnd = rawTextEndInComment(scope.rawTextEnds, data);
  if (rawTextEnd) return { kind: "drop", verdict: rawTextEnd };
  // An unterminated `<![CDATA[` reaches here as a comment; browsers still end it at the first `>`.
  if (data.startsWith("[CDATA[")) return planCdata(dataStart + 7, dataEnd, scope);
  const opening = conditionalCommentStart.exec(data);
  if (!opening) return planPlainComment(data, dataStart, scope);
  const from = dataStart + opening[0].length;
  const closing = conditionalCommentEnd.exec(data);
  const to = closing ? dataStart + closing.index : dataEnd;
  return to > from ? { kind: "read-nested", from, to, what: "conditional-comment" } : undefined;
}

/**
 * Word's comment parser is undocumented (ADVERSARIAL.md §4): a plain comment naming a blocked URL goes, whole.
 * Comments render nothing, so nothing visible is lost.
 */
function planPlainComment(data: string, dataStart: number, scope: Scope): CommentPlan {
  const verdict = tagShapedText("!--", data, (text) => scope.probe(text, dataStart));
  if (verdict) return { kind: "drop", verdict };
  const block = scope.config.block;
  if (block.isEmpty || !data.includes("//")) return undefined;
  for (const [url] of data.matchAll(commentUrl)) {
    if (block.matchesUrl(resolveUrl(url, scope.baseHref))) return { kind: "blocked-url", url };
  }
  return undefined;
}

/**
 * Plans a CDATA section whose data is the input [dataStart, dataEnd). Browsers end `<![CDATA[` in HTML content at
 * the first `>`, as a bogus comment; what follows is live markup to them though htmlparser2 reads it as CDATA
 * (ADVERSARIAL.md L1). In svg/math it is real CDATA, but Blink's preload scanner still reads it the HTML way and
 * fetches what follows the `>`.
 */
export function planCdata(dataStart: number, dataEnd: number, scope: Scope): CommentPlan {
  const data = scope.slice(dataStart, dataEnd);
  const rawTextEnd = rawTextEndInComment(scope.rawTextEnds, data);
  if (rawTextEnd) return { kind: "drop", verdict: rawTextEnd };
  const gt = data.indexOf(">");
  // Before the first `>` is text to every reader: unjudged, so it must not hold a fetch.
  const head = tagShapedText("![CDATA[", gt < 0 ? data : data.slice(0, gt), (text) => scope.probe(text, dataStart));
  if (head) return { kind: "drop", verdict: head };
  if (gt < 0 || !data.includes("<", gt)) return undefined; // no markup after the `>`: nothing is read differently
  const verdict = cdataInHtmlContent(scope.inHtmlElement());
  if (verdict) return { kind: "drop", verdict };
  return { kind: "read-nested", from: dataStart + gt + 1, to: dataEnd, what: "cdata" };
}
