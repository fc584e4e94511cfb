import { describe, expect, it } from "vitest";
import { stripTrackingFromText, stripTrackingFromTextLeaving } from "../../src/text/strip-tracking-from-text.js";

describe("stripTrackingFromText", () => {
  it.each([
    ["Read it: https://example.com/a?utm_source=news.", "Read it: https://example.com/a."],
    ["Read <https://example.com/a?utm_source=news&id=1>.", "Read <https://example.com/a?id=1>."],
    ["(see https://example.com/a?utm_source=news)", "(see https://example.com/a)"],
    ["https://en.wikipedia.org/wiki/Foo_(bar)?utm_source=x", "https://en.wikipedia.org/wiki/Foo_(bar)"],
    ["a https://example.com/?fbclid=1, b https://example.com/?gclid=2; c", "a https://example.com/, b https://example.com/; c"],
    ["Shop now!\r\n[https://example.com/shop?utm_medium=email]\r\n", "Shop now!\r\n[https://example.com/shop]\r\n"],
    ['"https://example.com/q?utm_campaign=x"', '"https://example.com/q"'],
    ["Done? https://example.com/?utm_source=x!", "Done? https://example.com/!"],
    ["https://x.r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fdocs/1/abc/sig= and more", "https://example.com/docs and more"],
  ])("%j", (input, expected) => {
    expect(stripTrackingFromText(input).text).toBe(expected);
  });

  it.each([
    // adversary15 F7: cleaned up to the line break, the rest of the last value rejoined onto the next parameter.
    ["<https://shop.example/p?id=7&utm_source=news&utm_campaign=spr\ning-sale&color=red>", "<https://shop.example/p?id=7&color=red>"],
    ["<https://shop.example/p?utm_source=news\r\n    &id=7\r\n    &color=red>.", "<https://shop.example/p?id=7&color=red>."],
    ["<URL:https://shop.example/p?utm_source=\nnews>", "<URL:https://shop.example/p>"],
  ])("reads a URL wrapped inside <…> as one: %j", (input, expected) => {
    expect(stripTrackingFromText(input).text).toBe(expected);
  });

  it("does not read prose inside <…> after a URL's line as part of it", () => {
    const text = "<https://x.example/a?utm_source=news\nfor the details>";
    expect(stripTrackingFromText(text).text).toBe("<https://x.example/a\nfor the details>");
    expect(stripTrackingFromText("<https://x.example/a?id=1\nb>").text).toBe("<https://x.example/a?id=1\nb>");
  });

  it("leaves text without tracking byte-identical and reports nothing", () => {
    const text = "Hi,\n\nSee https://example.com/a?id=1 and mailto:a@b.c or *|UNSUB|*.\n";
    expect(stripTrackingFromText(text)).toEqual({ text, changed: false, changes: [] });
  });

  it.each<[string, string]>([
    // adversary15: text after a URL with no space (Japanese) or a non-ASCII closing mark went with the parameter.
    ["詳細はhttps://example.jp/sale?utm_source=mailをご覧ください。", "詳細はhttps://example.jp/saleをご覧ください。"],
    ["（https://example.jp/sale?utm_source=mail）", "（https://example.jp/sale）"],
    ["Read “https://x.example/a?utm_source=news” today", "Read “https://x.example/a” today"],
    // adversary16: letters of scripts written with spaces belong to the URL; a closing }, | after it does not.
    ["https://shop.example.de/?utm_campaign=Frühling&ref=42 und mehr", "https://shop.example.de/?ref=42 und mehr"],
    ["https://de.wikipedia.org/wiki/Straße?utm_source=news", "https://de.wikipedia.org/wiki/Straße"],
    ["https://bücher.example/?utm_source=news", "https://bücher.example/"],
    ["{https://x.example/a?utm_source=news}", "{https://x.example/a}"],
    ["| https://x.example/a?utm_source=news|", "| https://x.example/a|"],
    // adversary17: a Korean particle, footnote and full-width digits, other scripts written without spaces.
    ["https://x.example/?id=5&utm_source=mail에서 확인하세요", "https://x.example/?id=5에서 확인하세요"],
    ["See https://x.example/?id=5&utm_source=mail² for details", "See https://x.example/?id=5² for details"],
    ["https://x.example/?id=5&utm_source=mail０", "https://x.example/?id=5０"],
    ...["ཀ", "ꀀ", "ㄅ", "ꦲ", "ᨠ", "ー"].map((tail) => [`https://x.example/?id=5&utm_source=mail${tail}`, `https://x.example/?id=5${tail}`] as [string, string]),
    ["https://ru.wikipedia.org/wiki/Москва?utm_source=news", "https://ru.wikipedia.org/wiki/Москва"],
    // adversary18: those alphabets' punctuation ends a URL; a joiner inside a word does not.
    ["مزید https://example.com/?utm_source=newsletter۔", "مزید https://example.com/۔"],
    ["https://example.am/?utm_source=news։", "https://example.am/։"],
    ["https://x.ir/?utm_term=کتاب\u200cها&id=7", "https://x.ir/?id=7"],
    ["https://x.example/?utm_term=col·lecció&id=7", "https://x.example/?id=7"],
  ])("ends a URL where its text ends: %s", (text, cleaned) => {
    expect(stripTrackingFromText(text).text).toBe(cleaned);
  });

  it("keeps opaque trackers and merge tags as they are", () => {
    const text = "Click http://x.us2.list-manage.com/track/click?u=1&id=2&e=3 or https://e.example/u?utm_source=x&e={{email}}";
    expect(stripTrackingFromText(text).text).toBe("Click http://x.us2.list-manage.com/track/click?u=1&id=2&e=3 or https://e.example/u?e={{email}}");
  });

  it("reports each changed URL with its changes", () => {
    const result = stripTrackingFromText("Go https://example.com/?utm_source=a now");
    expect(result.changes).toEqual([
      {
        url: "https://example.com/?utm_source=a",
        cleaned: "https://example.com/",
        changes: [{ kind: "removed-param", rule: "utm", vendor: "Google Analytics", param: "utm_source", value: "a" }],
        offset: 3,
        line: 1,
        column: 4,
      },
    ]);
  });

  it("passes options through", () => {
    expect(stripTrackingFromText("https://example.com/?utm_source=a", { keepParams: ["utm_source"] }).text).toBe(
      "https://example.com/?utm_source=a",
    );
  });
});

