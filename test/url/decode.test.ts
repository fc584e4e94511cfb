import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeBase64, decodeBase64Text, decodeEscapes, decodeJwtPayload, safeDecodeUri } from "../../src/url/decode.js";

// The straightforward reading the table-driven decoder must agree with: padding by regex, a map per character.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function byMap(text: string): number[] | undefined {
  const body = text.replace(/={1,2}$/, "");
  if (body.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of body) {
    const value = c === "+" || c === "-" ? 62 : c === "/" || c === "_" ? 63 : ALPHABET.indexOf(c);
    if (value < 0 || c.length > 1) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

describe("decodeBase64", () => {
  it.each([
    ["aHR0cHM6Ly94LmV4YW1wbGUv", "https://x.example/"],
    ["aHR0cHM6Ly94LmV4YW1wbGUvP2E9MQ==", "https://x.example/?a=1"],
    ["aHR0cHM6Ly94LmV4YW1wbGUvP2E9MQ", "https://x.example/?a=1"],
    ["P3_-", "?\u007f\u00fe"],
  ])("%s -> %s", (text, expected) => {
    expect(decodeBase64(text)).toEqual(new Uint8Array(Buffer.from(expected, "latin1")));
  });

  it.each(["a", "ab=c", "abc===", "!!notbase64", "ab\u00e9c", "ab\ud83d\ude00"])("rejects %s", (text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });

  const chars = fc.constantFrom(..."AZaz09+/-_=.!", "é", "\ud83d\ude00");
  test.prop([fc.oneof(fc.array(chars, { maxLength: 16 }).map((c) => c.join("")), fc.uint8Array().map((b) => Buffer.from(b).toString("base64")), fc.uint8Array().map((b) => Buffer.from(b).toString("base64url")))], { seed: 5, numRuns: 3000 })(
    "agrees with a per-character map reading",
    (text) => {
      const bytes = decodeBase64(text);
      expect(bytes === undefined ? undefined : [...bytes]).toEqual(byMap(text));
    },
  );

  it("decodes text, JWT payloads and percent-encoding without throwing", () => {
    expect(decodeBase64Text("w6k")).toBe("é");
    expect(decodeBase64Text("/w")).toBeUndefined();
    expect(decodeJwtPayload(`e30.${Buffer.from('{"e":"https://x.example/"}').toString("base64url")}.sig`)).toEqual({ e: "https://x.example/" });
    expect(safeDecodeUri("%E2%82%AC")).toBe("€");
    expect(safeDecodeUri("%E2%82")).toBeUndefined();
  });
});

describe("decodeEscapes (adversary19 F20)", () => {
  it.each<[string, string]>([
    ["e=someone%40example%2Ecom&off=100%", "e=someone@example.com&off=100%"],
    ["%73%6f%6d%65 and %zz and %E2%82%AC", "some and %zz and €"],
    // A run that is not UTF-8 stays as written; the runs around it are decoded.
    ["%C3%28 then %40", "%C3%28 then @"],
    ["no escapes", "no escapes"],
  ])("%s", (text, decoded) => {
    expect(decodeEscapes(text)).toBe(decoded);
  });
});
