/**
 * Opaque click trackers: redirects whose destination is a server-side lookup, not written in the URL.
 * They are kept unchanged and reported. Identified by host AND path shape (never by host alone: the
 * same hosts serve unsubscribe and preference pages), or by a path shape specific enough on any host.
 * Order matters: the first match wins, so host-specific entries come before host-agnostic ones.
 */

export interface ClickTrackerRule {
  readonly id: string;
  readonly vendor: string;
  readonly source: string;
  /** Host suffixes. Absent with no hostPattern: any host. */
  readonly hosts?: readonly string[];
  readonly hostPattern?: RegExp;
  /** Tested against the path alone (no query). */
  readonly path: RegExp;
  /** A query parameter that must be present. */
  readonly param?: string;
  /** Why the destination is not recoverable (for the report). */
  readonly reason: string;
}

const TRACKING_MD = "docs/TRACKING.md section 4";
const LOOKUP = "destination is a server-side lookup";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export const clickTrackers: readonly ClickTrackerRule[] = [
  { id: "mailchimp", vendor: "Mailchimp", source: `${TRACKING_MD}; MailTrackerBlocker "Intuit"; Trocker "MC"`, hosts: ["list-manage.com", "list-manage1.com", "list-manage2.com"], path: /^\/track\/click\/?$/, reason: `${LOOKUP} (u, id, e)` },
  { id: "mailchimp-mctx", vendor: "Mailchimp", source: TRACKING_MD, hosts: ["mailchimp.com"], path: /^\/mctx\/clicks?\b/, reason: LOOKUP },
  { id: "mandrill", vendor: "Mandrill", source: `${TRACKING_MD}; Trocker "MC"`, hosts: ["mandrillapp.com"], path: /^\/track\/click(?:\.php)?(?:\/|$)/, reason: LOOKUP },
  { id: "klaviyo", vendor: "Klaviyo", source: `${TRACKING_MD}; Trocker "KV"`, hostPattern: /(?:^|\.)(?:klclick\d*\.com|klaviyomail\.com)$/, path: /^\/(?:ls\/click|l\/)/, reason: LOOKUP },
  { id: "braze", vendor: "Braze", source: "Braze click tracking on ablink.<domain> (SendGrid / SparkPost links)", hostPattern: /^ablink\./, path: /^\/(?:ls|wf)\/click$|^\/ss\/c\//, reason: `${LOOKUP} (opaque upn)` },
  { id: "sendgrid", vendor: "SendGrid", source: `${TRACKING_MD}; MailTrackerBlocker "SendGrid"; Trocker "SG"`, path: /^\/(?:ls|wf)\/click$/, param: "upn", reason: `${LOOKUP} (opaque upn)` },
  { id: "sendgrid-ss", vendor: "SendGrid", source: "SendGrid /ss/c/ click links (customer and beehiiv link domains); seen in real newsletters", path: /^\/ss\/c\/[A-Za-z0-9_-]{20,}/, reason: `${LOOKUP} (encrypted token)` },
  { id: "hubspot", vendor: "HubSpot", source: `${TRACKING_MD}; Trocker "SK"; MailTrackerBlocker "HubSpot"`, hostPattern: /(?:^|\.)(?:hubspotlinks\.com|hubspotstarter\.net|hubspotemail\.net|hs-sites\.com)$/, path: /^\/[A-Z][a-z]?tc\//, reason: LOOKUP },
  { id: "hubspot-sidekick", vendor: "HubSpot", source: `${TRACKING_MD}; Trocker "SK"`, hostPattern: /(?:^|\.)(?:sidekickopen\d*|sigopn\d*|signaux[a-z]*|senal[a-z]*|strk\d*)\.[a-z]+$/, path: /^\/[a-z]\d?t\/c\//, reason: LOOKUP },
  { id: "campaign-monitor", vendor: "Campaign Monitor", source: `${TRACKING_MD}; MailTrackerBlocker; EasyPrivacy`, hostPattern: /(?:^|\.)(?:createsend|cmail)\d*\.com$/, path: /^\/t\/[a-z]-l-/, reason: LOOKUP },
  { id: "constant-contact", vendor: "Constant Contact", source: `${TRACKING_MD}; Trocker "CC"`, hosts: ["rs6.net"], path: /^\/tn\.jsp$/, reason: LOOKUP },
  { id: "customer-io", vendor: "Customer.io", source: `${TRACKING_MD}; MailTrackerBlocker; EasyPrivacy`, hosts: ["customeriomail.com", "customer.io"], path: /^\/e\/c\//, reason: LOOKUP },
  { id: "mailgun", vendor: "Mailgun", source: `${TRACKING_MD}; MailTrackerBlocker; seen as email.<domain>/c/eJ... in real newsletters`, hostPattern: /^email\./, path: /^\/c\/[A-Za-z0-9_-]{16,}/, reason: `${LOOKUP} (compressed token)` },
  { id: "sparkpost", vendor: "SparkPost", source: `${TRACKING_MD}; MailTrackerBlocker "SparkPost"`, path: /^\/f\/a\/[^/]+~~\//, reason: LOOKUP },
  { id: "brevo", vendor: "Brevo (Sendinblue)", source: `${TRACKING_MD}; MailTrackerBlocker; EasyPrivacy`, hostPattern: /(?:^|\.)(?:sendibt\d*\.com|sendibm\d*\.com|sendibw\d*\.com|sendibtd\.com|sp1-brevo\.net|brevo\.net)$/, path: /^\/(?:tr|mk)\/cl\//, reason: LOOKUP },
  { id: "salesforce-mc", vendor: "Salesforce Marketing Cloud", source: `${TRACKING_MD}; MailTrackerBlocker "Salesforce"; seen as click.<domain>/?qs=<hex> in real emails`, hostPattern: /^(?:click|cl)\.|(?:^|\.)exct\.net$/, path: /^\/?$/, param: "qs", reason: LOOKUP },
  { id: "acoustic", vendor: "Acoustic (Silverpop)", source: `${TRACKING_MD}; MailTrackerBlocker; Trocker "IB"`, hostPattern: /(?:^|\.)mkt\d+\.(?:com|net)$/, path: /^\/ctt/, reason: LOOKUP },
  { id: "zoho-campaigns", vendor: "Zoho Campaigns", source: `${TRACKING_MD}; MailTrackerBlocker`, hostPattern: /(?:^|\.)maillist-manage\.[a-z.]+$/, path: /^\/clicks?\//, reason: LOOKUP },
  { id: "activecampaign", vendor: "ActiveCampaign", source: `${TRACKING_MD}; MailTrackerBlocker; Simplify`, hostPattern: /(?:^|\.)(?:acemln[a-d]\.com|emlnk1\.com|activehosted\.com)$/, path: /^\/Prod\/link-tracker$/, reason: LOOKUP },
  { id: "mixmax", vendor: "Mixmax", source: `${TRACKING_MD}; Trocker "MM"`, hosts: ["links.mixmax.com"], path: /^\/b\//, reason: LOOKUP },
  { id: "eloqua", vendor: "Oracle Eloqua", source: `${TRACKING_MD}; MailTrackerBlocker "Oracle"`, hosts: ["en25.com"], path: /^\/e\/er$/, reason: LOOKUP },
  { id: "responsys", vendor: "Oracle Responsys", source: `${TRACKING_MD}; MailTrackerBlocker "Oracle" (/pub/ _ri_ links)`, path: /^\/pub\/cc$/, param: "_ri_", reason: LOOKUP },
  { id: "iterable", vendor: "Iterable", source: "Iterable click links links.<domain>/a/click?_t=<token>", path: /^\/a\/click$/, param: "_t", reason: LOOKUP },
  { id: "mailerlite", vendor: "MailerLite", source: "MailerLite click links clicks.mlsend.com/t?/c/<token>", hosts: ["mlsend.com", "mailerlite.com"], path: /^\/t[a-z]\/c\//, reason: LOOKUP },
  { id: "aweber", vendor: "AWeber", source: "AWeber click links clicks.aweber.com/y/ct/?l=", hosts: ["clicks.aweber.com"], path: /^\/y\/ct\/?$/, reason: LOOKUP },
  { id: "substack-redirect", vendor: "Substack", source: "substack.com/redirect/<uuid>?j=...; seen in real newsletters", hosts: ["substack.com"], path: new RegExp(`^/redirect/${UUID}$`), reason: LOOKUP },
  { id: "outbrain", vendor: "Outbrain", source: "paid.outbrain.com/network/redir sponsored links; seen in real newsletters", hosts: ["paid.outbrain.com"], path: /^\/network\/redir$/, reason: LOOKUP },
  { id: "listmonk", vendor: "listmonk", source: "knadh/listmonk cmd/init.go: {root}/link/{link_uuid}/{campaign_uuid}/{subscriber_uuid}", path: new RegExp(`/link/${UUID}/${UUID}/${UUID}$`), reason: `${LOOKUP} (database row)` },
  { id: "mautic", vendor: "Mautic", source: "mautic/mautic PageBundle routing: /r/{redirectId}", path: /\/r\/[0-9a-f]{13,40}$/, reason: `${LOOKUP} (database row)` },
  { id: "phplist", vendor: "phpList", source: "phpList/phplist3 public_html/lists/lt.php", path: /\/lt\.php$/, param: "tid", reason: "destination is a database row (XOR-masked id)" },
  { id: "phplist-id", vendor: "phpList", source: "phpList/phplist3 public_html/lists/lt.php", path: /\/lt\.php$/, param: "id", reason: "destination is a database row (XOR-masked id)" },
];
