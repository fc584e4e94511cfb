// A deterministic generator of realistic HTML email, for benchmarks at scale.
//
// Everything here is our own code and words: brands, hosts and text are made up from syllables. The shapes
// follow what real marketing mail looks like: nested layout tables, inline styles (many `display:none`),
// a <style> block with media queries and url()s, Outlook conditional comments with VML, content images,
// hidden responsive images, open pixels on ESP-like endpoints with per-recipient tokens, links with utm_*
// parameters and click-redirect shapes, entities, merge tags and long text.
//
//   import { generateCorpus } from "./synthetic-corpus.mjs";
//   const docs = generateCorpus({ seed: 1, totalBytes: 30e6 }); // string[], each ~20-200 KB

/** mulberry32: a tiny, fast, seeded 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "ka", "lo", "mi", "ven", "tor", "sa", "ri", "bel", "do", "nu", "fra", "ple", "quo", "zen", "mar", "tis",
  "gal", "or", "pen", "ux", "lum", "dra", "sol", "vi", "ta", "ron", "el", "cas", "bri", "mo", "an", "ter",
];
const TLDS = ["com", "com", "com", "net", "io", "co.uk", "de", "com.au", "fr", "shop"];
const HEX = "0123456789abcdef";
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const ENTITIES = ["&nbsp;", "&amp;", "&#8217;", "&mdash;", "&copy;", "&reg;", "&hellip;", "&#x2013;", "&euro;", "&laquo;", "&raquo;"];
const UNICODE = ["é", "ü", "—", "’", "…", "ñ", "ø", "€", "✓", "★", "🎉", "→"];
const MERGE_TAGS = ["*|FNAME|*", "{{first_name}}", "%%FirstName%%", "{{ customer.name }}", "[[name]]", "*|LNAME|*", "{{{company}}}"];
const UNSUB_TAGS = ["*|UNSUB|*", "{{unsubscribe}}", "%%unsubscribe%%", "{{ unsubscribe_url }}", "[unsubscribe]"];
const FONTS = ["Helvetica, Arial, sans-serif", "'Segoe UI', Roboto, sans-serif", "Georgia, 'Times New Roman', serif", "Verdana, Geneva, sans-serif"];
const COLORS = ["#333333", "#1a1a1a", "#555555", "#0b5394", "#e8430a", "#ffffff", "#f4f4f4", "#222", "#767676", "#2a9d8f"];

class Writer {
  constructor(random) {
    this.r = random;
    this.parts = [];
    this.size = 0;
  }
  push(text) {
    this.parts.push(text);
    this.size += text.length;
  }
  // Random helpers.
  int(min, max) {
    return min + Math.floor(this.r() * (max - min + 1));
  }
  chance(p) {
    return this.r() < p;
  }
  pick(list) {
    return list[Math.floor(this.r() * list.length)];
  }
  chars(alphabet, n) {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.r() * alphabet.length)];
    return s;
  }
  uuid() {
    const h = (n) => this.chars(HEX, n);
    return `${h(8)}-${h(4)}-4${h(3)}-${this.pick(["8", "9", "a", "b"])}${h(3)}-${h(12)}`;
  }
  word() {
    let w = this.pick(SYLLABLES);
    const n = this.int(0, 2);
    for (let i = 0; i < n; i++) w += this.pick(SYLLABLES);
    return w;
  }
  sentence(min = 6, max = 22) {
    const n = this.int(min, max);
    const words = [];
    for (let i = 0; i < n; i++) {
      let w = this.word();
      if (this.chance(0.03)) w = this.pick(ENTITIES) + w;
      if (this.chance(0.02)) w += this.pick(UNICODE);
      if (this.chance(0.01)) w = this.pick(MERGE_TAGS);
      words.push(w);
    }
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(" ")}${this.pick([".", ".", ".", "!", "?", "&hellip;"])}`;
  }
  paragraph(min = 2, max = 7) {
    const n = this.int(min, max);
    const s = [];
    for (let i = 0; i < n; i++) s.push(this.sentence());
    return s.join(" ");
  }
}

/** One made-up sender: brand, domains, and the ESP whose URL shapes it uses. */
function makeSender(w, tracked) {
  const brand = w.word() + w.pick(["", "", "ly", "io", "co", "hub", "mart"]);
  const tld = w.pick(TLDS);
  const domain = `${brand}.${tld}`;
  const esp = w.pick(["sendgrid", "mailchimp", "ses", "mailgun", "customerio", "hubspot", "marketo", "sfmc", "klaviyo", "inhouse"]);
  return {
    brand: brand[0].toUpperCase() + brand.slice(1),
    domain,
    esp,
    www: `https://www.${domain}`,
    cdn: w.pick([`https://cdn.${domain}`, `https://images.${domain}`, `https://img.${w.word()}cdn.net/${brand}`, `https://assets.${domain}`]),
    clickHost: w.pick([`links.${domain}`, `click.${domain}`, `email.${domain}`, `em.${domain}`, `trk.${domain}`]),
    campaign: `${w.word()}_${w.int(2019, 2026)}_${w.chars(HEX, 4)}`,
    recipientToken: w.chars(HEX, 32),
    font: w.pick(FONTS),
    tracked,
  };
}

