import { describe, expect, it } from "vitest";
import { decodeCharset } from "../../src/adapters/charset.js";

const bytes = (...values: number[]) => Buffer.from(values);
const ascii = (text: string) => Buffer.from(text, "latin1");

// “s” – €5 ™ in windows-1252: every byte but the ASCII ones is in 0x80–0x9F.
const smartQuotes = bytes(0x93, 0x73, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x99);
// こんにちは in ISO-2022-JP (ESC $ B … ESC ( B).
const jis = bytes(0x1b, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x24, 0x4b, 0x24, 0x41, 0x24, 0x4f, 0x1b, 0x28, 0x42);

describe("decodeCharset reads what it can write back byte for byte", () => {
  it.each([
    ["utf-8", Buffer.from("<p>café</p>", "utf8"), "<p>café</p>"],
    ["UTF-8", Buffer.from("café", "utf8"), "café"],
    ["utf-8 with a BOM, kept", Buffer.from("\uFEFF<p>hi</p>", "utf8"), "\uFEFF<p>hi</p>"],
    ["us-ascii (read as UTF-8)", Buffer.from("café", "utf8"), "café"],
    ["unicode-1-1-utf-8 (a WHATWG UTF-8 label)", Buffer.from("café", "utf8"), "café"],
    ["windows-1252, 0x80–0x9F", smartQuotes, "“s” – €5 ™"],
    ["cp1252", smartQuotes, "“s” – €5 ™"],
    ["Windows-1252", ascii("caf\xe9"), "café"],
    ["iso-8859-1, C1 controls kept as such", bytes(0x63, 0xe9, 0x80, 0x93), "cé\u0080\u0093"],
    ["latin1", ascii("caf\xe9"), "café"],
    ["koi8-r", bytes(0xf0, 0xd2, 0xc9), "При"],
    ["x-mac-cyrillic (iconv-lite's macukraine)", bytes(0x8f, 0xf0, 0xe8, 0xa2), "ПриҐ"],
    ["x-euc-jp (WHATWG alias of euc-jp)", bytes(0xa4, 0xb3, 0xa4, 0xf3), "こん"],
    ["utf-16 with a little-endian BOM", Buffer.from("\uFEFFhé", "utf16le"), "\uFEFFhé"],
    ["utf-16 with a big-endian BOM", Buffer.from("\uFEFFhé", "utf16le").swap16(), "\uFEFFhé"],
  ])("%s", (label, input, text) => {
    const charset = label.split(/[ ,]/)[0]!;
    const read = decodeCharset(input, charset);
    expect(read).toMatchObject({ text });
    if ("skipped" in read) return;
    expect(read.encode(read.text)?.equals(input)).toBe(true);
  });

  it.each([
    ["utf-8", "a Latin-1 é", ascii("<p>caf\xe9</p>"), "<p>caf\udce9</p>"],
    ["utf-8", "a truncated sequence", bytes(0x3c, 0x70, 0x3e, 0xc3), "<p>\udcc3"],
    ["utf-8", "stray bytes among valid ones", Buffer.concat([Buffer.from("ü"), bytes(0xff), Buffer.from("✓")]), "ü\udcff✓"],
    ["utf-8", "an overlong form and a surrogate", bytes(0xc0, 0xaf, 0xed, 0xa0, 0x80), "\udcc0\udcaf\udced\udca0\udc80"],
    ["us-ascii", "a Latin-1 é", ascii("caf\xe9"), "caf\udce9"],
  ])("%s: keeps %s as escapes, written back as they were", (charset, _what, input, text) => {
    const read = decodeCharset(input, charset);
    if ("skipped" in read) throw new Error(read.skipped);
    expect(read.text).toBe(text);
    expect(read.encode(read.text)?.equals(input)).toBe(true);
    // A character the cleaning writes in is UTF-8, like its neighbours.
    expect(read.encode(`${read.text}é`)?.equals(Buffer.concat([input, Buffer.from("é")]))).toBe(true);
  });

  it.each([
    ["windows-1252", "its unassigned 0x81 and 0x8D", bytes(0x61, 0x81, 0x8d), 'bytes that would not be written back as they were in charset "windows-1252"'],
    ["shift_jis", "a lead byte alone", bytes(0x82), 'bytes that would not be written back as they were in charset "shift_jis"'],
    ["iso-2022-jp", "readable, not writable", Buffer.concat([ascii("<p>"), jis, ascii("</p>")]), 'charset "iso-2022-jp" can be read but not written back'],
    ["x-unknown-42", "an unknown label", ascii("<p>hi</p>"), 'unknown charset "x-unknown-42"'],
  ])("%s: leaves %s alone", (charset, _what, input, skipped) => {
    expect(decodeCharset(input, charset)).toMatchObject({ skipped });
    expect("text" in decodeCharset(input, charset)).toBe(false);
  });

  it("gives the text of bytes it can read but not write back as readOnly (for a dry run's report), and no encoder", () => {
    expect(decodeCharset(Buffer.concat([ascii("<p>"), jis, ascii("</p>")]), "ISO-2022-JP")).toEqual({
      skipped: 'charset "iso-2022-jp" can be read but not written back',
      readOnly: "<p>こんにちは</p>",
    });
    expect(decodeCharset(bytes(0x61, 0x81, 0x8d), "windows-1252")).toMatchObject({ readOnly: expect.stringMatching(/^a/) });
    // Not valid in the charset: nothing to read.
    expect(decodeCharset(bytes(0x1b, 0x24, 0x42, 0xff), "iso-2022-jp")).toEqual({ skipped: 'charset "iso-2022-jp" can be read but not written back' });
    expect(decodeCharset(ascii("<p>hi</p>"), "x-unknown-42")).toEqual({ skipped: 'unknown charset "x-unknown-42"' });
  });

  it("writes no text the charset cannot hold (an unwrapped redirect's Cyrillic in windows-1252)", () => {
    const read = decodeCharset(ascii("caf\xe9"), "windows-1252");
    if ("skipped" in read) throw new Error(read.skipped);
    expect(read.encode("café https://shop.example/")?.equals(ascii("caf\xe9 https://shop.example/"))).toBe(true);
    expect(read.encode("https://shop.example/при")).toBeUndefined();
  });

  it("writes no lone surrogate as U+FFFD in UTF-8", () => {
    const read = decodeCharset(Buffer.from("x"), "utf-8");
    if ("skipped" in read) throw new Error(read.skipped);
    expect(read.encode("a\uD800b")).toBeUndefined();
  });

  it("reads a Uint8Array view at its own offset", () => {
    const whole = Buffer.from("xxcafé", "utf8");
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.byteLength - 2);
    expect(decodeCharset(view, "utf-8")).toMatchObject({ text: "café" });
  });
});
