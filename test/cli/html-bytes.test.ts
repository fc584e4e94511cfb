import { describe, expect, it } from "vitest";
import { readHtmlBytes } from "../../src/cli/html-bytes.js";

const roundTrip = (bytes: Buffer): Buffer | undefined => {
  const file = readHtmlBytes(bytes);
  return file.encode(file.text);
};

describe("readHtmlBytes", () => {
  it.each([
    ["UTF-8", Buffer.from("<p>café ✓</p>", "utf8"), "<p>café ✓</p>"],
    ["UTF-8 with a BOM (kept)", Buffer.from("\uFEFF<p>café</p>", "utf8"), "<p>café</p>"],
    ["Latin-1 (not valid UTF-8): bytes kept as escapes", Buffer.from("<p>caf\xe9</p>", "latin1"), "<p>caf\udce9</p>"],
    ["windows-1252 quotes", Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x61, 0x94]), "<p>\udc93a\udc94"],
    ["UTF-16LE by its BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<p>Ça</p>", "utf16le")]), "<p>Ça</p>"],
    ["UTF-16BE by its BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("<p>Ça</p>", "utf16le").swap16()]), "<p>Ça</p>"],
  ])("%s: reads the text and writes the same bytes back", (_, bytes, text) => {
    expect(readHtmlBytes(bytes).text).toBe(text);
    expect(roundTrip(bytes)?.equals(bytes)).toBe(true);
  });

  it("writes a cleaned text in the file's encoding", () => {
    const file = readHtmlBytes(Buffer.from("<p>caf\xe9</p><img src=x>", "latin1"));
    expect(file.encode("<p>caf\udce9</p>")?.equals(Buffer.from("<p>caf\xe9</p>", "latin1"))).toBe(true);
  });

  it("keeps the BOM out of the text (browsers drop it before parsing)", () => {
    expect(readHtmlBytes(Buffer.from("\uFEFF<!DOCTYPE html>", "utf8")).text).toBe("<!DOCTYPE html>");
  });

  it("does not read UTF-16 with an odd byte left over", () => {
    expect(() => readHtmlBytes(Buffer.from([0xff, 0xfe, 0x3c, 0x00, 0x70]))).toThrow(/not read/);
  });

  it("writes a character the cleaning puts in as UTF-8, beside the bytes it kept", () => {
    const file = readHtmlBytes(Buffer.from("caf\xe9", "latin1"));
    expect(file.encode(`${file.text} ✓`)?.equals(Buffer.concat([Buffer.from("caf\xe9 ", "latin1"), Buffer.from("✓")]))).toBe(true);
  });
});