function token(w) {
  switch (w.int(0, 3)) {
    case 0:
      return w.chars(HEX, w.pick([24, 32, 40]));
    case 1:
      return w.uuid();
    case 2:
      return w.chars(B64URL, w.int(40, 160));
    default:
      return `eyJ${w.chars(B64URL, 30)}.eyJ${w.chars(B64URL, 60)}.${w.chars(B64URL, 43)}`;
  }
}

/** An open pixel URL in the shape the sender's ESP uses. */
function pixelUrl(w, s) {
  switch (s.esp) {
    case "sendgrid":
      return `https://${s.clickHost}/wf/open?upn=${w.chars(B64URL, w.int(120, 400))}`;
    case "mailchimp":
      return `https://${s.brand.toLowerCase()}.us${w.int(1, 21)}.list-manage.com/track/open.php?u=${w.chars(HEX, 25)}&amp;id=${w.chars(HEX, 10)}&amp;e=${w.chars(HEX, 10)}`;
    case "ses":
      return `https://${w.chars(HEX, 8)}.r.us-east-1.awstrack.me/I0/${w.chars(HEX, 16)}-${w.uuid()}-000000/${w.chars(B64URL, 28)}=${w.int(100, 400)}`;
    case "mailgun":
      return `https://email.${s.domain}/o/${w.chars(B64URL, w.int(80, 200))}`;
    case "customerio":
      return `https://e.customeriomail.com/e/o/${w.chars(B64URL, 120)}`;
    case "hubspot":
      return `https://t.hubspotlinks.com/Ctc/${w.chars(B64URL, 4)}/${w.chars(B64URL, 40)}`;
    case "marketo":
      return `https://${w.int(100, 999)}-${w.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3)}-${w.int(100, 999)}.mktoweb.com/trk?t=1&amp;mid=${w.chars(B64URL, 60)}`;
    case "sfmc":
      return `https://click.${s.domain}/open.aspx?ffcb10-${w.chars(HEX, 16)}-${w.chars(HEX, 8)}-${w.chars(HEX, 12)}`;
    case "klaviyo":
      return `https://trk.klclick${w.pick(["", "1", "2", "3"])}.com/open?_kx=${w.chars(B64URL, 40)}.${w.chars(B64URL, 6)}`;
    default:
      return `https://${s.clickHost}/${w.pick(["o", "open", "p", "t/open", "pixel"])}/${s.recipientToken}/${token(w)}.${w.pick(["gif", "png", "gif"])}`;
  }
}

