// The CSS text of a `data:` URL used as a stylesheet (`<link rel=stylesheet href="data:...">`, `@import
// url("data:...")`), decoded as a browser decodes it, so what it fetches can be judged like any other CSS.
//
// Measured in Chromium: a data: stylesheet is applied whatever its MIME type in a quirks-mode document (most mail
// has no doctype), `DATA:TEXT/CSS`, `data:;base64` and a UTF-16 charset all work, and its relative URLs resolve
// against the document, not the data: URL. So every data: URL in a stylesheet position is read, whatever its type.

/** Why a data: stylesheet could not be read the way a browser would read it: it must fail closed. */
export interface UnreadableStylesheet {
  readonly unreadable: string;
}

const base64Suffix = /;[ ]*base64$/i;
const charsetParameter = /;[\t\n\r ]*charset[\t\n\r ]*=[\t\n\r ]*("[^"]*"?|[^;]*)/i;
const charsetRule = /^@charset "([^"]*)";/;

/**
 * Decodes a `data:` URL's body as a style sheet: the WHATWG fetch "data: URL processor" (percent-decoding,
 * forgiving base64), then CSS Syntax 3 "decode bytes" (a BOM, else the `charset` parameter, else `@charset`,
 * else UTF-8).
 * @param url - A URL as written (entity-decoded, CSS escapes decoded).
 * @returns The CSS text; undefined when the URL is not a data: URL or a browser would load nothing from it
 *   (no `,`); `{ unreadable }` when the bytes cannot be decoded as a browser would (an encoding this runtime
 *   lacks, bytes that are not UTF-8 where the mail's own encoding would decide, broken base64).
 * @example
 * readDataStylesheet("data:text/css,a%7Bcolor:red%7D") //=> "a{color:red}"
 * readDataStylesheet("data:;base64,YXt9") //=> "a{}"
 */
export function readDataStylesheet(url: string): string | UnreadableStylesheet | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "data:") return undefined;
  // The body ends where the fragment starts ("serialize a URL, excluding the fragment").
  const href = parsed.href;
  const fragmentStart = parsed.hash !== "" ? href.length - parsed.hash.length : href.endsWith("#") ? href.length - 1 : href.length;
  const input = href.slice("data:".length, fragmentStart);
  const comma = input.indexOf(",");
  if (comma < 0) return undefined;
  let mimeType = input.slice(0, comma).trim();
  let body = percentDecode(input.slice(comma + 1));
  if (base64Suffix.test(mimeType)) {
    mimeType = mimeType.replace(base64Suffix, "");
    const decoded = forgivingBase64(body);
    if (decoded === undefined) return { unreadable: "a data: stylesheet with broken base64" };
    body = decoded;
  }
  return decodeStylesheet(body, charsetOf(mimeType));
}

/** Percent-decodes an ASCII string into bytes (the URL serializer leaves nothing but ASCII). */
function percentDecode(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 /* % */ && i + 2 < text.length && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      bytes[length++] = Number.parseInt(text.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      bytes[length++] = c & 0xff;
    }
  }
  return bytes.subarray(0, length);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** WHATWG "forgiving-base64 decode", which `atob` implements; undefined on failure. */
function forgivingBase64(bytes: Uint8Array): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(latin1(bytes));
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The bytes as code points U+0000-U+00FF ("isomorphic decode"), a slice at a time: a spread could overflow the stack. */
function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/** The `charset` parameter of a data: URL's MIME type, unquoted; undefined when absent. */
function charsetOf(mimeType: string): string | undefined {
  const match = charsetParameter.exec(mimeType);
  if (!match) return undefined;
  const value = (match[1] as string).trim();
  return value.startsWith('"') ? value.slice(1).replace(/"$/, "") : value;
}

/** CSS Syntax 3 "decode bytes" with the data: URL's charset as the transport-layer encoding label. */
function decodeStylesheet(bytes: Uint8Array, charset: string | undefined): string | UnreadableStylesheet {
  const bom = bomEncoding(bytes);
  if (bom) return decode(bytes, bom);
  // A label a browser knows but this runtime's TextDecoder does not would be read differently: fail closed.
  if (charset !== undefined) return isKnownLabel(charset) ? decode(bytes, charset) : unknownLabel(charset);
  const rule = charsetRule.exec(latin1(bytes.subarray(0, 1024)));
  if (rule) {
    const label = rule[1] as string;
    if (!isKnownLabel(label)) return unknownLabel(label);
    // `@charset "utf-16..."` cannot be right for bytes that spell it in ASCII: CSS reads them as UTF-8.
    return decode(bytes, new TextDecoder(label.trim()).encoding.startsWith("utf-16") ? "utf-8" : label);
  }
  // Without a label the mail's own encoding decides, which we do not know: bytes read the same in every
  // ASCII-compatible encoding only if they are ASCII. Others fail closed (a windows-1252 `ª` is an `a` in a host).
  if (bytes.some((byte) => byte > 0x7f)) return { unreadable: "a data: stylesheet with non-ASCII bytes and no charset" };
  return latin1(bytes);
}

function unknownLabel(label: string): UnreadableStylesheet {
  return { unreadable: `a data: stylesheet in an encoding this runtime does not decode (${label})` };
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

function isKnownLabel(label: string): boolean {
  try {
    new TextDecoder(label.trim());
    return true;
  } catch {
    return false;
  }
}

/** Decodes with a label `isKnownLabel` accepted; malformed bytes become U+FFFD, as in browsers. */
function decode(bytes: Uint8Array, label: string): string {
  return new TextDecoder(label.trim()).decode(bytes);
}
