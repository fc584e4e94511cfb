import { describe, expect, it } from "vitest";
import { readDataStylesheet } from "../../src/css/data-url.js";

const T = "https://t.example/p.gif";
const sheet = `@import url(${T});`;
const base64 = (text: string, encoding: BufferEncoding = "utf8"): string => Buffer.from(text, encoding).toString("base64");

describe("readDataStylesheet: the CSS a browser applies from a data: URL", () => {
  it.each<[string, string, string]>([
    ["raw", `data:text/css,${sheet}`, sheet],
    ["percent-encoded", `data:text/css,${encodeURIComponent(sheet)}`, sheet],
    ["base64", `data:text/css;base64,${base64(sheet)}`, sheet],
    ["no type, base64", `data:;base64,${base64(sheet)}`, sheet],
    ["no type at all", `data:,${sheet}`, sheet],
    ["any type (quirks mode applies it)", `data:image/png,${sheet}`, sheet],
    ["upper case", `DATA:TEXT/CSS;BASE64,${base64(sheet)}`, sheet],
    ["space before base64", `data:text/css; base64,${base64(sheet)}`, sheet],
    ["base64 with spaces and no padding", `data:;base64,${base64("a{}").replace(/=+$/, "").replace(/(..)/, "$1 ")}`, "a{}"],
    ["charset param", `data:text/css;charset=utf-8,${encodeURIComponent("a{content:'é'}")}`, "a{content:'é'}"],
    ["quoted charset", `data:text/css;charset="UTF-8",a{}`, "a{}"],
    ["utf-16 charset", `data:text/css;charset=utf-16le;base64,${base64(sheet, "utf16le")}`, sheet],
    ["windows-1252 charset", "data:text/css;charset=windows-1252,a{content:'%AA'}", "a{content:'ª'}"],
    ["utf-16 BOM without a charset", `data:;base64,${Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheet, "utf16le")]).toString("base64")}`, sheet],
    ["utf-8 BOM with non-ASCII", `data:,${encodeURIComponent("\ufeffa{content:'é'}")}`, "a{content:'é'}"],
    ["@charset rule", `data:,${encodeURIComponent('@charset "windows-1252";a{}')}%AA`, '@charset "windows-1252";a{}ª'],
    ["@charset utf-16 in ASCII bytes means UTF-8", `data:,${encodeURIComponent('@charset "utf-16";a{}')}`, '@charset "utf-16";a{}'],
    ["the fragment is not in the body", "data:text/css,a{color:#fff}", "a{color:"],
    ["tabs and newlines vanish (URL parser)", "data:text/css,a\n{\tb:c}", "a{b:c}"],
    ["leading spaces (URL parser)", "  data:text/css,a{}", "a{}"],
    ["percent-encoded base64", `data:;base64,${encodeURIComponent(base64(sheet))}`, sheet],
  ])("%s", (_title, url, expected) => {
    expect(readDataStylesheet(url)).toBe(expected);
  });

  it.each<[string, string]>([
    ["not a data: URL", T],
    ["relative", "data.css"],
    ["no comma: a network error", "data:text/css;base64"],
  ])("nothing to read: %s", (_title, url) => {
    expect(readDataStylesheet(url)).toBeUndefined();
  });

  it.each<[string, string, RegExp]>([
    ["broken base64", "data:;base64,YXt9Y", /base64/],
    ["non-ASCII bytes and no charset (the mail's own encoding decides)", "data:,a{b:url(https://tr%AAcker.example/)}", /non-ASCII/],
    ["non-ASCII UTF-8 and no charset", `data:,${encodeURIComponent("a{content:'é'}")}`, /non-ASCII/],
    ["an encoding label nobody knows", "data:text/css;charset=x-unknown,a{}", /encoding/],
    ["an @charset label nobody knows", `data:,${encodeURIComponent('@charset "x-unknown";a{}')}`, /encoding/],
  ])("fails closed: %s", (_title, url, reason) => {
    const read = readDataStylesheet(url);
    expect(typeof read).toBe("object");
    expect((read as { unreadable: string }).unreadable).toMatch(reason);
  });

  it("reads a long base64 body without overflowing the stack", () => {
    const long = `a{b:c}${" ".repeat(300_000)}${sheet}`;
    expect(readDataStylesheet(`data:text/css;base64,${base64(long)}`)).toBe(long);
  });
});