/** A link to `target` as the sender's ESP would rewrite it, or plain with utm_* parameters. */
function link(w, s, path) {
  if (!s.tracked) return `${s.www}/${path}`;
  const utm = `utm_source=${w.pick(["newsletter", "email", "crm", "braze"])}&amp;utm_medium=email&amp;utm_campaign=${s.campaign}${w.chance(0.5) ? `&amp;utm_content=${w.word()}_${w.int(1, 9)}` : ""}`;
  const target = `${s.www}/${path}${path.includes("?") ? "&amp;" : "?"}${utm}`;
  const enc = encodeURIComponent(target.replace(/&amp;/g, "&"));
  const roll = w.r();
  if (roll < 0.25) return target;
  if (roll < 0.35) return `${target}&amp;mc_eid=${w.chars(HEX, 10)}&amp;mc_cid=${w.chars(HEX, 10)}`;
  if (roll < 0.42) return `${target}&amp;_hsenc=p2ANqtz-${w.chars(B64URL, 60)}&amp;_hsmi=${w.int(1e7, 9e7)}`;
  if (roll < 0.47) return `${target}&amp;mkt_tok=${w.chars(B64URL, 120)}`;
  switch (s.esp) {
    case "sendgrid":
      return `https://${s.clickHost}/ls/click?upn=${w.chars(B64URL, w.int(150, 450))}`;
    case "mailchimp":
      return `https://${s.brand.toLowerCase()}.us${w.int(1, 21)}.list-manage.com/track/click?u=${w.chars(HEX, 25)}&amp;id=${w.chars(HEX, 10)}&amp;e=${w.chars(HEX, 10)}`;
    case "ses":
      return `https://${w.chars(HEX, 8)}.r.us-east-1.awstrack.me/L0/${enc}/1/${w.chars(HEX, 16)}-${w.uuid()}-000000/${w.chars(B64URL, 28)}=${w.int(100, 400)}`;
    case "mailgun":
      return `https://email.${s.domain}/c/${w.chars(B64URL, w.int(80, 300))}`;
    case "customerio":
      return `https://e.customeriomail.com/e/c/${w.chars(B64URL, 160)}`;
    case "hubspot":
      return `https://${w.chars(HEX, 6)}.na1.hubspotlinks.com/Ctc/${w.chars(B64URL, 4)}/${w.chars(B64URL, 60)}`;
    case "sfmc":
      return `https://click.${s.domain}/?qs=${w.chars(HEX, 128)}`;
    case "klaviyo":
      return `https://trk.klclick.com/ls/click?upn=${w.chars(B64URL, 200)}`;
    case "marketo":
      return `https://www.google.com/url?q=${enc}&amp;sa=D&amp;source=editors&amp;ust=${w.int(1e15, 9e15)}&amp;usg=${w.chars(B64URL, 28)}`;
    default:
      return `https://${s.clickHost}/r/${token(w)}?url=${enc}`;
  }
}

function image(w, s, width, height, alt) {
  const name = `${w.word()}-${w.chars(HEX, 6)}.${w.pick(["jpg", "png", "jpg", "gif", "webp"])}`;
  const style = `display:block;border:0;outline:none;text-decoration:none;${w.chance(0.5) ? `width:100%;max-width:${width}px;height:auto;` : ""}`;
  return `<img src="${s.cdn}/${w.pick(["img", "uploads", "campaign/" + s.campaign, "p"])}/${name}" width="${width}"${w.chance(0.7) ? ` height="${height}"` : ""} alt="${alt}" style="${style}"${w.chance(0.3) ? ' border="0"' : ""}>`;
}

