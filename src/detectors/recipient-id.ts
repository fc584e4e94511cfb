// The `recipient-id` detector: a URL fetched on open that carries the reader's address, in any common
// encoding or hash, tells the sender (and every third party on the path) who opened the message. Trackers
// and ad networks send the address raw, URL-encoded, base64 (alone, or inside a larger payload: base64 JSON, a
// JWT) or hex, or as its MD5/SHA-1/SHA-224/SHA-256/SHA-384/SHA-512 of the trimmed, lower-cased address (the
// "hashed email" of ad-tech identity graphs; TRACKING.md §7.14, the Princeton HashChecker list).
//
// Needles are computed once per recipient list (hashing per element would be slow); per URL the work is a few
// `includes`. Without `recipient`, an address written in an open-time URL (raw or `%40`) is the evidence.
// Links are never changed: an identifier in a link is reported and kept.

import { md5, sha1 } from "@noble/hashes/legacy.js";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { parse } from "tldts";
import { LruCache } from "../base/lru-cache.js";
import type { Detector, Element, Finding, Resource } from "../types.js";
import { decodeEscapes } from "../url/decode.js";
import { isLocalUrl } from "../url/local-url.js";
import { removeParams } from "../url/query.js";
import { afterHost } from "../url/url-parts.js";
import { isSmall, isTiny, sizeOf } from "./element-size.js";

