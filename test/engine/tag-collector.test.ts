import { describe, expect, it } from "vitest";
import { QuoteType } from "htmlparser2";
import { createStripper, stripTracking } from "../../src/index.js";
import { readStartTag } from "../support/engine-pieces.js";

describe("TagCollector", () => {
  it("collects the lower-case name and each attribute's decoded value and exact spans", () => {
    const html = `<IMG Src="a&amp;b" alt='x' hidden width=1 >`;
    const { tag, end } = readStartTag(html);
    expect(tag.name).toBe("img");
    expect(tag.start).toBe(0);
    expect(html.slice(tag.start + 1, tag.nameEnd)).toBe("IMG");
    expect(end).toBe(html.length);
    expect(tag.attributes.map((a) => [a.name, a.value, a.quote])).toEqual([
      ["src", "a&b", QuoteType.Double],
      ["alt", "x", QuoteType.Single],
      ["hidden", "", QuoteType.NoValue],
      ["width", "1", QuoteType.Unquoted],
    ]);
    for (const attribute of tag.attributes) {
      if (attribute.quote === QuoteType.NoValue) continue;
      // The value span is the raw value, between the quotes; the attribute ends after the closing quote.
      const raw = html.slice(attribute.valueStart, attribute.valueEnd);
      expect(raw === attribute.value || raw === "a&amp;b").toBe(true);
      expect(html.slice(attribute.nameStart, attribute.end)).toMatch(new RegExp(`^${attribute.name}`, "i"));
    }
    const src = tag.attributes[0]!;
    expect(html.slice(src.valueStart, src.valueEnd)).toBe("a&amp;b");
    expect(html.slice(src.nameStart, src.end)).toBe(`Src="a&amp;b"`);
  });

  it("finds a value after spaces around `=`", () => {
    const html = `<a href = 'https://x.example/'>`;
    const [href] = readStartTag(html).tag.attributes;
    expect(html.slice(href!.valueStart, href!.valueEnd)).toBe("https://x.example/");
  });

  it("reads a value cut off by the end of input from the source, whatever the tokenizer held back", () => {
    const options = { block: [{ url: "t.example" }] };
    for (const html of ["<img src=https://t.example/p.gif&", '<img src="https://t.example/p.gif&amp', "<img alt=a&b src=https://t.example/p.gif&"]) {
      let chunked = "";
      const stripper = createStripper({ ...options, onData: (chunk) => (chunked += chunk) });
      for (const char of html) stripper.write(char);
      stripper.end();
      expect(stripTracking(html, options)).toBe("");
      expect(chunked).toBe("");
    }
    expect(stripTracking("<p>x</p><img alt=caf&eacute", options)).toBe("<p>x</p><img alt=caf&eacute");
  });
});