function styleBlock(w, s) {
  const rules = [
    `body,table,td,a{-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%;}`,
    `table,td{mso-table-lspace:0pt;mso-table-rspace:0pt;border-collapse:collapse;}`,
    `img{-ms-interpolation-mode:bicubic;border:0;height:auto;line-height:100%;outline:none;text-decoration:none;}`,
    `a[x-apple-data-detectors]{color:inherit !important;text-decoration:none !important;}`,
    `#outlook a{padding:0;}`,
    `.ReadMsgBody{width:100%;} .ExternalClass{width:100%;}`,
  ];
  for (let i = 0, n = w.int(8, 40); i < n; i++) {
    const cls = `.${w.word()}-${w.int(1, 99)}`;
    const decls = [`color:${w.pick(COLORS)}`, `font-family:${s.font}`, `font-size:${w.int(11, 28)}px`, `line-height:${w.int(14, 36)}px`, `padding:${w.int(0, 30)}px ${w.int(0, 30)}px`];
    if (w.chance(0.2)) decls.push(`background-image:url('${s.cdn}/bg/${w.word()}.${w.pick(["png", "jpg"])}')`);
    if (w.chance(0.1)) decls.push("display:none");
    rules.push(`${cls}{${decls.slice(0, w.int(2, decls.length)).join(";")};}`);
  }
  const media = [];
  for (let i = 0, n = w.int(1, 4); i < n; i++) {
    const inner = [];
    for (let j = 0, m = w.int(3, 14); j < m; j++) {
      inner.push(`.${w.word()}{${w.pick(["width:100% !important", "display:block !important", "display:none !important", "max-height:none !important", "height:auto !important", "padding:10px !important"])};}`);
    }
    if (w.chance(0.3)) inner.push(`.hero-bg{background-image:url(${s.cdn}/hero/mobile-${w.chars(HEX, 6)}.jpg) !important;}`);
    media.push(`@media ${w.pick(["only screen and (max-width:600px)", "screen and (max-width:480px)", "(prefers-color-scheme: dark)", "only screen and (min-width:601px)"])}{\n${inner.join("\n")}\n}`);
  }
  let fontFace = "";
  if (w.chance(0.35)) {
    fontFace = `@font-face{font-family:'${s.brand} Sans';font-style:normal;font-weight:400;src:url(${s.cdn}/fonts/${w.word()}.woff2) format('woff2'),url(${s.cdn}/fonts/${w.word()}.woff) format('woff');}\n`;
  }
  const imp = w.chance(0.3) ? `@import url('https://fonts.googleapis.com/css2?family=${w.pick(["Inter", "Lato", "Roboto", "Open+Sans"])}:wght@400;700&display=swap');\n` : "";
  let open = "";
  if (s.tracked && w.chance(0.08)) open = `.tracker-bg{background:url(${pixelUrl(w, s)});}\n`;
  return `<style type="text/css">\n${imp}${fontFace}${rules.join("\n")}\n${media.join("\n")}\n${open}</style>\n`;
}

function head(w, s) {
  w.push(
    w.chance(0.6)
      ? '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
      : "<!doctype html>\n",
  );
  w.push('<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" lang="en">\n<head>\n');
  w.push('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n<meta name="viewport" content="width=device-width, initial-scale=1.0">\n<meta http-equiv="X-UA-Compatible" content="IE=edge">\n<meta name="x-apple-disable-message-reformatting">\n');
  w.push(`<title>${w.sentence(3, 8)}</title>\n`);
  w.push("<!--[if gte mso 9]>\n<xml>\n<o:OfficeDocumentSettings>\n<o:AllowPNG/>\n<o:PixelsPerInch>96</o:PixelsPerInch>\n</o:OfficeDocumentSettings>\n</xml>\n<![endif]-->\n");
  w.push(styleBlock(w, s));
  if (w.chance(0.5)) w.push(`<!--[if mso]>\n<style type="text/css">body, table, td {font-family: Arial, sans-serif !important;}</style>\n<![endif]-->\n`);
  w.push("</head>\n");
}

function preheader(w, s) {
  w.push(`<div style="display:none;font-size:1px;color:${w.pick(COLORS)};line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all;">${w.sentence(8, 20)}${"&zwnj;&nbsp;".repeat(w.int(10, 60))}</div>\n`);
  w.push(`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center" style="padding:8px 0;font-size:11px;color:#999999;font-family:${s.font};">${w.sentence(4, 8)} <a href="${link(w, s, "view/" + w.chars(HEX, 12))}" target="_blank" style="color:#999999;text-decoration:underline;">View in browser</a></td></tr></table>\n`);
}

function header(w, s) {
  w.push(`<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;background-color:#ffffff;">\n<tr>\n<td align="left" style="padding:20px 30px;">`);
  w.push(`<a href="${link(w, s, "")}" target="_blank">${image(w, s, w.int(100, 220), w.int(30, 80), `${s.brand} logo`)}</a></td>\n`);
  w.push('<td align="right" style="padding:20px 30px;font-size:13px;">');
  for (let i = 0, n = w.int(2, 5); i < n; i++) {
    w.push(`<a href="${link(w, s, w.word())}" style="color:${w.pick(COLORS)};text-decoration:none;font-weight:bold;">${w.word()}</a>${i < n - 1 ? "&nbsp;|&nbsp;" : ""}`);
  }
  w.push("</td>\n</tr>\n</table>\n");
}

