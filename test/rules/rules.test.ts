import { describe, expect, it } from "vitest";
import { stripTracking, stripTrackingWithReport } from "../../src/index.js";

describe("block and allow rules", () => {
  it.each([
    ["an attribute selector", `img[src*="/beacon/"]`, `<img src="https://a.example/beacon/1.png" width="80">x`, "x"],
    ["a descendant selector", "div.footer img", `<div class="x footer"><p><img src="https://a.example/l.png"></p></div>`, `<div class="x footer"><p></p></div>`],
    ["a child selector that does not match a grandchild", "div.footer > img", `<div class="footer"><p><img src="https://a.example/l.png"></p></div>`, `<div class="footer"><p><img src="https://a.example/l.png"></p></div>`],
    ["an id and :not()", "img#px:not([alt])", `<img id="px" src="https://a.example/a.png"><img id="px" alt="" src="https://a.example/a.png">`, `<img id="px" alt="" src="https://a.example/a.png">`],
    ["a case-insensitive attribute value", `img[src$=".GIF" i]`, `<img src="https://a.example/o.gif" width="50">`, ""],
  ])("blocks by %s", (_title, selector, input, output) => {
    const { html, report } = stripTrackingWithReport(input, { block: [selector] });
    expect(html).toBe(output);
    if (input !== output) expect(report.findings[0]).toMatchObject({ detector: "block-rule", action: "removed-element" });
  });

  it.each([
    ["the adoption agency", `<b><p>x</b>`],
    ["a </form> from the middle of the stack", `<form><div></form>`],
  ])("matches ancestors opened after %s (the stack is a new array then)", (_title, before) => {
    const input = `${before}<div class="f"><img src="https://ok.example/a.png"></div>`;
    expect(stripTracking(input, { block: ["div.f img"] })).toBe(`${before}<div class="f"></div>`);
  });

  it("blocks fetched resources by URL pattern (host and path prefix), never links", () => {
    const input = `<img src="https://news.example/px/1.gif" width="90"><img src="https://news.example/logo.png"><a href="https://news.example/px/unsubscribe">u</a>`;
    expect(stripTracking(input, { block: [{ url: "news.example/px/" }] })).toBe(
      `<img src="https://news.example/logo.png"><a href="https://news.example/px/unsubscribe">u</a>`,
    );
  });

  it("matches URL patterns on subdomains but not on look-alike hosts", () => {
    const input = `<img src="https://a.t.example/1.png"><img src="https://nott.example/1.png"><img src="https://t.example.evil.test/1.png">`;
    expect(stripTracking(input, { block: [{ url: "t.example" }] })).toBe(
      `<img src="https://nott.example/1.png"><img src="https://t.example.evil.test/1.png">`,
    );
  });

  it("lets allow win over block and over every detector", () => {
    const pixel = `<img src="https://stats.example/p.gif" width="1" height="1">`;
    expect(stripTracking(pixel, { allow: [{ url: "https://stats.example/" }] })).toBe(pixel);
    expect(stripTracking(pixel, { allow: ["img"], block: ["img"] })).toBe(pixel);
    expect(stripTracking(`<div class="keep"><script>x</script></div>`, { allow: [".keep script"] })).toBe(
      `<div class="keep"><script>x</script></div>`,
    );
  });

  it.each([
    [{ block: "img" }, /option "block" must be an array/],
    [{ block: [42] }, /option "block" entries must be/],
    [{ allow: [{ url: "no host here" }] }, /option "allow" has a URL pattern without a valid host/],
    [{ block: ["img + p"] }, /combinator, not supported/],
    [{ block: ["p:first-child"] }, /not supported/],
    [{ block: ["img[src"] }, /does not parse/],
  ])("rejects %j with a TypeError naming the option", (options, message) => {
    expect(() => stripTracking("<p>x</p>", options as never)).toThrow(TypeError);
    expect(() => stripTracking("<p>x</p>", options as never)).toThrow(message);
  });
});
