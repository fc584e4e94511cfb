/**
 * Template merge tags. A URL that contains one is filled in later by the sending system, so its bytes are
 * not ours to change: `*|UNSUB|*` (Mailchimp), `{{unsubscribe_url}}` / `{% ... %}` (Handlebars, Liquid,
 * Jinja), `%unsubscribe_url%` / `%%view_email_url%%` (Mailgun, ActiveCampaign, Salesforce), `[Unsubscribe]`
 * (SendGrid), `<%= ... %>` (ERB, EJS), `${...}` (template literals, FreeMarker).
 */

// "%name%" only when the text after "%" is not a valid percent-escape, so "%E2%80%" is never a merge tag;
// upper-case tags like "%ADDRESS%" whose first letters happen to be hex are accepted by the second branch.
const PERCENT_TAG = /%(?![0-9A-Fa-f]{2})[A-Za-z_][\w.-]*%|%[A-Z_]{3,}[A-Z0-9_.]*%/;
const MARKERS = /\*\||\|\*|\{\{|\}\}|\{%|%\}|<%|%>|&lt;%|%&gt;|\$\{|%%|\[\[|\]\]|\[[A-Za-z_][\w ]*\]/;

/** True when `url` contains merge-tag syntax anywhere. */
export function hasMergeTag(url: string): boolean {
  return MARKERS.test(url) || PERCENT_TAG.test(url);
}
