// UTF-8 that keeps the bytes it does not define. A part labelled UTF-8 often holds a few stray bytes (a Latin-1 `é`
// pasted in, a cut sequence): decoded as U+FFFD they would be lost, and the part could not be written back as it
// was. Each such byte is read as a lone surrogate, U+DC80 to U+DCFF (the "surrogateescape" convention), which
// valid UTF-8 never decodes to, and written back as that byte; every other character is UTF-8 both ways, so a
// character the cleaning writes in (a non-ASCII host) is UTF-8 like its neighbours.

const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of UTF-8 `bytes`, each byte outside a valid sequence as the lone surrogate U+DC00 + byte. */
export function decodeUtf8WithEscapes(bytes: Uint8Array): string {
  try {
    return fatal.decode(bytes); // valid UTF-8, the usual case: no walk
  } catch {
    // Walked below, sequence by sequence.
  }
  let text = "";
  let run = 0;
  for (let at = 0; at < bytes.length; ) {
    const length = sequenceLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    text += fatal.decode(bytes.subarray(run, at)) + String.fromCharCode(0xdc00 + bytes[at]!);
    run = ++at;
  }
  return text + fatal.decode(bytes.subarray(run));
}

/** The UTF-8 bytes of `text`, each escape (`decodeUtf8WithEscapes`) as the byte it stands for. */
export function encodeUtf8WithEscapes(text: string): Buffer {
  if (!escape.test(text)) return Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  let run = 0;
  for (const match of text.matchAll(escapes)) {
    parts.push(Buffer.from(text.slice(run, match.index), "utf8"), Buffer.of(match[0].charCodeAt(0) - 0xdc00));
    run = match.index + 1;
  }
  parts.push(Buffer.from(text.slice(run), "utf8"));
  return Buffer.concat(parts);
}

// With the `u` flag a class of lone surrogates matches lone ones only, never half of a pair.
const escape = /[\udc80-\udcff]/u;
const escapes = /[\udc80-\udcff]/gu;

/** The length of the valid UTF-8 sequence at `at` (WHATWG's ranges: no overlong form, surrogate or value past U+10FFFF), or 0. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const next = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return next(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) return next(1, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf) && next(2) ? 3 : 0;
  if (lead >= 0xf0 && lead <= 0xf4) return next(1, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf) && next(2) && next(3) ? 4 : 0;
  return 0;
}
