import { describe, expect, it } from "vitest";
import { indexPage, type MailResult, mailPage, vendorCounts } from "../../../src/cli/verify/report-html.js";
import type { ReportEntry } from "../../../src/types.js";

const entry = (action: ReportEntry["action"], vendor?: string, url = "https://t.example/o.gif"): ReportEntry => ({
  vector: "img",
  tag: "img",
  url,
  detector: "pixel",
  action,
  applied: true,
  reason: "1x1 image",
  offset: 0,
  line: 1,
  column: 1,
  ...(vendor === undefined ? {} : { vendor }),
});

const result = (file: string, findings: ReportEntry[], failures: string[] = []): MailResult => ({
  file,
  page: file.replace(/\W/g, "_"),
  findings,
  changed: findings.length > 0,
  verdict: { removed: [{ url: "https://t.example/o.gif", finding: findings[0] }], kept: [], rewritten: [], added: [], lostImages: [], failures },
  requestsBefore: 3,
  requestsAfter: 2,
  shots: [{ width: 375, file: "shots/x-375.png", changedPixels: 12 }],
});

describe("verify report pages", () => {
  it("counts removed trackers by vendor, most first; kept and rewritten do not count", () => {
    expect(vendorCounts([entry("removed-element", "Acme"), entry("removed-element"), entry("removed-attribute", "Acme"), entry("kept", "Acme"), entry("rewrote-url", "Acme")])).toEqual([
      ["Acme", 2],
      ["unknown vendor", 1],
    ]);
  });

  it("links every mail from the index, with a totals row, and escapes what mails wrote", () => {
    const html = indexPage([result("a<b>.html", [entry("removed-element", "Acme")]), result("c.html", [], ["request the input did not make: x"])], "standard");
    expect(html).toContain('<a href="a_b__html.html">a&lt;b&gt;.html</a>');
    expect(html).toContain('<a href="c_html.html">c.html</a>');
    expect(html).toContain("<th>all 2 mail(s)</th><th>1 with failures</th><th>Acme 1</th><th>6 → 4</th><th>1 changed</th>");
    expect(html).not.toContain("<b>");
  });

  it("shows failures, screenshots and each removed request with its finding", () => {
    const html = mailPage(result("m.html", [entry("removed-element", "Acme", 'https://t.example/o.gif?"><script>')], ["image gone"]));
    expect(html).toContain('<li class="fail">image gone</li>');
    expect(html).toContain('<img class="shot" src="shots/x-375.png"');
    expect(html).toContain("(12 pixels differ)");
    expect(html).toContain("https://t.example/o.gif</code> — 1x1 image (pixel, Acme; removed-element on &lt;img&gt;)");
    expect(html).not.toContain("<script>");
  });
});