/** One form of a recipient address to look for, and what to call it in the report. */
interface Needle {
  readonly text: string;
  readonly form: string;
  /** Hex and URL-encoded forms match in either case; base64 does not. */
  readonly caseSensitive: boolean;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64 and base64url without padding (the padded forms contain them); `form` names base64 once. */
function base64Forms(bytes: Uint8Array, form: string): Needle[] {
  return withUrlAlphabet(base64(bytes).replace(/=+$/, ""), form);
}

/** The needle in the standard alphabet and, when it differs, in the URL one (`-_` for `+/`). */
function withUrlAlphabet(standard: string, form: string): Needle[] {
  const url = standard.replace(/\+/g, "-").replace(/\//g, "_");
  const forms = [{ text: standard, form, caseSensitive: true }];
  if (url !== standard) forms.push({ text: url, form: form.replace("base64", "base64url"), caseSensitive: true });
  return forms;
}

/**
 * The address's base64 inside a larger payload (`{"email":"..."}`, a JWT's claims, `address|42`): it may start at
 * any of the three byte offsets of a base64 group, and the characters at its ends also hold the bytes around it.
 * So, for each offset, the characters that hold address bits only (after 0, 1 or 2 bytes before it: from
 * character 0, 2 or 3 to the last whole one).
 */
function embeddedBase64Forms(bytes: Uint8Array, form: string): Needle[] {
  const needles: Needle[] = [];
  for (const before of [0, 1, 2]) {
    const padded = new Uint8Array(before + bytes.length);
    padded.set(bytes, before);
    const first = Math.ceil((before * 8) / 6);
    const last = Math.floor((padded.length * 8) / 6);
    needles.push(...withUrlAlphabet(base64(padded).slice(first, last), form));
  }
  return needles;
}

const hashes = [
  ["MD5", md5],
  ["SHA-1", sha1],
  ["SHA-224", sha224],
  ["SHA-256", sha256],
  ["SHA-384", sha384],
  ["SHA-512", sha512],
] as const;

/**
 * Every form of one address to look for in URLs.
 * @param given - Trimmed; as the caller wrote it. Hashes, hex and the raw forms are of the lower-cased address
 *   (the ad-tech convention; raw and hex match in any case); base64 is also of the address as given, since a
 *   sender that keeps its subscribers' case encodes that, and base64 keeps case.
 */
export function recipientNeedles(given: string): Needle[] {
  const address = given.toLowerCase();
  const bytes = utf8ToBytes(address);
  const encoded = encodeURIComponent(address).toLowerCase();
  const needles: Needle[] = [
    { text: address, form: "the recipient's address", caseSensitive: false },
    { text: encoded, form: "the recipient's address, URL-encoded", caseSensitive: false },
    { text: address.replace(/\+/g, "%2b"), form: "the recipient's address, URL-encoded", caseSensitive: false },
    { text: bytesToHex(bytes), form: "the recipient's address as hex", caseSensitive: false },
    ...base64Forms(bytes, "the recipient's address as base64"),
    ...embeddedBase64Forms(bytes, "the recipient's address as base64"),
  ];
  if (given !== address) {
    const givenBytes = utf8ToBytes(given);
    needles.push(...base64Forms(givenBytes, "the recipient's address as base64"), ...embeddedBase64Forms(givenBytes, "the recipient's address as base64"));
  }
  for (const [name, hash] of hashes) {
    const digest = hash(bytes);
    const form = `the recipient's address as ${name}`;
    needles.push({ text: bytesToHex(digest), form, caseSensitive: false }, ...base64Forms(digest, `${form} (base64)`));
  }
  const seen = new Set<string>();
  return needles.filter((needle) => !seen.has(needle.text) && seen.add(needle.text));
}

/** An address written in a URL, raw or with `%40`, and its domain; `pkg@1.2.3` has none. */
const writtenAddress = /[a-z0-9._%+-]+(?:@|%40)([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?![a-z0-9-])/gi;
/** A pixel-density descriptor first (`2x`, `1.5x`): a retina file name, even where the extension is a TLD (`.zip`). */
const densityDescriptor = /^\d+(?:\.\d+)?x\./i;
/** Top-level names that no public suffix list holds but addresses use: examples, tests, private networks. */
const reservedTlds: ReadonlySet<string> = new Set(["example", "test", "invalid", "localhost", "local", "internal"]);

/**
 * True when what follows an `@` can be a mail domain: its last label is a real top-level domain. File names and
 * folders (`hero@2x.avif`, `icons@v2.min/`) end in an extension, which is not one, whatever new formats come.
 */
function isMailDomain(domain: string): boolean {
  if (densityDescriptor.test(domain)) return false;
  const lower = domain.toLowerCase(); // tldts compares as given: `EXAMPLE.COM` would be no domain
  if (reservedTlds.has(lower.slice(lower.lastIndexOf(".") + 1))) return true;
  return parse(lower, { allowPrivateDomains: false, detectIp: false, extractHostname: false }).isIcann === true;
}

/** The URL parser drops tabs and newlines wherever they are: `ann.smi&#10;th@example.com` is fetched whole. */
const stripped = /[\t\n\r]/g;

/** What to look for: the given recipients' forms, or (without recipients) any written address. */
export interface IdentifierFinder {
  /** The identifier in this piece of a URL as a phrase ("the recipient's address as SHA-256"), or undefined. */
  find(text: string): string | undefined;
  /** False when `find` can find nothing in `text` nor in any piece of it: a test before cutting a URL up. */
  mayFind(text: string): boolean;
}

/**
 * A finder for these recipients (in any case: see `recipientNeedles`), computed once.
 * @example
 * identifierFinder(["ann@example.com"]).find("https://t.example/o?e=ann%40example.com") //=> "the recipient's address, URL-encoded"
 */
export function identifierFinder(recipients: readonly string[]): IdentifierFinder {
  const needles = recipients.flatMap((address) => recipientNeedles(address.trim()));
  if (needles.length === 0) {
    // A written address has an `@`, raw or percent-encoded.
    const mayFind = (text: string): boolean => text.includes("@") || text.includes("%40");
    return {
      mayFind,
      find(written) {
        const text = written.replace(stripped, "");
        if (!mayFind(text)) return undefined;
        for (const match of text.matchAll(writtenAddress)) {
          if (isMailDomain(match[1] ?? "")) return "an email address";
        }
        return undefined;
      },
    };
  }
  return {
    mayFind: () => true,
    find(written) {
      const text = written.replace(stripped, "");
      // Escape by escape: a stray `%` elsewhere (`off=100%`) must not keep the address encoded.
      const decoded = decodeEscapes(text);
      const lower = text.toLowerCase();
      const decodedLower = decoded.toLowerCase();
      for (const needle of needles) {
        const found = needle.caseSensitive
          ? text.includes(needle.text) || decoded.includes(needle.text)
          : lower.includes(needle.text) || decodedLower.includes(needle.text);
        if (found) return needle.form;
      }
      return undefined;
    },
  };
}


/**
 * The texts to search in a resource's URL: the URL the browser fetches (`absoluteUrl`: tabs and newlines gone,
 * `\` read as `/`, CSS escapes and entities decoded, resolved against `<base>`) and, when it differs, the URL as
 * written (the parser percent-encodes, and a stray `%` then keeps a non-ASCII address from decoding). With
 * recipients the host counts too (`<md5>.cdn.example`); without, only what follows it, since `user@host` there
 * is user info, not the reader's address.
 */
function searchedTexts(resource: Resource, withHost: boolean): string[] {
  const part = withHost ? (url: string): string => url : afterHost;
  const fetched = resource.absoluteUrl;
  if (fetched === undefined || fetched === resource.url) return [part(resource.url)];
  return [part(fetched), part(resource.url)];
}

/** A visible, sized-for-content image whose only identifier is one query parameter: drop the parameter. */
function parameterReplacement(element: Element, resource: Resource, finder: IdentifierFinder): Finding["replacement"] {
  if (resource.vector !== "img" || resource.attribute !== "src" || element.hiddenBy !== undefined) return undefined;
  const size = sizeOf(element);
  if (isTiny(size) || isSmall(size)) return undefined;
  const url = resource.url;
  // The identifier must be in the query alone, as written and as fetched (host and path included).
  if (finder.find(url.split("?", 1)[0] ?? "") !== undefined) return undefined;
  if (finder.find(resource.absoluteUrl?.split("?", 1)[0] ?? "") !== undefined) return undefined;
  const result = removeParams(url, (param) => (finder.find(`${param.name}=${param.value ?? ""}`) ? "identifier" : undefined));
  if (result.removed.length !== 1 || finder.find(result.url) !== undefined) return undefined;
  return { url: result.url, changes: result.removed.map((param) => param.name) };
}

/**
 * Finds recipient identifiers in every URL an element fetches on open (removed, or the one query parameter
 * that carries it) and in links (reported, kept).
 * @param recipients - Addresses to look for. Empty (as the presets make it): each message's own, read from
 *   `element.recipientsAsGiven` (the `recipient` option), or any written address when a message has none.
 */
export function recipientIdDetector(recipients: readonly string[] = []): Detector {
  const fixed = recipients.length > 0 ? identifierFinder(recipients) : undefined;
  // Per message, its recipients' finder, kept for the latest few lists: a relay cleans message after message for
  // the same readers, and finding every form of an address means hashing it four ways.
  const finders = new LruCache<IdentifierFinder>(16);
  // A message's elements share its recipients array: one look per element.
  let last: { readonly recipients: readonly string[]; readonly finder: IdentifierFinder } | undefined;
  const finderFor = (element: Element): IdentifierFinder => {
    if (fixed !== undefined) return fixed;
    const recipients = element.recipientsAsGiven ?? element.recipients;
    if (last?.recipients !== recipients) {
      last = { recipients, finder: finders.get(recipients.join("\n"), () => identifierFinder(recipients)) };
    }
    return last.finder;
  };
  return {
    name: "recipient-id",
    needs: "resources",
    detect(element) {
      // Without a recipient, an address in a link is usually the unsubscribe link's own business: say nothing.
      const reportLinks = fixed !== undefined || element.recipients.length > 0;
      const withHost = reportLinks;
      let finder: IdentifierFinder | undefined;
      // Each resource's own URL decides (its attributes do not: a CSS escape or a data: stylesheet can hide an
      // `@` from them, and SVG paint and animation attributes hold URLs too).
      let findings: Finding[] | undefined;
      for (const resource of element.resources) {
        finder ??= finderFor(element);
        // What the browser fetches holds an identifier only if the URL as written or the base it resolves against
        // does: asked of those, the fetched URL is resolved only for the few that may.
        const mayHold = finder.mayFind(resource.url) || (element.baseHref !== undefined && finder.mayFind(element.baseHref));
        if (!mayHold || isLocalUrl(resource.url)) continue;
        if (resource.fetch === "click" && (!reportLinks || !/^\s*https?:/i.test(resource.url))) continue;
        let form: string | undefined;
        for (const text of searchedTexts(resource, withHost)) if ((form = finder.find(text)) !== undefined) break;
        if (form === undefined) continue;
        if (resource.fetch === "click") {
          (findings ??= []).push({ detector: this.name, reason: `link carries ${form}`, resource, keep: true });
          continue;
        }
        const replacement = parameterReplacement(element, resource, finder);
        (findings ??= []).push({
          detector: this.name,
          reason: replacement ? `removed ${form} from a content image's URL` : `URL carries ${form}`,
          resource,
          ...(replacement ? { replacement } : {}),
        });
      }
      return findings;
    },
  };
}
