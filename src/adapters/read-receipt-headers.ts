// The read-receipt request headers: they ask the recipient's client to report the open. List-Unsubscribe and
// its relatives are functional (RFC 8058, bulk-sender rules) and never on this list.

/**
 * Header names (lower-case) that request a read or delivery receipt: Disposition-Notification-To (RFC 8098),
 * Return-Receipt-To (legacy), X-Confirm-Reading-To (Pegasus Mail and PHP mailers), Read-Receipt-To (rare).
 */
export const readReceiptHeaders: ReadonlySet<string> = new Set([
  "disposition-notification-to",
  "return-receipt-to",
  "x-confirm-reading-to",
  "read-receipt-to",
]);

/** True when `name` (any case) is a read-receipt request header. */
export function isReadReceiptHeader(name: string): boolean {
  return readReceiptHeaders.has(name.trim().toLowerCase());
}