function hero(w, s) {
  const bg = `${s.cdn}/hero/${w.word()}-${w.chars(HEX, 8)}.jpg`;
  const h = w.int(250, 450);
  w.push(`<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr>\n<td background="${bg}" bgcolor="${w.pick(COLORS)}" width="600" height="${h}" valign="top" class="hero-bg" style="background:url('${bg}') center / cover no-repeat;">\n`);
  w.push(`<!--[if gte mso 9]>\n<v:rect xmlns:v="urn:schemas-microsoft-com:vml" fill="true" stroke="false" style="width:600px;height:${h}px;">\n<v:fill type="tile" src="${bg}" color="${w.pick(COLORS)}" />\n<v:textbox inset="0,0,0,0">\n<![endif]-->\n`);
  w.push(`<div><h1 style="margin:0;padding:40px 30px 10px;font-size:${w.int(26, 40)}px;line-height:1.2;color:#ffffff;font-family:${s.font};">${w.sentence(3, 9)}</h1>\n<p style="margin:0;padding:0 30px 20px;color:#ffffff;font-size:16px;">${w.paragraph(1, 2)}</p>\n`);
  button(w, s);
  w.push("</div>\n<!--[if gte mso 9]>\n</v:textbox>\n</v:rect>\n<![endif]-->\n</td>\n</tr></table>\n");
}

function button(w, s) {
  const href = link(w, s, `${w.word()}/${w.word()}`);
  const color = w.pick(COLORS);
  const label = w.sentence(1, 3).replace(/[.!?]$|&hellip;$/, "");
  w.push(`<table role="presentation" cellpadding="0" cellspacing="0" border="0" align="center"><tr><td align="center" style="padding:10px 30px 30px;">\n`);
  if (w.chance(0.5)) w.push(`<!--[if mso]>\n<v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="urn:schemas-microsoft-com:office:word" href="${href}" style="height:44px;v-text-anchor:middle;width:220px;" arcsize="10%" strokecolor="${color}" fillcolor="${color}">\n<w:anchorlock/>\n<center style="color:#ffffff;font-family:sans-serif;font-size:16px;font-weight:bold;">${label}</center>\n</v:roundrect>\n<![endif]-->\n`);
  w.push(`<!--[if !mso]><!-- --><a href="${href}" target="_blank" style="background-color:${color};border-radius:4px;color:#ffffff;display:inline-block;font-family:${s.font};font-size:16px;font-weight:bold;line-height:44px;text-align:center;text-decoration:none;width:220px;-webkit-text-size-adjust:none;mso-hide:all;">${label}</a><!--<![endif]-->\n`);
  w.push("</td></tr></table>\n");
}

function textSection(w, s) {
  w.push(`<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background-color:#ffffff;"><tr><td style="padding:${w.int(10, 40)}px 30px;font-family:${s.font};font-size:${w.int(14, 17)}px;line-height:${w.int(20, 28)}px;color:${w.pick(COLORS)};">\n`);
  if (w.chance(0.5)) w.push(`<h2 style="margin:0 0 12px;font-size:22px;">${w.sentence(3, 8)}</h2>\n`);
  for (let i = 0, n = w.int(2, 8); i < n; i++) {
    let p = w.paragraph(2, 9);
    if (w.chance(0.5)) p += ` <a href="${link(w, s, `blog/${w.word()}-${w.word()}`)}" style="color:${w.pick(COLORS)};">${w.sentence(2, 5)}</a>`;
    if (w.chance(0.2)) p = `${w.pick(["Hi", "Hello", "Dear"])} ${w.pick(MERGE_TAGS)}, ${p}`;
    w.push(`<p style="margin:0 0 ${w.int(8, 20)}px;">${p}</p>\n`);
  }
  w.push("</td></tr></table>\n");
}

