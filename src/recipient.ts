// The `recipient` option, read once: one address or a list, trimmed and lower-cased.

import { optionError } from "./errors.js";

const address = /^[^\s@]+@[^\s@]+$/;

/**
 * The recipient addresses of an option value, lower-cased.
 * @throws TypeError naming `recipient` when the value is not an address or a list of them.
 */
export function resolveRecipients(value: unknown): readonly string[] {
  if (value === undefined) return [];
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === "string")) {
    throw optionError("recipient", "must be an email address or an array of them");
  }
  for (const item of list as string[]) {
    if (!address.test(item.trim())) throw optionError("recipient", `must be an email address, got "${item}"`);
  }
  return (list as string[]).map((item) => item.trim().toLowerCase());
}
