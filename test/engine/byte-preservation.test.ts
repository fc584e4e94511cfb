import { describe, expect, it } from "vitest";
import { stripTracking, stripTrackingWithReport } from "../../src/index.js";

const block = { block: [{ url: "t.example" }] };

describe("the engine keeps every byte it does not edit", () => {
  it.each([
    ["quoting styles", `<td background=bg.png class='a' data-x="y">`],
    ["entities and odd whitespace", `<p title="a&amp;b" \n\t data-a = "1">&nbsp;&copy;&#169;</p>`],
    ["merge tags", `<a href="*|UNSUB|*">u</a><a href="{{unsubscribe}}">u</a><a href="%unsubscribe_url%">u</a>`],
    ["Outlook conditional comments and VML", `<!--[if mso]><v:rect fill="true"><v:fill type="frame" src="https://cdn.example/bg.jpg"/></v:rect><![endif]--><!--[if !mso]><!--><p>x</p><!--<![endif]-->`],
    ["a doctype, processing instruction and CDATA in svg", `<!DOCTYPE html><?xml version="1.0"?><svg><![CDATA[ a < b ]]></svg>`],
    ["unclosed markup at the end", `<div><p>text <b>bold`],
    ["a stray end tag", `</div><p>x</p>`],
    ["CRLF line ends", "<p>a</p>\r\n<p>b</p>\r\n"],
  ])("%s", (_title, input) => {
    const { html, report } = stripTrackingWithReport(input, block);
    expect(html).toBe(input);
    expect(report.changed).toBe(false);
  });

  it("removes only the edited attribute, keeping the tag's other bytes", () => {
    const input = `<td  class="hero"  background="https://t.example/bg.gif"   style="color:red" >x</td>`;
    expect(stripTracking(input, block)).toBe(`<td  class="hero"   style="color:red" >x</td>`);
  });

  it("removes all duplicates of an edited attribute, so the second cannot take the first's place", () => {
    const input = `<td background="https://t.example/a.gif" background="https://cdn.example/b.gif">x</td>`;
    expect(stripTracking(input, block)).toBe(`<td>x</td>`);
  });

  it("removes one srcset candidate and keeps the others byte for byte", () => {
    const input = `<img src="a.png" srcset="https://cdn.example/a.png 1x,  https://t.example/b.png 2x" alt="">`;
    const { html, report } = stripTrackingWithReport(input, block);
    expect(html).toBe(`<img src="a.png" srcset="https://cdn.example/a.png 1x" alt="">`);
    expect(report.findings[0]).toMatchObject({ vector: "srcset", action: "removed-srcset-candidate" });
  });

  it("removes one CSS declaration from a style attribute and keeps the rest", () => {
    const input = `<div style="color:red; background-image:url(https://t.example/x.gif); padding:0">x</div>`;
    const { html, report } = stripTrackingWithReport(input, block);
    expect(html).toBe(`<div style="color:red; padding:0">x</div>`);
    expect(report.findings[0]).toMatchObject({ vector: "css-url", action: "removed-css-declaration" });
  });

  it("removes the style attribute when nothing is left in it", () => {
    const input = `<div style="background:url('https://t.example/x.gif')">x</div>`;
    expect(stripTracking(input, block)).toBe(`<div>x</div>`);
  });

  it("reads entity-encoded CSS in a style attribute", () => {
    const input = `<div style="background:&#x75;rl(https://t.example/x.gif);color:red">x</div>`;
    expect(stripTracking(input, block)).toBe(`<div style="color:red">x</div>`);
  });

  it("removes tracking rules from a <style> block and keeps the rest of the sheet", () => {
    const input = `<style>\n.a{color:red}\n@import url(https://t.example/x.css);\n@media print{.b{background:url(https://t.example/p.gif)}}\n</style><p>x</p>`;
    const { html, report } = stripTrackingWithReport(input, block);
    expect(html).toBe(`<style>\n.a{color:red}\n\n@media print{.b{}}\n</style><p>x</p>`);
    expect(report.findings.map((finding) => finding.vector)).toEqual(["css-import", "css-url"]);
  });

  it("strips inside Outlook conditional comments and keeps the delimiters", () => {
    const input = `<!--[if mso]><v:rect><v:fill type="frame" src="https://t.example/bg.gif"/></v:rect><![endif]-->`;
    const { html, report } = stripTrackingWithReport(input, block);
    expect(html).toBe(`<!--[if mso]><v:rect><v:fill type="frame"/></v:rect><![endif]-->`);
    expect(report.findings[0]).toMatchObject({ vector: "vml", offset: input.indexOf("<v:fill") });
  });

  it("removes an element with everything inside it, and nothing after it", () => {
    const input = `<div><script>a<b>c</script><p>after</p></div>`;
    expect(stripTracking(input)).toBe(`<div><p>after</p></div>`);
  });

  it("ends a removed element where a browser would (an ancestor's end tag)", () => {
    const input = `<div><svg><image href="https://t.example/i.png"><circle/></svg><p>after</p></div>`;
    expect(stripTracking(input, block)).toBe(`<div><svg></svg><p>after</p></div>`);
  });

  it("keeps the content after an end tag that a scope boundary ignores, as browsers do", () => {
    // `</div>` cannot close across <object>: browsers keep everything after it inside the object.
    const { html, report } = stripTrackingWithReport(`<div><object data="x"><p>in</div><p>still in`);
    expect(html).toBe("<div>");
    expect(report.warnings.map((warning) => warning.code)).toEqual(["unclosed-removed-element"]);
  });

  it("warns when a removed element runs to the end of input", () => {
    const { html, report } = stripTrackingWithReport(`<p>a</p><object data="x"><p>rest`);
    expect(html).toBe("<p>a</p>");
    expect(report.warnings.map((warning) => warning.code)).toEqual(["unclosed-removed-element"]);
  });

  it("resolves relative URLs against the first <base href>", () => {
    const input = `<base href="https://t.example/u/1/"><base href="https://cdn.example/"><img src="p.gif">x`;
    const { html, report } = stripTrackingWithReport(input, block);
    // The tracker <base> goes too; the image still resolved against it, as the input meant.
    expect(html).toBe(`<base href="https://cdn.example/">x`);
    expect(report.findings.map((finding) => finding.url)).toEqual(["https://t.example/u/1/", "p.gif"]);
  });

  it("changes nothing in the audit preset, and reports what it would do", () => {
    const input = `<img src="https://t.example/o.gif" width="1" height="1"><script>x</script>`;
    const { html, report } = stripTrackingWithReport(input, { preset: "audit" });
    expect(html).toBe(input);
    expect(report.changed).toBe(false);
    expect(report.findings.map((finding) => [finding.action, finding.applied])).toEqual([
      ["removed-element", false],
      ["removed-element", false],
    ]);
  });
});

