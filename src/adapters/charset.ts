// Text in a named charset, read and written with one table. A part is only ever written back when its bytes
// survive the trip: decoding with one table and encoding with another (TextDecoder reads windows-1252 as Latin-1
// in the Node versions we support, nodejs/node#60888) or replacing invalid bytes with U+FFFD would change bytes
// outside anything we removed. UTF-8 keeps the bytes it does not define (`utf8-with-escapes.ts`); in another
// charset such bytes leave the part alone, with the reason.

import iconv from "iconv-lite";
import { decodeUtf8WithEscapes, encodeUtf8WithEscapes } from "./utf8-with-escapes.js";

/** A text read from bytes, and the way back to bytes in the same charset. */
export interface CharsetText {
  readonly text: string;
  /** The text in the charset it was read in; undefined when the charset cannot hold it (it would not read back). */
  readonly encode: (text: string) => Buffer | undefined;
}

/** Why bytes were not read: the text would not be written back as it was. */
export interface CharsetSkip {
  readonly skipped: string;
  /**
   * The text, when the bytes can be read but not written back (ISO-2022-JP, bytes that would not round-trip): for a
   * report that writes nothing (`dryRun`), never for writing.
   */
  readonly readOnly?: string;
}

interface Codec {
  decode(bytes: Buffer): string;
  encode(text: string): Buffer;
}

// us-ascii is read as UTF-8 as it always was: 8-bit bytes under an ascii label are UTF-8 far more often than
// windows-1252 (WHATWG's reading), and a byte UTF-8 does not define is kept as it is.
const utf8Labels = new Set(["utf-8", "utf8", "us-ascii", "ascii"]);

// WHATWG names iconv-lite spells differently. x-mac-cyrillic is Mac OS Cyrillic with ґ (Mac Ukrainian): iconv-lite's
// macukraine, which differs only in reading 0xFF as ¤ rather than € (bytes still come back as they were).
const iconvNames = new Map([["x-mac-cyrillic", "macukraine"]]);

// Bytes UTF-8 does not define (stray bytes in a part labelled UTF-8) are kept as escapes and written back as they
// were; a BOM is text to keep, not to drop.
const utf8: Codec = { decode: decodeUtf8WithEscapes, encode: encodeUtf8WithEscapes };

/**
 * Reads `bytes` in `charset` when they would come back byte for byte: `encode(decode(bytes))` is `bytes` (in UTF-8
 * always: bytes it does not define are kept as escapes).
 *
 * @param bytes - The bytes (after any transfer decoding).
 * @param charset - The charset label, any case.
 * @returns The text and its encoder, or why the bytes were left alone.
 */
export function decodeCharset(bytes: Uint8Array, charset: string): CharsetText | CharsetSkip {
  const label = charset.trim().toLowerCase();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const codec = codecFor(label, buffer);
  if (typeof codec === "string") return readOnlyCodec(label, buffer, codec);
  let text: string;
  try {
    text = codec.decode(buffer);
  } catch {
    return { skipped: `bytes not valid in charset "${label}"` };
  }
  if (!codec.encode(text).equals(buffer)) return { skipped: `bytes that would not be written back as they were in charset "${label}"`, readOnly: text };
  return { text, encode: (value) => checkedEncode(codec, value) };
}

/** A charset only TextDecoder reads (ISO-2022-JP): the skip, with the text when the bytes are valid in it. */
function readOnlyCodec(label: string, bytes: Buffer, skipped: string): CharsetSkip {
  const whatwg = whatwgName(label);
  if (whatwg === undefined) return { skipped };
  try {
    return { skipped, readOnly: new TextDecoder(whatwg, { fatal: true }).decode(bytes) };
  } catch {
    return { skipped };
  }
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
