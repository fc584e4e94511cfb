// The recipients a message names in its To and Cc headers: what the MIME path (and `verify` on a message) hands to
// the detectors as `recipient` when none is given.

const addressPattern = /[^\s<>,;:"'()[\]@]+@[^\s<>,;:"'()[\]@]+/g;

/** The addresses in one header value (`Ann <Ann@Example.com>, bob@example.org`), lower-cased. */
export function addressesIn(headerValue: string): string[] {
  return [...headerValue.matchAll(addressPattern)].map(([address]) => address.toLowerCase());
}
