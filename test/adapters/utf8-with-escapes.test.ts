import { fc, it as fcIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeUtf8WithEscapes, encodeUtf8WithEscapes } from "../../src/adapters/utf8-with-escapes.js";

describe("UTF-8 with escapes", () => {
  it.each([
    ["valid UTF-8", Buffer.from("café ✓ 😀"), "café ✓ 😀"],
    ["a Latin-1 byte", Buffer.from([0x63, 0xe9]), "c\udce9"],
    ["a cut four-byte sequence", Buffer.from([0xf0, 0x9f, 0x98]), "\udcf0\udc9f\udc98"],
    ["a lone continuation byte after a pair", Buffer.concat([Buffer.from("😀"), Buffer.from([0x80])]), "😀\udc80"],
    ["a value past U+10FFFF", Buffer.from([0xf4, 0x90, 0x80, 0x80]), "\udcf4\udc90\udc80\udc80"],
  ])("reads %s and writes the same bytes back", (_, bytes, text) => {
    expect(decodeUtf8WithEscapes(bytes)).toBe(text);
    expect(encodeUtf8WithEscapes(text).equals(bytes)).toBe(true);
  });

  it("keeps a pair whose low half is in the escape range a pair", () => {
    // U+1F600 is \ud83d\ude00; U+10C80 is \ud803\udc80: its low half must not be read as an escape.
    expect(encodeUtf8WithEscapes("\ud803\udc80").equals(Buffer.from("\ud803\udc80", "utf8"))).toBe(true);
  });

  fcIt.prop([fc.uint8Array({ maxLength: 64 })])("writes any bytes back as they were", (bytes) => {
    expect(encodeUtf8WithEscapes(decodeUtf8WithEscapes(bytes)).equals(Buffer.from(bytes))).toBe(true);
  });
});
