import { describe, expect, it } from "vitest";
import { defaultRewriter, type Detector, type Element, type Finding, type Resource, type Rewriter, stripTracking, stripTrackingWithReport } from "../../src/index.js";

const element = {} as Element;
const resource = (vector: Resource["vector"], fetch: Resource["fetch"] = "open"): Resource => ({
  url: "https://t.example/x",
  absoluteUrl: "https://t.example/x",
  vector,
  attribute: "src",
  fetch,
});

// [title, finding, expected edit kind]
const table: [string, Finding, string][] = [
  ["an element finding removes the element", { detector: "d", reason: "r" }, "remove-element"],
  ["a keep finding keeps", { detector: "d", reason: "r", keep: true }, "keep"],
  ["an img source removes the element", { detector: "d", reason: "r", resource: resource("img") }, "remove-element"],
  ["an input image removes the element", { detector: "d", reason: "r", resource: resource("input-image") }, "remove-element"],
  ["a script source removes the element", { detector: "d", reason: "r", resource: resource("script") }, "remove-element"],
  ["a link element removes the element", { detector: "d", reason: "r", resource: resource("link") }, "remove-element"],
  ["an svg image removes the element", { detector: "d", reason: "r", resource: resource("svg-image") }, "remove-element"],
  ["a srcset candidate removes the candidate", { detector: "d", reason: "r", resource: resource("srcset") }, "remove-resource"],
  ["a CSS url removes the declaration", { detector: "d", reason: "r", resource: resource("css-url") }, "remove-resource"],
  ["a background attribute removes the attribute", { detector: "d", reason: "r", resource: resource("background") }, "remove-resource"],
  ["a poster removes the attribute", { detector: "d", reason: "r", resource: resource("poster") }, "remove-resource"],
  ["a VML source removes the attribute", { detector: "d", reason: "r", resource: resource("vml") }, "remove-resource"],
  ["a ping removes the attribute", { detector: "d", reason: "r", resource: resource("ping", "click") }, "remove-resource"],
  ["an attributionsrc URL removes the attribute", { detector: "d", reason: "r", resource: resource("attributionsrc") }, "remove-resource"],
  [
    "an attributionsrc URL is removed even with a replacement (one URL cannot stand for the list)",
    { detector: "d", reason: "r", resource: resource("attributionsrc"), replacement: { url: "https://a.example/", changes: [] } },
    "remove-resource",
  ],
  ["a link with no replacement is kept", { detector: "d", reason: "r", resource: resource("anchor", "click") }, "keep"],
  [
    "a replacement rewrites the URL",
    { detector: "d", reason: "r", resource: resource("anchor", "click"), replacement: { url: "https://a.example/", changes: [] } },
    "replace-url",
  ],
];

describe("default rewriter", () => {
  it.each(table)("%s", (_title, finding, kind) => {
    expect(defaultRewriter.rewrite(finding, element).kind).toBe(kind);
  });
});

describe("default rewriter: a <link> exists only to fetch", () => {
  it("its imagesrcset candidate takes the element with it (adversary19 F10)", () => {
    const link = { name: "link" } as Element;
    expect(defaultRewriter.rewrite({ detector: "d", reason: "r", resource: resource("srcset") }, link).kind).toBe("remove-element");
  });
});

describe("custom rewriters and detectors", () => {
  const videoDetector: Detector = {
    name: "video-poster",
    tags: ["video"],
    detect: (video) => {
      const poster = video.resources.find((found) => found.vector === "poster");
      return poster ? { detector: "video-poster", reason: "remote poster", resource: poster } : undefined;
    },
  };

  it("a user detector's finding goes through the default rewriter", () => {
    const input = `<video poster="https://t.example/p.jpg" controls><source src="m.mp4"></video>`;
    const { html, report } = stripTrackingWithReport(input, { detectors: [videoDetector] });
    expect(html).toBe(`<video controls><source src="m.mp4"></video>`);
    expect(report.findings[0]).toMatchObject({ detector: "video-poster", rewriter: "default", action: "removed-attribute" });
  });

  it("a user rewriter runs first and can decide to keep", () => {
    const keepPixels: Rewriter = {
      name: "keep-pixels",
      rewrite: (finding) => (finding.detector === "pixel" ? { kind: "keep" } : undefined),
    };
    const input = `<img src="https://t.example/o.gif" width="1" height="1"><script>x</script>`;
    const { html, report } = stripTrackingWithReport(input, { rewriters: [keepPixels] });
    expect(html).toBe(`<img src="https://t.example/o.gif" width="1" height="1">`);
    expect(report.findings.map((finding) => [finding.rewriter, finding.action])).toEqual([
      ["keep-pixels", "kept"],
      ["default", "removed-element"],
    ]);
  });

  it("a user rewriter can turn a finding into a URL replacement", () => {
    const proxy: Rewriter = {
      name: "proxy",
      rewrite: (finding) =>
        finding.resource?.vector === "background"
          ? { kind: "replace-url", resource: finding.resource, url: "https://proxy.example/?u=1&v=2" }
          : undefined,
    };
    const input = `<td background="https://t.example/bg.gif">x</td>`;
    expect(stripTrackingWithReport(input, { block: [{ url: "t.example" }], rewriters: [proxy] }).html).toBe(
      `<td background="https://proxy.example/?u=1&v=2">x</td>`,
    );
  });
});

describe("detector contract", () => {
  it("rejects a finding whose resource is not one of the element's own", () => {
    const forged: Detector = {
      name: "forged",
      tags: ["img"],
      detect: () => ({
        detector: "forged",
        reason: "r",
        resource: { url: "x", absoluteUrl: undefined, vector: "img", attribute: "src", fetch: "open" },
      }),
    };
    expect(() => stripTrackingWithReport(`<img src="a.png">`, { detectors: [forged] })).toThrow(
      /detector "forged" returned a resource that is not one of the element's resources/,
    );
  });

  it.each([
    ["a symbol reason", { reason: Symbol("s") }],
    ["an object reason", { reason: { toString: (): string => "r" } }],
    ["a missing reason", {}],
    ["a number vendor", { reason: "r", vendor: 7 }],
  ])("rejects %s in every API, stripTracking (which makes no report line) included", (_, finding) => {
    const malformed = { name: "malformed", tags: ["img"], detect: () => finding } as unknown as Detector;
    const message = /detector "malformed" returned a finding whose reason or vendor is not a string/;
    expect(() => stripTracking(`<img src="a.png">`, { detectors: [malformed] })).toThrow(TypeError);
    expect(() => stripTracking(`<img src="a.png">`, { detectors: [malformed] })).toThrow(message);
    expect(() => stripTrackingWithReport(`<img src="a.png">`, { detectors: [malformed] })).toThrow(message);
  });
});
