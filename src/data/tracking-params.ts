/**
 * Tracking query parameters, as data with provenance per entry.
 *
 * Facts only: parameter names are facts, taken from tidy-url (MIT) and ClearURLs (LGPL-3.0; names only, no
 * file copied) or from the vendor's own documentation. `name` is an exact name (matched case-insensitively)
 * or a prefix pattern ending in `*` ("utm_*"). `hosts` makes the rule per-site: it applies only when the
 * link's registrable domain (or host suffix) is one of them.
 *
 * Deliberately absent: parameters that make links work (unsubscribe / confirm / reset tokens such as `token`,
 * `t`, `key`, `code`, `id`, `email`, `e`, `u`, `sig`, `hash`) and broad names (`ref`, `source`, `s`, `cid`)
 * outside the few sites where they are known to be tracking only. A test asserts this.
 */

export interface TrackingParamRule {
  /** Exact parameter name, or a prefix pattern ending in "*" (e.g. "utm_*"). */
  readonly name: string;
  readonly vendor: string;
  /** Where the fact comes from. */
  readonly source: string;
  /** Per-site rule: registrable domains (or host suffixes) it applies to. Absent = every host. */
  readonly hosts?: readonly string[];
}

const TIDY = "tidy-url data/rules.js Global (MIT)";
const CLEAR = "ClearURLs data.min.json globalRules (LGPL-3.0, fact only)";
const tidySite = (site: string): string => `tidy-url data/rules.js ${site} (MIT)`;
const clearSite = (provider: string): string => `ClearURLs data.min.json providers.${provider} (LGPL-3.0, fact only)`;

/** Shorthand for a group of global names from one vendor and source. */
function group(vendor: string, source: string, names: readonly string[]): TrackingParamRule[] {
  return names.map((name) => ({ name, vendor, source }));
}

/** Shorthand for a group of per-site names. */
function site(
  vendor: string,
  source: string,
  hosts: readonly string[],
  names: readonly string[],
): TrackingParamRule[] {
  return names.map((name) => ({ name, vendor, source, hosts }));
}

