// An HTML file's bytes as text, and the cleaned text back as bytes in the same encoding: what the CLI writes keeps
// every byte the cleaning did not remove, whatever the file's encoding (a BOM, UTF-16, an unlabelled Latin-1 file).

import { decodeCharset } from "../adapters/charset.js";

/** A file's text, and how to write a text back in the file's own encoding. */
export interface HtmlBytes {
  readonly text: string;
  /** The bytes of `text` in the file's encoding, or undefined when it holds a character that encoding cannot write. */
  encode(text: string): Buffer | undefined;
}

const boms: readonly (readonly [bom: Buffer, charset: string])[] = [
  [Buffer.from([0xef, 0xbb, 0xbf]), "utf-8"],
  [Buffer.from([0xff, 0xfe]), "utf-16le"],
  [Buffer.from([0xfe, 0xff]), "utf-16be"],
];

/**
 * Reads an HTML file's bytes: in the encoding its BOM names, else as UTF-8, which keeps the bytes it does not define
 * (a windows-1252 or Latin-1 file's) as escapes written back as they were (`decodeCharset`). The BOM is not text
 * (browsers drop it before parsing, and a character before the doctype would change the document's mode); it is
 * written back.
 */
export function readHtmlBytes(bytes: Buffer): HtmlBytes {
  const [bom, charset] = boms.find(([mark]) => bytes.subarray(0, mark.length).equals(mark)) ?? [Buffer.alloc(0), "utf-8"];
  const read = decodeCharset(bytes.subarray(bom.length), charset);
  // Only UTF-16 can fail here (an odd byte left over): the file is reported, not written.
  if ("skipped" in read) throw new Error(`not read: ${read.skipped}`);
  return {
    text: read.text,
    encode: (text) => {
      const body = read.encode(text);
      return body && Buffer.concat([bom, body]);
    },
  };
}
