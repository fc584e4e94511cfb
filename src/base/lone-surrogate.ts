// A lone surrogate (half of a UTF-16 pair) has no UTF-8 form: it cannot be hashed, percent-encoded or written.

// With the `u` flag a class of surrogates matches lone ones only, never half of a pair.
const loneSurrogate = /[\ud800-\udfff]/u;

/** Whether `text` holds a lone surrogate. */
export function hasLoneSurrogate(text: string): boolean {
  return loneSurrogate.test(text);
}