const AMAZON = ["amazon.com", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.it", "amazon.es", "amazon.ca", "amazon.co.jp", "amazon.com.au", "amazon.in", "amazon.nl", "amazon.com.mx", "amazon.com.br", "amazon.se", "amazon.pl"];
const EBAY = ["ebay.com", "ebay.co.uk", "ebay.de", "ebay.fr", "ebay.it", "ebay.es", "ebay.ca", "ebay.com.au"];
const ALIEXPRESS = ["aliexpress.com", "aliexpress.us", "aliexpress.ru"];

export const trackingParams: readonly TrackingParamRule[] = [
  // Google Analytics campaign parameters (utm_source, utm_medium, ... and their many variants and typos).
  { name: "utm_*", vendor: "Google Analytics", source: `${TIDY}; ${CLEAR} utm(?:_[a-z_]*)?` },
  { name: "utm", vendor: "Google Analytics", source: `${CLEAR} utm(?:_[a-z_]*)?` },
  // Internal-campaign variants.
  // The names the sources list, not `itm_*`: a shop's own `itm_id` (an item) is no tracking (adversary25 F7).
  ...group("Internal campaign tracking", TIDY, ["itm_source", "itm_medium", "itm_term", "itm_content", "itm_channel", "itm_source_s", "itm_medium_s", "itm_campaign_s"]),
  { name: "itm_campaign", vendor: "Internal campaign tracking", source: `${TIDY}; ${CLEAR}` },
  ...group("Internal campaign tracking", TIDY, ["int_source", "int_cmp_name", "int_cmp_id", "int_cmp_creative", "int_medium", "int_campaign", "int_content"]),
  // Matomo / Piwik.
  ...group("Matomo", `${TIDY} (Matomo, tidy-url issue #47)`, ["pk_campaign", "pk_kwd", "pk_keyword", "pk_source", "pk_medium", "pk_content", "pk_cid", "piwik_campaign", "piwik_kwd", "piwik_keyword", "matomo_campaign", "matomo_keyword", "matomo_source", "matomo_medium", "matomo_content", "matomo_cid"]),
  { name: "mtm_*", vendor: "Matomo", source: `${TIDY}; ${CLEAR} mtm(?:_[a-z_]*)?` },
  // Google Ads / Analytics click identifiers.
  ...group("Google", `${TIDY}; ${CLEAR}`, ["gclid", "gclsrc", "dclid", "_ga", "_gl", "srsltid"]),
  ...group("Google", "https://support.google.com/google-ads/answer/10417364 (gbraid / wbraid)", ["gbraid", "wbraid"]),
  ...group("Google Analytics", TIDY, ["ga_source", "ga_medium", "ga_term", "ga_content", "ga_campaign", "ga_place"]),
  // Meta (Facebook, Instagram).
  ...group("Meta", `${TIDY}; ${CLEAR}`, ["fbclid", "fb_action_ids", "fb_action_types", "fb_source", "fb_ref", "action_object_map", "action_type_map", "action_ref_map"]),
  { name: "igshid", vendor: "Instagram", source: tidySite("instagram.com") },
  // Other ad platforms.
  { name: "msclkid", vendor: "Microsoft Advertising", source: CLEAR },
  { name: "yclid", vendor: "Yandex", source: CLEAR },
  { name: "_openstat", vendor: "Yandex", source: `${CLEAR}; ${tidySite("yandex.com")}` },
  { name: "twclid", vendor: "X (Twitter)", source: CLEAR },
  { name: "__twitter_impression", vendor: "X (Twitter)", source: CLEAR },
  { name: "rdt_cid", vendor: "Reddit", source: "tidy-url data/rules.js Global (MIT, v1.18.3)" },
  { name: "rb_clickid", vendor: "Rakuten", source: CLEAR },
  { name: "wickedid", vendor: "Wicked Reports", source: CLEAR },
  { name: "ttclid", vendor: "TikTok", source: "https://ads.tiktok.com/help/article/tiktok-click-id (ttclid)" },
  { name: "li_fat_id", vendor: "LinkedIn", source: "https://learn.microsoft.com/en-us/linkedin/marketing/conversions/enabling-first-party-cookies (li_fat_id)" },
  { name: "epik", vendor: "Pinterest", source: "https://help.pinterest.com/en/business/article/pinterest-tag-parameters-and-cookies (epik)" },
  { name: "ScCid", vendor: "Snapchat", source: "https://businesshelp.snapchat.com/ (Snap click id ScCid)" },
  // HubSpot.
  ...group("HubSpot", `${TIDY}; ${CLEAR}`, ["_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsCtaTracking"]),
  { name: "hsa_*", vendor: "HubSpot", source: "tidy-url data/rules.js Global (MIT, v1.18.3: hsa_*)" },
  // Email service providers' per-recipient tags on destinations.
  ...group("Mailchimp", `${TIDY}; ${CLEAR}`, ["mc_cid", "mc_eid", "mc_tc"]),
  { name: "mkt_tok", vendor: "Marketo", source: `${TIDY}; ${CLEAR}; brave/brave-browser#9018` },
  ...group("Oracle Eloqua", TIDY, ["elqTrackId", "elqTrack", "elq", "elqak", "elqaid", "elqat", "elqCampaignId"]),
  ...group("Vero", `${TIDY}; ${CLEAR}`, ["vero_id", "vero_conv"]),
  { name: "__s", vendor: "Drip", source: `${TIDY}; ${CLEAR}` },
  ...group("MailerLite", CLEAR, ["ml_subscriber", "ml_subscriber_hash"]),
  ...group("Omeda", `${TIDY}; ${CLEAR}`, ["oly_enc_id", "oly_anon_id"]),
  ...group("Klaviyo", "https://help.klaviyo.com/hc/en-us/articles/115005076767 (_kx exchange id)", ["_kx"]),
  ...group("ConvertKit", "https://help.convertkit.com/ (ck_subscriber_id appended to links)", ["ck_subscriber_id"]),
  ...group("Squarespace Email Campaigns", "https://support.squarespace.com/hc/en-us/articles/205815928 (ss_* campaign parameters)", ["ss_source", "ss_campaign_id", "ss_campaign_name", "ss_campaign_sent_date", "ss_email_id"]),
  ...group("Listrak", "https://help.listrak.com/ (trk_* click parameters)", ["trk_contact", "trk_msg", "trk_module", "trk_sid"]),
  ...group("Bronto", "https://help.bronto.com/ (_bta_tid, _bta_c link tracking)", ["_bta_tid", "_bta_c"]),
  ...group("Salesforce Marketing Cloud", tidySite("thewarehouse.co.nz"), ["sfmc_j", "sfmc_id", "sfmc_mid", "sfmc_uid", "sfmc_activityid"]),
  ...group("IBM Coremetrics", "https://www.ibm.com/docs/ (cm_mmc marketing-management-center parameter)", ["cm_mmc", "cm_ven", "cm_cat", "cm_pla", "cm_ite"]),
  // Analytics suites.
  { name: "s_cid", vendor: "Adobe Analytics", source: CLEAR },
  ...group("Webtrends / Mapp", CLEAR, ["wt_mc", "wtmc", "wt_zmc", "wtrid"]),
  { name: "otm_*", vendor: "Misc analytics", source: CLEAR },
  ...group("Humble Bundle", `${tidySite("humblebundle.com")}; ${CLEAR} hmb_*`, ["hmb_campaign", "hmb_medium", "hmb_source"]),
  { name: "vn_*", vendor: "Misc analytics", source: CLEAR },
  { name: "gs_l", vendor: "Google", source: CLEAR },
  { name: "os_ehash", vendor: "Misc analytics", source: CLEAR },
  { name: "tracking_source", vendor: "Misc analytics", source: CLEAR },
  { name: "ncid", vendor: "Misc analytics", source: TIDY },
  { name: "cmpid", vendor: "Misc analytics", source: `${TIDY}; ${CLEAR}` },
  { name: "mbid", vendor: "Misc analytics", source: TIDY },
  { name: "ceneo_spo", vendor: "Ceneo", source: CLEAR },

  // ---- Per-site rules: broad names that are tracking only on these sites. ----
  ...site("Amazon", tidySite("amazon.com"), AMAZON, ["pd_rd_*", "pf_rd_*", "ref_", "ref", "qid", "sr", "psc", "linkCode", "linkId", "tag", "ms3_c", "dchild", "rnid", "smid", "content-id", "colid", "coliid"]),
  ...site("Amazon", clearSite("amazon"), AMAZON, ["_encoding", "crid", "sprefix", "ascsubtag"]),
  ...site("Audible", tidySite("audible.com"), ["audible.com"], ["qid", "sr", "pf_rd_p", "pf_rd_r", "plink", "ref"]),
  ...site("IMDb", tidySite("imdb.com"), ["imdb.com"], ["ref_", "pf_rd_m", "pf_rd_r", "pf_rd_p", "pf_rd_s", "pf_rd_t", "pf_rd_i", "rf", "ref"]),
  ...site("YouTube", "YouTube share links (si = share identifier); tidy-url youtube.com rule (MIT)", ["youtube.com", "youtu.be"], ["si", "feature"]),
  ...site("Spotify", tidySite("spotify.com"), ["spotify.com"], ["si", "context", "sp_cid"]),
  ...site("Reddit", tidySite("reddit.com"), ["reddit.com"], ["ref_campaign", "ref_source", "share_id"]),
  ...site("Twitch", tidySite("twitch.tv"), ["twitch.tv"], ["tt_medium", "tt_content", "tt_email_id"]),
  ...site("X (Twitter)", tidySite("twitter.com"), ["twitter.com", "x.com"], ["s", "src", "ref_url", "ref_src"]),
  ...site("LinkedIn", tidySite("linkedin.com"), ["linkedin.com"], ["trk", "trkInfo", "trkEmail", "lipi", "licu", "midToken", "midSig", "originalReferer", "upsellOrderOrigin", "upsellTrk", "upsellTrackingId", "contextUrn", "refId", "trackingId"]),
  ...site("Facebook", tidySite("facebook.com"), ["facebook.com"], ["referral_code", "referral_story_type", "tracking", "ref"]),
  ...site("TikTok", tidySite("tiktok.com"), ["tiktok.com"], ["is_copy_url", "is_from_webapp", "sender_device", "sender_web_id", "share_app_id", "share_item_id", "share_link_id", "social_sharing", "tt_from", "share_author_id", "_r", "_d"]),
  ...site("AliExpress", tidySite("aliexpress.com"), ALIEXPRESS, ["spm", "algo_pvid", "algo_expid", "btsid", "ws_ab_test", "scm", "scm_id", "scm-url", "pvid", "aff_fcid", "aff_fsk", "aff_platform", "aff_trace_key", "gps-id", "_t"]),
  ...site("eBay", tidySite("ebay.com"), EBAY, ["_trkparms", "_trksid", "_from", "mkcid", "mkrid", "campid", "toolid", "mkevt", "customid", "amdata", "ssspo", "sssrc", "ssuid"]),
  ...site("Etsy", tidySite("etsy.com"), ["etsy.com"], ["click_key", "click_sum", "rec_type", "ref", "frs", "sts"]),
  ...site("Apple", tidySite("apple.com"), ["apple.com"], ["itsct", "itscg", "uo", "ct", "at", "pt"]),
  ...site("Microsoft", tidySite("microsoft.com"), ["microsoft.com"], ["refd", "icid"]),
  ...site("MSN", tidySite("msn.com"), ["msn.com"], ["ocid", "cvid", "pc"]),
  ...site("Yahoo", tidySite("yahoo.com"), ["yahoo.com", "techcrunch.com"], ["guce_referrer", "guce_referrer_sig", "guccounter"]),
  ...site("Medium", tidySite("medium.com"), ["medium.com"], ["source"]),
  ...site("Imgur", tidySite("imgur.com"), ["imgur.com"], ["source"]),
  ...site("Steam", tidySite("store.steampowered.com"), ["steampowered.com"], ["snr"]),
  ...site("Indeed", tidySite("indeed.com"), ["indeed.com"], ["from", "attributionid"]),
  ...site("Wall Street Journal", tidySite("wsj.com"), ["wsj.com"], ["mod"]),
  ...site("CNBC", tidySite("cnbc.com"), ["cnbc.com"], ["__source"]),
  ...site("Newsweek", tidySite("newsweek.com"), ["newsweek.com"], ["subref"]),
  ...site("HubSpot", tidySite("hubspot.com"), ["hubspot.com"], ["hubs_content", "hubs_content-cta"]),
  ...site("Plex", tidySite("plex.tv"), ["plex.tv"], ["plex_utm", "ckhid"]),
  // Not Google Play's `referrer` (tidy-url lists it): the Install Referrer API hands it to the app after install, and
  // invite codes, referral credits and deferred deep links travel in it (adversary25 F7).
  ...site("Nuuvem", tidySite("nuuvem.com"), ["nuuvem.com"], ["ranMID", "ranEAID", "ranSiteID"]),
  ...site("Wattpad", tidySite("wattpad.com"), ["wattpad.com"], ["wp_page", "wp_uname", "wp_originator"]),
  ...site("Baidu", tidySite("baidu.com"), ["baidu.com"], ["rsv_spt", "rsv_idx", "rsv_pq", "rsv_t", "rsv_bp", "rsv_dl", "rsv_iqid", "rsv_enter", "rsv_btype"]),
];
