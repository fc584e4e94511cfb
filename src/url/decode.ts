/**
 * Decoders that never throw: malformed input means "not recoverable" (undefined), never an exception.
 */

/** decodeURIComponent, or undefined on malformed percent-encoding. */
export function safeDecodeUri(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Decodes each run of percent escapes that is valid UTF-8 and leaves the rest as written: one stray `%` (`off=100%`)
 * or one bad run does not keep the escapes around it encoded, as it does for `decodeURIComponent` (which throws).
 * @example decodeEscapes("e=a%40b.com&off=100%") //=> "e=a@b.com&off=100%"
 */
export function decodeEscapes(text: string): string {
  if (!text.includes("%")) return text;
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => safeDecodeUri(run) ?? run);
}

/** Value of each base64 and base64url character by char code (both alphabets: "+/" and "-_"), or -1. */
const BASE64_VALUES = new Int8Array(128).fill(-1);
[..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"].forEach((c, i) => (BASE64_VALUES[c.charCodeAt(0)] = i));
for (const c of "+-") BASE64_VALUES[c.charCodeAt(0)] = 62;
for (const c of "/_") BASE64_VALUES[c.charCodeAt(0)] = 63;

/** Decodes base64 or base64url (padding optional) to bytes, or undefined when it is not valid base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  // At most two "=" of padding are dropped from the end; any other "=" makes the text invalid below.
  let end = text.length;
  if (text.charCodeAt(end - 1) === 0x3d) end--;
  if (text.charCodeAt(end - 1) === 0x3d) end--;
  if (end % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let length = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? BASE64_VALUES[code]! : -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, length);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes base64 / base64url text holding UTF-8, or undefined when either layer is malformed. */
export function decodeBase64Text(text: string): string | undefined {
  const bytes = decodeBase64(text);
  if (!bytes) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads the payload of a JWT-shaped token (header.payload.signature) as a JSON object, or undefined. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  const json = decodeBase64Text(payload);
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
