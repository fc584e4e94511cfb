// An HTML file's bytes as text, and the cleaned text back as bytes in the same encoding: what the CLI writes keeps
// every byte the cleaning did not remove, whatever the file's encoding (a BOM, UTF-16, an unlabelled Latin-1 file).

/** A file's text, and how to write a text back in the file's own encoding. */
export interface HtmlBytes {
  readonly text: string;
  /** The bytes of `text` in the file's encoding, or undefined when it holds a character that encoding cannot write. */
  encode(text: string): Buffer | undefined;
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads an HTML file's bytes: UTF-16 by its BOM, UTF-8 (with or without a BOM, which is kept) when the bytes are
 * valid UTF-8, and otherwise one character per byte (`latin1`), which writes every byte back as it was. The markup
 * and URLs the cleaning reads are ASCII in all of these; a windows-1252 or Latin-1 file's other bytes only pass
 * through.
 */
export function readHtmlBytes(bytes: Buffer): HtmlBytes {
  if (bytes.length % 2 === 0 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, "le");
  if (bytes.length % 2 === 0 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, "be");
  const bom = bytes.subarray(0, 3).equals(utf8Bom);
  const text = validUtf8(bom ? bytes.subarray(3) : bytes);
  if (text !== undefined) {
    return { text, encode: (cleaned) => (bom ? Buffer.concat([utf8Bom, Buffer.from(cleaned, "utf8")]) : Buffer.from(cleaned, "utf8")) };
  }
  return {
    text: bytes.toString("latin1"),
    // A rewritten URL could hold a character past U+00FF (a decoded escape): one byte cannot hold it.
    encode: (cleaned) => (/[^\u0000-\u00ff]/.test(cleaned) ? undefined : Buffer.from(cleaned, "latin1")),
  };
}

function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function utf16(bytes: Buffer, order: "le" | "be"): HtmlBytes {
  const swap = (buffer: Buffer): Buffer => (order === "be" ? Buffer.from(buffer).swap16() : buffer);
  const bom = bytes.subarray(0, 2);
  return {
    text: swap(bytes.subarray(2)).toString("utf16le"),
    encode: (cleaned) => Buffer.concat([bom, swap(Buffer.from(cleaned, "utf16le"))]),
  };
}
