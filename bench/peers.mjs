// The tools a user would otherwise pick, each doing the same small job that we wrote for the bench: remove
// pixel images (1x1, or hidden by inline CSS) and clean tracking parameters out of links. Each returns the new
// document, so nothing can be optimised away. The job is deliberately simpler than `stripTracking` (no hidden
// ancestors, no redirect unwrapping, no CSS, no conditional comments): the peers get the easier task.
//
//   lolHtml(doc)        html-rewriter-wasm (lol-html compiled to WebAssembly): streaming rewriter, async API
//   cheerioJob(doc)     cheerio: parse5 DOM, query, serialise
//   sanitizeHtmlJob(doc) sanitize-html: htmlparser2 Parser, filters, re-serialise (all tags allowed)
//   tokenizerJob(doc)   the same job as one pass over htmlparser2's Tokenizer: what a minimal job costs

import * as cheerio from "cheerio";
import { QuoteType, Tokenizer } from "htmlparser2";
import { HTMLRewriter } from "html-rewriter-wasm";
import sanitizeHtml from "sanitize-html";

// ---- the job --------------------------------------------------------------------------------------------

const trackingParams = new Set(["mc_eid", "mc_cid", "_hsenc", "_hsmi", "mkt_tok", "fbclid", "gclid", "msclkid", "dclid", "yclid"]);
const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const tinyWidth = /(?:^|[;\s])width\s*:\s*[01](?:px)?\s*(?:!important)?\s*(?:;|$)/i;
const tinyHeight = /(?:^|[;\s])height\s*:\s*[01](?:px)?\s*(?:!important)?\s*(?:;|$)/i;
const tinySize = /^\s*[01](?:px)?\s*$/;

/** An `<img>` whose attributes (read through `get`, which returns null or undefined when absent) make it a pixel. */
export function isPixel(get) {
  const width = get("width");
  const height = get("height");
  if (width != null && height != null && tinySize.test(width) && tinySize.test(height)) return true;
  const style = get("style");
  if (style == null) return false;
  return hiddenStyle.test(style) || (tinyWidth.test(style) && tinyHeight.test(style));
}

function isTrackingParam(pair) {
  const eq = pair.indexOf("=");
  const name = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
  return name.startsWith("utm_") || trackingParams.has(name);
}

/** The link without its tracking parameters, or null when it has none. Works on a decoded URL. */
export function cleanLink(url) {
  const question = url.indexOf("?");
  if (question < 0) return null;
  const hash = url.indexOf("#", question);
  const end = hash < 0 ? url.length : hash;
  const pairs = url.slice(question + 1, end).split("&");
  const kept = pairs.filter((pair) => !isTrackingParam(pair));
  if (kept.length === pairs.length) return null;
  return url.slice(0, kept.length > 0 ? question + 1 : question) + kept.join("&") + url.slice(end);
}

// ---- lol-html (html-rewriter-wasm) ------------------------------------------------------------------------

const encoder = new TextEncoder();
const imgHandler = {
  element(element) {
    if (isPixel((name) => element.getAttribute(name))) element.remove();
  },
};
const linkHandler = {
  element(element) {
    // lol-html hands out raw attribute values; decode the one entity links are full of.
    const cleaned = cleanLink(element.getAttribute("href").replaceAll("&amp;", "&"));
    if (cleaned !== null) element.setAttribute("href", cleaned.replaceAll("&", "&amp;"));
  },
};

/** html-rewriter-wasm over the UTF-8 bytes of the document, output decoded back to a string. */
export async function lolHtml(doc) {
  const decoder = new TextDecoder();
  let out = "";
  const rewriter = new HTMLRewriter((chunk) => (out += decoder.decode(chunk, { stream: true })));
  rewriter.on("img", imgHandler);
  rewriter.on("a[href]", linkHandler);
  try {
    await rewriter.write(encoder.encode(doc));
    await rewriter.end();
  } finally {
    rewriter.free();
  }
  return out + decoder.decode();
}

