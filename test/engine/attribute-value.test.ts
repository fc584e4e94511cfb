// A new attribute value written in the style of the old one: only the changed span of the raw text is rewritten.

import { QuoteType } from "htmlparser2";
import { decodeHTMLAttribute } from "entities/decode";
import { describe, expect, it } from "vitest";
import { encodeAttributeValue } from "../../src/engine/attribute-value.js";
import { stripTracking } from "../../src/strip-tracking.js";

function encode(raw: string, value: string, quote = QuoteType.Double): string {
  return encodeAttributeValue(value, raw, decodeHTMLAttribute(raw), quote);
}

describe("encodeAttributeValue", () => {
  it("keeps the references outside the changed span as written (&eacute;, &#38;, &#x26;)", () => {
    expect(encode("p?a=1&#38;u=a&#38;b=caf&eacute;", "p?a=1&b=café")).toBe("p?a=1&#38;b=caf&eacute;");
    expect(encode("p?b=caf&eacute;&#x26;u=a", "p?b=café")).toBe("p?b=caf&eacute;");
    expect(encode("p?b=caf&eacute&amp;u=a", "p?b=café", QuoteType.Single)).toBe("p?b=caf&eacute");
  });

  it("escapes what it writes in the changed span, and the quote the value sits in", () => {
    expect(encode("caf&eacute;?x=1", 'caf&eacute;?y="&"'.replace("&eacute;", "é"))).toBe("caf&eacute;?y=&quot;&amp;&quot;");
    expect(encode("caf&eacute;?x=1", "café?y='", QuoteType.Single)).toBe("caf&eacute;?y=&#39;");
  });

  it("never lets a kept reference and new text read as another reference", () => {
    const raw = "a&amp;b&eacute;";
    for (const value of ["a&amp;b", "a&ampb", "&eacute;é", "a&not"]) {
      expect(decodeHTMLAttribute(encode(raw, value))).toBe(value);
    }
  });

  it("keeps the old habits: no references stays without, every & as &amp; stays so", () => {
    expect(encode("a?x=1&u=2", "a?x=1")).toBe("a?x=1");
    expect(encode("a?x=1&amp;u=2&amp;y=3", "a?x=1&y=3")).toBe("a?x=1&amp;y=3");
  });
});

describe("a cleaned link keeps the rest of its attribute as written", () => {
  it("character references other than &amp; are not decoded or respelled", () => {
    expect(stripTracking('<a href="https://x.example/p?a=1&#38;utm_source=a&#38;b=caf&eacute;">x</a>')).toBe(
      '<a href="https://x.example/p?a=1&#38;b=caf&eacute;">x</a>',
    );
    expect(stripTracking("<a href=https://x.example/p?b=caf&eacute;&amp;utm_source=a>x</a>")).toBe('<a href="https://x.example/p?b=caf&eacute;">x</a>');
  });

  it("an unwrapped redirect written with references is still written whole and safe", () => {
    const html = '<a href="https://www.google.com/url?q=https%3A%2F%2Fshop.example%2Fa%3Fid%3D1&amp;sa=D&eacute;">x</a>';
    expect(stripTracking(html)).toBe('<a href="https://shop.example/a?id=1">x</a>');
  });
});
