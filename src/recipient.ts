// The `recipient` option, read once: one address or a list, trimmed, lower-cased (and as given, for encodings that keep case).

import { hasLoneSurrogate } from "./base/lone-surrogate.js";
import { optionError } from "./errors.js";

/** Something at something, no white space. */
const address = /^[^\s@]+@[^\s@]+$/;

/** Whether `text` is an address the `recipient` option takes (a lone surrogate has no UTF-8 form to hash). */
export function isRecipientAddress(text: string): boolean {
  return address.test(text) && !hasLoneSurrogate(text);
}

/**
 * The recipient addresses of an option value, lower-cased.
 * @throws TypeError naming `recipient` when the value is not an address or a list of them.
 */
export function resolveRecipients(value: unknown): readonly string[] {
  return recipientsAsGiven(value).map((item) => item.toLowerCase());
}

/**
 * The recipient addresses of an option value, trimmed, in the case the caller wrote them: an encoding that keeps
 * case (base64) of `Ann.Smith@Example.com` is not that of `ann.smith@example.com`.
 * @throws TypeError naming `recipient` when the value is not an address or a list of them.
 */
export function recipientsAsGiven(value: unknown): readonly string[] {
  if (value === undefined) return [];
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === "string")) {
    throw optionError("recipient", "must be an email address or an array of them");
  }
  for (const item of list as string[]) {
    if (!isRecipientAddress(item.trim())) throw optionError("recipient", `must be an email address, got "${item}"`);
  }
  return (list as string[]).map((item) => item.trim());
}