describe("svg <style>", () => {
  const block = { block: [{ url: "t.example" }] };

  it("reads entities and CDATA in an svg <style>, and removes the element when its CSS tracks", () => {
    const input = `<svg><style>@import url(&quot;https://t.example/a.css&quot;);</style><circle/></svg>`;
    expect(stripTracking(input, block)).toBe(`<svg><circle/></svg>`);
    const cdata = `<svg><style><![CDATA[ .a{background:url(https://t.example/b.gif)} ]]></style></svg>`;
    expect(stripTracking(cdata, block)).toBe(`<svg></svg>`);
  });

  it("keeps a clean svg <style> byte for byte", () => {
    const input = `<svg><style><![CDATA[ .a{fill:url(#grad)} ]]> .b{fill:red}</style></svg>`;
    expect(stripTracking(input, block)).toBe(input);
  });

  it("removes an svg <style> that holds markup (browsers and parsers may disagree on it)", () => {
    const { html, report } = stripTrackingWithReport(`<svg><style>a{}<a href="x">t</a></style></svg><p>after</p>`);
    expect(html).toBe(`<svg></svg><p>after</p>`);
    expect(report.warnings.map((warning) => warning.code)).toEqual(["ambiguous-markup"]);
  });
});

describe("audit sees what standard does", () => {
  it.each([
    ["a tracker inside a removed element", `<object data="x"><img src="https://t.example/o.gif" width="1" height="1"></object>`],
    ["an iframe inside noscript", `<noscript><iframe src="https://t.example/ns"></iframe></noscript>`],
    ["a textarea inside noscript", `<noscript><textarea></noscript><img src=x></textarea></noscript>`],
  ])("%s", (_title, input) => {
    const standard = stripTrackingWithReport(input);
    const audit = stripTrackingWithReport(input, { preset: "audit" });
    expect(audit.html).toBe(input);
    const seen = (findings: typeof standard.report.findings) => findings.map(({ detector, url, reason }) => ({ detector, url, reason }));
    expect(seen(audit.report.findings)).toEqual(seen(standard.report.findings));
    expect(audit.report.warnings).toEqual(standard.report.warnings);
  });
});

describe("inline style reading", () => {
  it.each([
    ["plain", "width:1px; height : 1PX !important"],
    ["with a function", "width:calc(1px);height:1px"],
    ["with a comment", "width:/* x */1px;height:1px"],
    ["with an escape", "w\\idth:1px;height:1px"],
  ])("reads %s styles the same way", (_title, style) => {
    const input = `<img src="https://t.example/p.gif" style="${style}">`;
    expect(stripTracking(input)).toBe("");
  });
});
