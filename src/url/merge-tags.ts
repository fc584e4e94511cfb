/**
 * Template merge tags. A URL that contains one is filled in later by the sending system, so the tag's bytes are
 * not ours to change (and what the URL will be is not known: it is not unwrapped): `*|UNSUB|*` (Mailchimp), `{{unsubscribe_url}}` / `{% ... %}` (Handlebars, Liquid,
 * Jinja), `%unsubscribe_url%` / `%%view_email_url%%` (Mailgun, ActiveCampaign, Salesforce), `[Unsubscribe]`
 * (SendGrid), `<%= ... %>` (ERB, EJS), `${...}` (template literals, FreeMarker).
 */
import { safeDecodeUri } from "./decode.js";

// "%name%" where the text after "%" is not a valid percent-escape ("%unsubscribe_url%", "%recipient.id%").
const PERCENT_TAG = /%(?![0-9A-Fa-f]{2})[A-Za-z_][\w.-]*%/;
// Names that start with two hex letters ("%ADDRESS%", "%account_id%") look like an escape followed by
// text. They count as tags only when the URL is not valid percent-encoding as a whole, so a real escape
// followed by letters ("%E2%82%ACg%20") is not mistaken for one.
const HEX_PERCENT_TAG = /%[A-Za-z]{2}\w*[G-Zg-z][\w.]*%/;
const MARKERS = /\*\||\|\*|\{\{|\}\}|\{%|%\}|<%|%>|&lt;%|%&gt;|\$\{|%%|\[\[|\]\]|\[[A-Za-z_][\w ]*\]/;

/**
 * What every pattern above needs somewhere: one of `|{}<>$[]`, or a "%" that is not a plain escape (not followed
 * by a hex pair, followed by two hex letters as in "%ADDRESS%", or after ";" as in "&lt;%"). Most URLs hold
 * only escapes like "%3A" and "%2F": one scan rules out all three patterns.
 */
const MAY_HOLD_TAG = /[|{}<>$[\]]|;%|%(?![0-9A-Fa-f]{2})|%[A-Fa-f]{2}/;

/** True when `url` contains merge-tag syntax anywhere. */
export function hasMergeTag(url: string): boolean {
  return (
    MAY_HOLD_TAG.test(url) &&
    (MARKERS.test(url) ||
      PERCENT_TAG.test(url) ||
      (HEX_PERCENT_TAG.test(url) && safeDecodeUri(url) === undefined))
  );
}

/** Each whole tag of the forms above, for `mergeTagSpans`. */
const wholeTags = new RegExp(
  [
    String.raw`\*\|[^|]*\|\*`, String.raw`\{\{[^}]*\}\}`, String.raw`\{%[^%]*%\}`, String.raw`<%[^%]*%>`,
    String.raw`&lt;%[^%]*?%&gt;`, String.raw`\$\{[^}]*\}`, String.raw`%%[^%]*%%`, String.raw`\[\[[^\]]*\]\]`,
    String.raw`\[[A-Za-z_][\w ]*\]`, PERCENT_TAG.source, HEX_PERCENT_TAG.source,
  ].join("|"),
  "g",
);

/**
 * Whether [start, end) of `text` touches a merge tag: it overlaps a whole tag, or holds a piece of tag syntax (an
 * unbalanced `{{#if`). A query parameter that does is left as it is.
 */
export function touchesMergeTag(text: string, start: number, end: number): boolean {
  if (hasMergeTag(text.slice(start, end))) return true;
  for (const match of text.matchAll(wholeTags)) if (match.index < end && start < match.index + match[0].length) return true;
  return false;
}

/** Index of the first `char` of `text` outside every whole tag (`${id?c}` holds a `?` that is the tag's), or -1. */
export function indexOutsideTags(text: string, char: string): number {
  let index = text.indexOf(char);
  if (index < 0) return -1;
  for (const match of text.matchAll(wholeTags)) {
    if (index < match.index) return index;
    if (index < match.index + match[0].length) index = text.indexOf(char, match.index + match[0].length);
    if (index < 0) return -1;
  }
  return index;
}
