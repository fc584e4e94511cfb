import { describe, expect, it } from "vitest";
import { chunkDecoder, textOf } from "../src/input.js";

describe("textOf", () => {
  it("reads bytes as UTF-8, dropping a BOM", () => {
    expect(textOf(Buffer.from("\uFEFFcafé"), "html")).toBe("café");
  });

  it("names what to pass for anything else", () => {
    expect(() => textOf(5, "html")).toThrow(new TypeError("strip-tracking: html must be a string or a Uint8Array read as UTF-8 (a Buffer is one), got number"));
  });
});

describe("chunkDecoder", () => {
  const decode = (chunks: readonly (string | Buffer)[]): string => {
    const decoder = chunkDecoder("chunk");
    return chunks.map((chunk) => decoder.text(chunk)).join("") + decoder.end();
  };

  it("decodes a UTF-8 sequence split between byte chunks whole", () => {
    expect(decode([Buffer.from([0x63, 0x61, 0x66, 0xc3]), Buffer.from([0xa9, 0x21])])).toBe("café!");
  });

  it("ends an open sequence before a string chunk: the text keeps the order it was written in", () => {
    expect(decode([Buffer.from([0x63, 0xc3]), "x", Buffer.from([0xa9, 0x64])])).toBe("c\uFFFDx\uFFFDd");
    expect(decode([Buffer.from("a"), "b", Buffer.from("c")])).toBe("abc");
  });

  it("ends an open sequence at the end of input", () => {
    expect(decode([Buffer.from([0x61, 0xe2, 0x82])])).toBe("a\uFFFD");
  });
});