function productGrid(w, s) {
  const cols = w.pick([2, 3, 2, 4]);
  const width = Math.floor(540 / cols);
  // Hybrid ("ghost table") columns for Outlook in some templates, plain inline-block divs in others.
  const ghost = w.chance(0.4);
  const mso = (text) => (ghost ? text : "");
  w.push(`<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background-color:#ffffff;"><tr><td style="padding:20px 30px;">\n${mso('<!--[if mso]><table role="presentation" width="540" cellpadding="0" cellspacing="0"><tr><![endif]-->\n')}`);
  for (let c = 0; c < cols; c++) {
    const href = link(w, s, `p/${w.word()}-${w.int(1000, 99999)}`);
    w.push(`${mso(`<!--[if mso]><td width="${width}" valign="top"><![endif]-->\n`)}<div class="column" style="display:inline-block;width:100%;max-width:${width}px;vertical-align:top;">\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:8px;">`);
    w.push(`<a href="${href}">${image(w, s, width - 16, width - 16, w.sentence(2, 4))}</a>`);
    if (w.chance(0.25)) {
      // A mobile-only variant: hidden on desktop, sized, clean URL. Content, not tracking.
      w.push(`\n<!--[if !mso]><!--><div class="mobile-only" style="display:none;max-height:0;overflow:hidden;mso-hide:all;"><a href="${href}">${image(w, s, 300, 300, "")}</a></div><!--<![endif]-->`);
    }
    w.push(`</td></tr><tr><td style="padding:4px 8px;font-family:${s.font};font-size:14px;color:#333333;"><strong>${w.sentence(2, 5)}</strong><br>${w.sentence(5, 12)}<br><span style="color:#e8430a;font-weight:bold;">${w.pick(["$", "&euro;", "&pound;", ""])}${w.int(5, 499)}.${w.int(10, 99)}</span></td></tr></table>\n</div>\n${mso("<!--[if mso]></td><![endif]-->\n")}`);
  }
  w.push(`${mso("<!--[if mso]></tr></table><![endif]-->\n")}</td></tr></table>\n`);
}

function spacer(w, s) {
  if (w.chance(0.5)) {
    w.push(`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td height="${w.int(10, 40)}" style="font-size:0;line-height:0;">&nbsp;</td></tr></table>\n`);
  } else {
    w.push(`<table role="presentation" width="100%"><tr><td style="border-top:1px solid #e5e5e5;font-size:1px;line-height:1px;">&nbsp;</td></tr></table>\n`);
  }
  if (w.chance(0.05)) w.push(`<img src="${s.cdn}/s.gif" width="1" height="${w.int(10, 30)}" alt="" style="display:block;">\n`);
}

function midPixel(w, s) {
  if (!s.tracked) return;
  // Some senders embed a second tracker mid-body: hidden by CSS or tiny by attributes.
  const url = pixelUrl(w, s);
  w.push(
    w.pick([
      `<img src="${url}" width="1" height="1" alt="" style="display:block;height:1px!important;width:1px!important;border-width:0!important;">\n`,
      `<div style="display:none;"><img src="${url}" alt=""></div>\n`,
      `<img src="${url}" style="width:0;height:0;border:0;" alt="">\n`,
      `<table><tr><td background="${url}" width="1" height="1"></td></tr></table>\n`,
    ]),
  );
}

