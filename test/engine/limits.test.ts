import { describe, expect, it } from "vitest";
import { createStripper, stripTrackingWithReport } from "../../src/index.js";

function streamed(chunks: string[], maxBufferSize: number) {
  const parts: string[] = [];
  const stripper = createStripper({ maxBufferSize, onData: (chunk) => parts.push(chunk) });
  for (const chunk of chunks) stripper.write(chunk);
  const report = stripper.end();
  return { html: parts.join(""), report };
}

describe("maxBufferSize: fail closed, keep everything else", () => {
  it("drops a tag that outgrows the limit across chunks, and keeps what surrounds it", () => {
    const huge = `<img alt="${"a".repeat(5000)}" src="https://cdn.example/x.png">`;
    const { html, report } = streamed(["<p>before</p>", huge.slice(0, 3000), huge.slice(3000), "<p>after</p>"], 1000);
    expect(html).toBe("<p>before</p><p>after</p>");
    expect(report.warnings.map((warning) => warning.code)).toEqual(["limit-exceeded"]);
    expect(report.changed).toBe(true);
  });

  it("drops a <style> block that outgrows the limit", () => {
    const style = `<style>${".a{color:red}".repeat(500)}</style>`;
    const { html, report } = streamed(["<p>a</p>", style.slice(0, 4000), style.slice(4000), "<p>b</p>"], 1000);
    expect(html).toBe("<p>a</p><p>b</p>");
    expect(report.warnings[0]?.code).toBe("limit-exceeded");
  });

  it("drops a comment that outgrows the limit", () => {
    const comment = `<!--${"x".repeat(3000)}-->`;
    const { html } = streamed(["<p>a</p>", comment.slice(0, 2000), comment.slice(2000), "<p>b</p>"], 1000);
    expect(html).toBe("<p>a</p><p>b</p>");
  });

  it("reports a limit hit inside a conditional comment at its offset in the document", () => {
    // The comment's body ends inside an unclosed tag: the nested run holds it, past the limit, and drops it.
    const html = `<p>hello</p><!--[if mso]><p>x</p><img src="https://cdn.example/a.png" alt="${"a".repeat(200)}<![endif]-->`;
    const { html: out, report } = stripTrackingWithReport(html, { maxBufferSize: 100 });
    expect(out).toBe("<p>hello</p><!--[if mso]><p>x</p><![endif]-->");
    expect(report.warnings).toEqual([expect.objectContaining({ code: "limit-exceeded", offset: html.indexOf("<img") })]);
  });

  it("drops a limit hit inside a conditional comment in audit too (fail closed)", () => {
    const html = "<!--[if mso]><img src=https://t.example/p.gif<![endif]-->";
    const { html: out, report } = stripTrackingWithReport(html, { preset: "audit", maxBufferSize: 30 });
    expect(out).toBe("<!--[if mso]><![endif]-->");
    expect(report.warnings.map((warning) => warning.code)).toEqual(["limit-exceeded"]);
  });

  it("streams long text without holding it", () => {
    const text = "word ".repeat(10_000);
    const chunks = text.match(/.{1,500}/gs) ?? [];
    const { html, report } = streamed(chunks, 1000);
    expect(html).toBe(text);
    expect(report.warnings).toEqual([]);
  });

  it("holds a construct within the limit and treats it normally", () => {
    const input = `<img src="https://t.example/o.gif" width="1" height="1" alt="${"a".repeat(500)}">x`;
    expect(stripTrackingWithReport(input, { maxBufferSize: 1000 }).html).toBe("x");
  });
});
