// Text in a named charset, read and written with one table. A part is only ever written back when its bytes
// survive the trip: decoding with one table and encoding with another (TextDecoder reads windows-1252 as Latin-1
// in the Node versions we support, nodejs/node#60888) or replacing invalid bytes with U+FFFD would change bytes
// outside anything we removed. Bytes a charset does not define are read one character per byte where that is safe
// (`bytePerCharacter`); elsewhere the part is left alone, with the reason.

import iconv from "iconv-lite";

/** A text read from bytes, and the way back to bytes in the same charset. */
export interface CharsetText {
  readonly text: string;
  /** The text in the charset it was read in; undefined when the charset cannot hold it (it would not read back). */
  readonly encode: (text: string) => Buffer | undefined;
}

/** Why bytes were not read: the text would not be written back as it was. */
export interface CharsetSkip {
  readonly skipped: string;
}

interface Codec {
  decode(bytes: Buffer): string;
  encode(text: string): Buffer;
}

// us-ascii is read as UTF-8 as it always was: 8-bit bytes under an ascii label are UTF-8 far more often than
// windows-1252 (WHATWG's reading), and fatal decoding and the round trip keep anything else untouched.
const utf8Labels = new Set(["utf-8", "utf8", "us-ascii", "ascii"]);

// WHATWG names iconv-lite spells differently. x-mac-cyrillic is Mac OS Cyrillic with ґ (Mac Ukrainian): iconv-lite's
// macukraine, which differs only in reading 0xFF as ¤ rather than € (bytes still come back as they were).
const iconvNames = new Map([["x-mac-cyrillic", "macukraine"]]);

const utf8: Codec = {
  // fatal: invalid bytes are not silently U+FFFD; ignoreBOM: a BOM is text to keep, not to drop.
  decode: (bytes) => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
  encode: (text) => Buffer.from(text, "utf8"),
};

/**
 * Reads `bytes` in `charset` when they would come back byte for byte: `encode(decode(bytes))` is `bytes`; bytes the
 * charset does not define, one character per byte in UTF-8 and the single-byte charsets.
 *
 * @param bytes - The bytes (after any transfer decoding).
 * @param charset - The charset label, any case.
 * @returns The text and its encoder, or why the bytes were left alone.
 */
export function decodeCharset(bytes: Uint8Array, charset: string): CharsetText | CharsetSkip {
  const label = charset.trim().toLowerCase();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const codec = codecFor(label, buffer);
  if (typeof codec === "string") return { skipped: codec };
  let text: string | undefined;
  try {
    text = codec.decode(buffer);
  } catch {
    text = undefined;
  }
  if (text !== undefined && codec.encode(text).equals(buffer)) return { text, encode: (value) => checkedEncode(codec, value) };
  // Bytes the charset does not define (three stray bytes in a UTF-8 part, windows-1252's unassigned 0x81): where
  // every byte below 0x80 is ASCII whatever comes around it, read one character per byte. The markup and URLs the
  // cleaning reads are ASCII, and every other byte is written back as it was.
  if (asciiTransparent(label)) return bytePerCharacter(buffer);
  return { skipped: text === undefined ? `bytes not valid in charset "${label}"` : `bytes that would not be written back as they were in charset "${label}"` };
}

/**
 * The WHATWG encodings in which a byte below 0x80 is always that ASCII character: UTF-8 and the single-byte ones
 * (not Shift_JIS, GBK or Big5, whose second bytes reach into ASCII, nor ISO-2022-JP, whose escapes switch it away).
 */
const asciiTransparentEncodings: ReadonlySet<string> = new Set([
  "utf-8", "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8",
  "iso-8859-8-i", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u",
  "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
  "windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic",
]);

function asciiTransparent(label: string): boolean {
  return utf8Labels.has(label) || asciiTransparentEncodings.has(whatwgName(label) ?? "");
}

function bytePerCharacter(bytes: Buffer): CharsetText {
  return {
    text: bytes.toString("latin1"),
    // A rewritten URL may hold a character past U+00FF (a decoded escape): no single byte holds it.
    encode: (text) => (/[^\u0000-\u00ff]/.test(text) ? undefined : Buffer.from(text, "latin1")),
  };
}

function checkedEncode(codec: Codec, text: string): Buffer | undefined {
  const bytes = codec.encode(text);
  // A single-byte table writes "?" for a character it lacks: the cleaned text must read back as itself.
  return codec.decode(bytes) === text ? bytes : undefined;
}

/** The codec for a label, or why there is none. iconv-lite first: it writes what it reads, with the same table. */
function codecFor(label: string, bytes: Buffer): Codec | string {
  const whatwg = whatwgName(label);
  if (utf8Labels.has(label) || whatwg === "utf-8") return utf8;
  if (iconv.encodingExists(label)) return iconvCodec(byteOrder(label, bytes));
  // A WHATWG alias iconv-lite lacks (x-euc-jp, x-cp1250, dos-874): iconv-lite's table for the encoding it names.
  const iconvName = whatwg === undefined ? undefined : (iconvNames.get(whatwg) ?? whatwg);
  if (iconvName !== undefined && iconv.encodingExists(iconvName)) return iconvCodec(iconvName);
  // Readable (ISO-2022-JP by TextDecoder) but nothing here writes it: never write it in another charset.
  if (whatwg !== undefined) return `charset "${label}" can be read but not written back`;
  return `unknown charset "${label}"`;
}

function iconvCodec(label: string): Codec {
  // The BOM stays in the text, so it is written back exactly where (and whether) it was.
  return {
    decode: (bytes) => iconv.decode(bytes, label, { stripBOM: false }),
    encode: (text) => iconv.encode(text, label, { addBOM: false }),
  };
}

/** UTF-16 in the byte order its BOM names: iconv-lite writes unmarked "utf-16" little-endian. */
function byteOrder(label: string, bytes: Buffer): string {
  if (label !== "utf-16") return label;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return label;
}

function whatwgName(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}