describe("stripTrackingFromText dryRun", () => {
  it("changed means the output differs, as in every report: false under dryRun, with the changes it would make", () => {
    const text = "Shop: https://shop.example/a?utm_source=news&id=7";
    const dry = stripTrackingFromText(text, { dryRun: true });
    expect(dry).toMatchObject({ text, changed: false });
    expect(dry.changes.map((change) => [change.cleaned, change.changes.map((item) => item.param)])).toEqual([["https://shop.example/a?id=7", ["utm_source"]]]);
    expect(stripTrackingFromText(text)).toMatchObject({ text: "Shop: https://shop.example/a?id=7", changed: true });
    expect(stripTrackingFromText("nothing here", { dryRun: false })).toEqual({ text: "nothing here", changed: false, changes: [] });
  });
});

describe("stripTrackingFromText options", () => {
  it("takes the link options and dryRun only: cleanUrl's htmlAttribute and createStripper's onData are unknown here", () => {
    for (const name of ["htmlAttribute", "onData", "preset"]) {
      expect(() => stripTrackingFromText("https://a.example/?utm_source=x", { [name]: true } as never)).toThrow(
        new TypeError(`strip-tracking: option "${name}" is not a known option`),
      );
    }
    expect(stripTrackingFromText("https://a.example/?utm_source=x&id=1", { keepParams: ["utm_source"], unwrapRedirects: false, removeParams: ["id"], recipient: "a@b.example", dryRun: false }).text).toBe(
      "https://a.example/?utm_source=x",
    );
  });
});

describe("stripTrackingFromTextLeaving (adversary25 F9)", () => {
  it("leaves the URLs it is told to, reports them as kept, and cleans the others", () => {
    const text = "a https://x.example/?utm_source=1 b https://y.example/?utm_source=2";
    const result = stripTrackingFromTextLeaving(text, undefined, (start) => start === 2);
    expect(result.text).toBe("a https://x.example/?utm_source=1 b https://y.example/");
    expect(result.kept?.map(({ url, cleaned }) => [url, cleaned])).toEqual([["https://x.example/?utm_source=1", "https://x.example/"]]);
    expect(result.changes.map(({ url }) => url)).toEqual(["https://y.example/?utm_source=2"]);
  });
});
