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

/** True when `url` contains merge-tag syntax anywhere. */
export function hasMergeTag(url: string): boolean {
  return (
    MARKERS.test(url) ||
    PERCENT_TAG.test(url) ||
    (HEX_PERCENT_TAG.test(url) && safeDecodeUri(url) === undefined)
  );
}
