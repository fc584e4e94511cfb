/**
 * Template merge tags. A URL that contains one is filled in later by the sending system, so its bytes are
 * not ours to change: `*|UNSUB|*` (Mailchimp), `{{unsubscribe_url}}` / `{% ... %}` (Handlebars, Liquid,
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
