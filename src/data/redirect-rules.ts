/**
 * Click-redirect wrappers whose destination is written in the URL itself, as data with provenance.
 *
 * Only wrappers listed here are unwrapped. A rule names where the destination sits (`extract`); the
 * decoders live in src/url/redirects.ts. Hosts match by host suffix ("awstrack.me" matches
 * "r.us-east-1.awstrack.me"); "google.*" matches any registrable domain google.<public suffix>. A rule
 * without hosts is host-agnostic (self-hosted senders, customer tracking domains) and must therefore
 * have a specific path shape and a destination that decodes to an http(s) URL. A destination on the link's own
 * registrable domain is unwrapped too: senders put these wrappers on their own subdomain (`link.brand.com`).
 */

export type RedirectExtract =
  /** The destination is the (percent-encoded) value of one of these query parameters. */
  | { readonly kind: "query"; readonly params: readonly string[] }
  /** Capture group 1 of `pattern` (run on path + query + fragment) holds the destination. */
  | {
      readonly kind: "path";
      readonly pattern: RegExp;
      readonly decode: "percent" | "base64";
      /** Prepended when the decoded destination has no scheme (Postmark writes host + path only). */
      readonly defaultScheme?: string;
    }
  /**
   * Capture group 1 of `pattern` is a JWT-shaped token whose JSON payload holds the destination at `key`, and a
   * string at each of `claims` (what the tool always writes: a host-agnostic shape needs more than one claim).
   */
  | { readonly kind: "jwt"; readonly pattern: RegExp; readonly key: string; readonly claims?: readonly string[] }
  /** The first http(s) URL written (plain or percent-encoded) in the query; everything after it is the URL. */
  | { readonly kind: "embedded" }
  /** Proofpoint URL Defense v2: `u=` with "-" for "%" and "_" for "/". */
  | { readonly kind: "proofpoint-v2" }
  /** Proofpoint URL Defense v3: `/v3/__<url>__;<base64 of replaced chars>!...`. */
  | { readonly kind: "proofpoint-v3" };

export interface RedirectRule {
  /** Rule id used in reports. */
  readonly id: string;
  readonly vendor: string;
  readonly source: string;
  /** Host suffixes ("google.*" = google.<any public suffix>). Absent: any host (see `hostPattern`). */
  readonly hosts?: readonly string[];
  /** For hosts that a suffix cannot express ("<app>-dot-yamm-track.appspot.com"). */
  readonly hostPattern?: RegExp;
  /** Tested against the path alone (no query). Absent: any path. */
  readonly path?: RegExp;
  readonly extract: RedirectExtract;
}

const TRACKING_MD = "docs/TRACKING.md section 4";
const base64Segment = "([A-Za-z0-9_-]{8,}={0,2})";
const jwt = "([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*)";

