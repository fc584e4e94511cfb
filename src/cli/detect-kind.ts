// Tells a raw message (.eml) from an HTML document by its first bytes, whatever the file is called.

import { envelopeLine } from "./envelope-line.js";

/** What a file holds. */
export type InputKind = "eml" | "html";

const headerLine = /^[!-9;-~]+:/; // RFC 5322 field name: printable ASCII but ":"
const messageHeaders = /^(?:from|to|subject|date|message-id|mime-version|content-type|received|return-path|delivered-to|x-[a-z0-9-]+):/im;

/**
 * `eml` when the input opens with a header block (a header line first, a known message header in the block), after
 * one mbox "From " line or .emlx byte count line when there is one; `html` otherwise.
 */
export function detectKind(head: string): InputKind {
  const unmarked = head.replace(/^\uFEFF/, "");
  const text = unmarked.slice(envelopeLine(unmarked).length);
  if (!headerLine.test(text)) return "html";
  const blockEnd = text.search(/\r?\n\r?\n/);
  const block = blockEnd === -1 ? text : text.slice(0, blockEnd);
  return messageHeaders.test(block) && !/^\s*</.test(text) ? "eml" : "html";
}