function footer(w, s) {
  w.push(`<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f4;"><tr><td align="center" style="padding:30px;font-family:${s.font};font-size:12px;line-height:18px;color:#767676;">\n`);
  for (let i = 0, n = w.int(3, 6); i < n; i++) {
    w.push(`<a href="${link(w, s, `social/${w.word()}`)}" style="text-decoration:none;"><img src="${s.cdn}/icons/${w.pick(["fb", "x", "ig", "in", "yt", "tt"])}-${w.int(24, 48)}.png" width="${w.pick([24, 32])}" height="${w.pick([24, 32])}" alt="${w.word()}" style="display:inline-block;border:0;"></a>&nbsp;`);
  }
  w.push(`<p style="margin:16px 0 8px;">${w.paragraph(1, 3)}</p>\n`);
  w.push(`<p style="margin:0 0 8px;">&copy; ${w.int(2019, 2026)} ${s.brand} ${w.pick(["Inc.", "Ltd", "GmbH", "S.A.", "LLC"])}, ${w.int(1, 999)} ${w.word()} ${w.pick(["Street", "Ave", "Road"])}, ${w.word()}</p>\n`);
  const unsubHref = w.chance(0.4) || !s.tracked ? w.pick(UNSUB_TAGS) : `https://${s.clickHost}/unsubscribe?u=${s.recipientToken}&amp;list=${w.chars(HEX, 10)}`;
  w.push(`<p style="margin:0;"><a href="${unsubHref}" style="color:#767676;text-decoration:underline;">Unsubscribe</a> &middot; <a href="https://${s.clickHost}/preferences/${s.recipientToken}" style="color:#767676;">Preferences</a> &middot; <a href="mailto:support@${s.domain}" style="color:#767676;">support@${s.domain}</a></p>\n`);
  w.push("</td></tr></table>\n");
}

function openPixel(w, s) {
  if (!s.tracked) return;
  const url = pixelUrl(w, s);
  w.push(
    w.pick([
      `<img src="${url}" alt="" width="1" height="1" border="0" style="height:1px !important;width:1px !important;border-width:0 !important;margin-top:0 !important;margin-bottom:0 !important;margin-right:0 !important;margin-left:0 !important;padding-top:0 !important;padding-bottom:0 !important;padding-right:0 !important;padding-left:0 !important;"/>\n`,
      `<img width="1" height="1" alt="" src="${url}">\n`,
      `<img src='${url}' style="display:none" alt=''>\n`,
      `<img src=${url} width=0 height=0>\n`,
    ]),
  );
}

/** One document of about `target` UTF-16 code units; `tracked: false` leaves out pixels and link tracking. */
function generateDocument(random, target, tracked = true) {
  const w = new Writer(random);
  const s = makeSender(w, tracked);
  head(w, s);
  w.push(`<body style="margin:0;padding:0;background-color:#f4f4f4;" bgcolor="#f4f4f4">\n<center style="width:100%;background-color:#f4f4f4;">\n`);
  preheader(w, s);
  w.push(`<!--[if mso | IE]><table role="presentation" border="0" cellpadding="0" cellspacing="0" width="600" align="center"><tr><td><![endif]-->\n<div style="max-width:600px;margin:0 auto;">\n`);
  header(w, s);
  hero(w, s);
  while (w.size < target - 3000) {
    const roll = w.r();
    if (roll < 0.5) textSection(w, s);
    else if (roll < 0.75) productGrid(w, s);
    else if (roll < 0.82) hero(w, s);
    else if (roll < 0.97) spacer(w, s);
    else midPixel(w, s);
  }
  footer(w, s);
  w.push(`</div>\n<!--[if mso | IE]></td></tr></table><![endif]-->\n</center>\n`);
  openPixel(w, s);
  w.push("</body>\n</html>\n");
  return w.parts.join("");
}

/**
 * Generates documents of ~20-200 KB each (log-uniform) until their total length reaches `totalBytes`
 * (counted in UTF-16 code units; the text is nearly all ASCII). Same seed, same corpus.
 */
export function generateCorpus({ seed = 1, totalBytes = 30e6, tracked = true } = {}) {
  const docs = [];
  let total = 0;
  for (const doc of generateDocuments({ seed, tracked })) {
    docs.push(doc);
    total += doc.length;
    if (total >= totalBytes) break;
  }
  return docs;
}

/** An endless stream of documents of ~20-200 KB each, the same sequence as `generateCorpus` for a seed. */
export function* generateDocuments({ seed = 1, tracked = true } = {}) {
  const random = mulberry32(seed);
  for (;;) yield generateDocument(random, Math.round(20_000 * 10 ** random()), tracked);
}

/** One document of about `length` UTF-16 code units (at least ~8 K: head, hero and footer). */
export function generateDocumentOfLength({ seed = 1, length, tracked = true }) {
  return generateDocument(mulberry32(seed), length, tracked);
}