export const redirectRules: readonly RedirectRule[] = [
  // ---- Email service providers and mail tools ----
  {
    id: "amazon-ses",
    vendor: "Amazon SES",
    source: `${TRACKING_MD}; tidy-url awstrack.me amp rule (MIT); ClearURLs awstrack.me redirection (fact only)`,
    hosts: ["awstrack.me"],
    extract: { kind: "path", pattern: /^\/L0\/([^/]+)/, decode: "percent" },
  },
  {
    id: "redditmail",
    vendor: "Reddit (Amazon SES)",
    source: "tidy-url click.redditmail.com decode rule (MIT)",
    hosts: ["click.redditmail.com"],
    extract: { kind: "path", pattern: /^\/CL0\/([^/]+)/, decode: "percent" },
  },
  {
    id: "postmark",
    vendor: "Postmark",
    source: `${TRACKING_MD}; tidy-url click.pstmrk.it amp rule (MIT); newhouse/url-tracking-stripper#108`,
    hosts: ["click.pstmrk.it"],
    extract: { kind: "path", pattern: /^\/[A-Za-z0-9]{1,3}\/([^/?#]+)/, decode: "percent", defaultScheme: "https://" },
  },
  {
    id: "mailjet",
    vendor: "Mailjet",
    source: `${TRACKING_MD}; tidy-url mjt.lu handler (base64 of the last path segment, MIT)`,
    hosts: ["mjt.lu"],
    extract: { kind: "path", pattern: new RegExp(`^/lnk/(?:[^/?#]+/)*${base64Segment}/?(?:[?#]|$)`), decode: "base64" },
  },
  {
    id: "sailthru",
    vendor: "Sailthru",
    source: "Sailthru (Marigold) link rewriting, link.<domain>/click/<id>.<id>/<base64url destination>/<sig>; seen in real newsletters (Axios, Morning Brew, Bloomberg)",
    extract: { kind: "path", pattern: new RegExp(`^/click/\\d+\\.\\d+/${base64Segment}(?:/|$)`), decode: "base64" },
  },
  {
    id: "convertkit",
    vendor: "ConvertKit (Kit)",
    source: "ConvertKit click links click.convertkit-mail<N>.com/<id>/<id>/<base64 destination>; seen in real newsletters",
    hostPattern: /(?:^|\.)convertkit-mail\d*\.com$/,
    extract: { kind: "path", pattern: new RegExp(`^/[a-z0-9]+/[a-z0-9]+/${base64Segment}/?(?:[?#]|$)`), decode: "base64" },
  },
  {
    id: "substack",
    vendor: "Substack",
    source: "Substack substack.com/redirect/2/<JWT>, payload key \"e\" = destination; seen in real newsletters",
    hosts: ["substack.com"],
    extract: { kind: "jwt", pattern: new RegExp(`^/redirect/2/${jwt}(?:[/?#]|$)`), key: "e" },
  },
  {
    id: "nodemailer-mail-tracking",
    vendor: "nodemailer-mail-tracking",
    source: "iGLOO-be/nodemailer-mail-tracking src/lib/patch-html.ts (MIT): {baseUrl}/link/{JWT}, payload key \"link\"; src/types.ts: every payload holds \"recipient\" (JwtData)",
    extract: { kind: "jwt", pattern: new RegExp(`^(?:/[^?#]*)?/link/${jwt}(?:[?#]|$)`), key: "link", claims: ["recipient"] },
  },
  {
    id: "mailtrack",
    vendor: "Mailtrack",
    source: `${TRACKING_MD}; ClearURLs mailtrack.io redirection (fact only)`,
    hosts: ["mailtrack.io", "mltrk.io"],
    path: /^\/trace\/link\//,
    extract: { kind: "query", params: ["url"] },
  },
  {
    id: "icontact",
    vendor: "iContact",
    source: `${TRACKING_MD}; Trocker chrome/lists.js "IC"`,
    hosts: ["icptrack.com"],
    extract: { kind: "query", params: ["destination"] },
  },
  {
    id: "yesware",
    vendor: "Yesware",
    source: `${TRACKING_MD}; Trocker chrome/lists.js "YW"`,
    hosts: ["t.yesware.com", "app.yesware.com"],
    path: /^\/tl\//,
    extract: { kind: "query", params: ["ytl"] },
  },
  {
    id: "bananatag",
    vendor: "Bananatag",
    source: `${TRACKING_MD}; Trocker chrome/lists.js "BT"; PixelBlock`,
    hosts: ["bl-1.com"],
    extract: { kind: "query", params: ["url"] },
  },
  {
    id: "govdelivery",
    vendor: "GovDelivery (Granicus)",
    source: `${TRACKING_MD}; ClearURLs govdelivery.com redirection (fact only)`,
    hosts: ["links.govdelivery.com"],
    extract: { kind: "embedded" },
  },
  {
    id: "mailpanion",
    vendor: "Mailpanion",
    source: "ClearURLs mailpanion.com redirection (fact only)",
    hosts: ["mailpanion.com"],
    extract: { kind: "query", params: ["destination"] },
  },
  {
    id: "signtr",
    vendor: "Signtr",
    source: "ClearURLs signtr.website redirection (fact only)",
    hosts: ["signtr.website"],
    extract: { kind: "query", params: ["redirect"] },
  },
  {
    id: "nylas",
    vendor: "Nylas",
    source: "Nylas link tracking link.nylas.com/link/<id>/<id>/<n>?redirect=<url>; seen in real emails",
    hosts: ["link.nylas.com"],
    path: /^\/link\//,
    extract: { kind: "query", params: ["redirect"] },
  },
  {
    id: "yamm",
    vendor: "Yet Another Mail Merge",
    source: "YAMM click tracking <app>-dot-yamm-track.appspot.com/Redirect?...&link=<url>; seen in real emails",
    hostPattern: /(?:^|\.|-dot-)yamm-track\.appspot\.com$/,
    path: /^\/Redirect$/i,
    extract: { kind: "query", params: ["link"] },
  },
  // ---- Link-protection rewriters (security gateways) ----
  {
    id: "proofpoint-v1",
    vendor: "Proofpoint URL Defense",
    source: "Proofpoint URLDefenseDecode.py (v1: u= percent-encoded)",
    hosts: ["urldefense.proofpoint.com", "urldefense.com"],
    path: /^\/v1\/url$/,
    extract: { kind: "query", params: ["u"] },
  },
  {
    id: "proofpoint-v2",
    vendor: "Proofpoint URL Defense",
    source: `${TRACKING_MD}; tidy-url urldefense handler (MIT); Proofpoint URLDefenseDecode.py`,
    hosts: ["urldefense.proofpoint.com", "urldefense.com"],
    path: /^\/v2\/url$/,
    extract: { kind: "proofpoint-v2" },
  },
  {
    id: "proofpoint-v3",
    vendor: "Proofpoint URL Defense",
    source: "Proofpoint URLDefenseDecode.py v3 (help.proofpoint.com urldecoder.py): run mapping A-Z=2.., '*' and '**X' tokens",
    hosts: ["urldefense.proofpoint.com", "urldefense.com"],
    path: /^\/v3\/__/,
    extract: { kind: "proofpoint-v3" },
  },
  {
    id: "outlook-safelinks",
    vendor: "Microsoft Defender Safe Links",
    source: "https://learn.microsoft.com/en-us/defender-office-365/safe-links-about (url= parameter)",
    hosts: ["safelinks.protection.outlook.com"],
    extract: { kind: "query", params: ["url"] },
  },
  // ---- Platform redirectors found in email ----
  {
    id: "google-url",
    vendor: "Google",
    source: `${TRACKING_MD}; ClearURLs google redirection (fact only); tidy-url google.com rule (MIT)`,
    hosts: ["google.*"],
    path: /^\/url$/,
    extract: { kind: "query", params: ["q", "url"] },
  },
  {
    id: "google-ads",
    vendor: "Google Ads",
    source: "ClearURLs doubleclick / googleadservices redirections (fact only); tidy-url doubleclick rule (MIT)",
    hosts: ["doubleclick.net", "googleadservices.com"],
    extract: { kind: "query", params: ["adurl"] },
  },
  {
    id: "youtube-redirect",
    vendor: "YouTube",
    source: "tidy-url youtube.com redirect 'q' (MIT)",
    hosts: ["youtube.com"],
    path: /^\/redirect$/,
    extract: { kind: "query", params: ["q"] },
  },
  {
    id: "facebook",
    vendor: "Meta",
    source: "tidy-url facebook.com / l.messenger.com / instagram.com redirect 'u' (MIT); ClearURLs facebook redirection",
    hosts: ["l.facebook.com", "lm.facebook.com", "l.messenger.com", "l.instagram.com"],
    extract: { kind: "query", params: ["u"] },
  },
  {
    id: "linkedin",
    vendor: "LinkedIn",
    source: "LinkedIn external-link redirector linkedin.com/redir/redirect?url= (and /redir/general-malware-page?url=)",
    hosts: ["linkedin.com"],
    path: /^\/redir\/(?:redirect|general-malware-page|phishing-page|suspicious-page)\/?$/,
    extract: { kind: "query", params: ["url"] },
  },
  {
    id: "slack",
    vendor: "Slack",
    source: "Slack external-link redirector slack-redir.net/link?url=",
    hosts: ["slack-redir.net"],
    path: /^\/link$/,
    extract: { kind: "query", params: ["url"] },
  },
  {
    id: "duckduckgo",
    vendor: "DuckDuckGo",
    source: "ClearURLs duckduckgo redirection /l/?uddg= (fact only)",
    hosts: ["duckduckgo.com"],
    path: /^\/l\/?$/,
    extract: { kind: "query", params: ["uddg"] },
  },
  {
    id: "steam-linkfilter",
    vendor: "Steam",
    source: "tidy-url steamcommunity.com redirect (MIT)",
    hosts: ["steamcommunity.com"],
    path: /^\/linkfilter\/?$/,
    extract: { kind: "query", params: ["url", "u"] },
  },
  {
    id: "vk-away",
    vendor: "VK",
    source: "ClearURLs vk.com redirection away.php?to= (fact only)",
    hosts: ["vk.com"],
    path: /^\/away\.php$/,
    extract: { kind: "query", params: ["to"] },
  },
  {
    id: "tumblr",
    vendor: "Tumblr",
    source: "ClearURLs tumblr redirection t.umblr.com/redirect?z= (fact only)",
    hosts: ["t.umblr.com"],
    path: /^\/redirect$/,
    extract: { kind: "query", params: ["z"] },
  },
  {
    id: "disqus",
    vendor: "Disqus",
    source: "ClearURLs disq.us redirection url= (fact only)",
    hosts: ["disq.us"],
    path: /^\/url$/,
    extract: { kind: "query", params: ["url"] },
  },
  // ---- Affiliate networks (links in promotional mail) ----
  {
    id: "linksynergy",
    vendor: "Rakuten Advertising",
    source: "tidy-url linksynergy.com redirect 'murl' (MIT); ClearURLs",
    hosts: ["linksynergy.com"],
    extract: { kind: "query", params: ["murl"] },
  },
  {
    id: "awin",
    vendor: "Awin",
    source: "ClearURLs awin1.com redirection 'ued' (fact only)",
    hosts: ["awin1.com"],
    extract: { kind: "query", params: ["ued"] },
  },
  {
    id: "skimlinks",
    vendor: "Skimlinks",
    source: "ClearURLs skimresources / redirectingat redirection 'url' (fact only)",
    hosts: ["go.skimresources.com", "go.redirectingat.com"],
    extract: { kind: "query", params: ["url"] },
  },
  {
    id: "viglink",
    vendor: "Sovrn (VigLink)",
    source: "tidy-url redirect.viglink.com redirect 'u' (MIT)",
    hosts: ["redirect.viglink.com"],
    extract: { kind: "query", params: ["u"] },
  },
  {
    id: "impact",
    vendor: "Impact",
    source: "tidy-url sjv.io redirect 'u' (MIT)",
    hosts: ["sjv.io"],
    extract: { kind: "query", params: ["u"] },
  },
  {
    id: "cj",
    vendor: "CJ Affiliate",
    source: "tidy-url dpbolvw.net / jdoqocy.com / tkqlhce.com redirect 'url' (MIT)",
    hosts: ["dpbolvw.net", "jdoqocy.com", "tkqlhce.com", "anrdoezrs.net", "kqzyfj.com"],
    extract: { kind: "query", params: ["url"] },
  },
  {
    id: "adtraction",
    vendor: "Adtraction",
    source: "tidy-url adtraction.com redirect 'url' (MIT)",
    hosts: ["adtraction.com"],
    extract: { kind: "query", params: ["url"] },
  },
];