// ---- cheerio ------------------------------------------------------------------------------------------------

export function cheerioJob(doc) {
  const $ = cheerio.load(doc);
  $("img").each((_, element) => {
    if (isPixel((name) => element.attribs[name])) $(element).remove();
  });
  $("a[href]").each((_, element) => {
    const cleaned = cleanLink(element.attribs.href);
    if (cleaned !== null) element.attribs.href = cleaned;
  });
  return $.html();
}

// ---- sanitize-html --------------------------------------------------------------------------------------------

const sanitizeOptions = {
  allowedTags: false,
  allowedAttributes: false,
  allowVulnerableTags: true,
  exclusiveFilter: (frame) => frame.tag === "img" && isPixel((name) => frame.attribs[name]),
  transformTags: {
    a(tagName, attribs) {
      const cleaned = attribs.href === undefined ? null : cleanLink(attribs.href);
      return { tagName, attribs: cleaned === null ? attribs : { ...attribs, href: cleaned } };
    },
  },
};

export function sanitizeHtmlJob(doc) {
  return sanitizeHtml(doc, sanitizeOptions);
}

// ---- the same job on the bare Tokenizer: one pass, offsets, splices -----------------------------------------

/**
 * The minimal single-pass job: collect the attributes of `<img>` and `<a>` only, splice the output. Entities
 * in values are decoded by the Tokenizer; the splice writes `&amp;` back. No tree, no CSS, no report.
 */
export function tokenizerJob(doc) {
  let out = "";
  let cursor = 0;
  let tagStart = 0;
  let tagName = "";
  let interesting = false;
  let attribs = null;
  let attribName = "";
  let nameEnd = 0;
  let attribValue = "";
  let hrefStart = -1;
  let hrefEnd = -1;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagStart = start - 1;
        tagName = doc.slice(start, end).toLowerCase();
        interesting = tagName === "img" || tagName === "a";
        attribs = interesting ? {} : null;
      },
      onattribname(start, end) {
        if (!interesting) return;
        attribName = doc.slice(start, end).toLowerCase();
        nameEnd = end;
        attribValue = "";
      },
      onattribdata(start, end) {
        if (interesting) attribValue += doc.slice(start, end);
      },
      onattribentity(codepoint) {
        if (interesting) attribValue += String.fromCodePoint(codepoint);
      },
      onattribend(quote, endIndex) {
        if (!interesting || attribName in attribs) return;
        attribs[attribName] = attribValue;
        if (attribName === "href" && quote !== QuoteType.NoValue) {
          // The value sits after "=", spaces and the opening quote; a quoted value ends before its quote.
          let start = doc.indexOf("=", nameEnd) + 1;
          while (doc.charCodeAt(start) <= 0x20) start++;
          const quoted = quote === QuoteType.Double || quote === QuoteType.Single;
          hrefStart = quoted ? start + 1 : start;
          hrefEnd = quoted ? endIndex - 1 : endIndex;
        }
      },
      onopentagend(end) {
        finish(end + 1);
      },
      onselfclosingtag(end) {
        finish(end + 1);
      },
      onclosetag() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  function finish(tagEnd) {
    if (!interesting) return;
    if (tagName === "img" && isPixel((name) => attribs[name])) {
      out += doc.slice(cursor, tagStart);
      cursor = tagEnd;
    } else if (tagName === "a" && attribs.href !== undefined && hrefStart >= 0) {
      const cleaned = cleanLink(attribs.href);
      if (cleaned !== null) {
        out += doc.slice(cursor, hrefStart) + cleaned.replaceAll("&", "&amp;");
        cursor = hrefEnd;
      }
    }
    interesting = false;
    hrefStart = -1;
  }
  tokenizer.write(doc);
  tokenizer.end();
  return out + doc.slice(cursor);
}
