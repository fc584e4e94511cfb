import { describe, expect, it } from "vitest";
import { absoluteUrl, compareMail, namesAsTracker } from "../../../src/cli/verify/compare.js";
import type { Rendering, SeenImage } from "../../../src/cli/verify/renderer.js";
import type { ReportEntry } from "../../../src/types.js";

const shot = Buffer.alloc(0);
const rendering = (requests: string[], images: SeenImage[] = []): Rendering => ({ requests, images, screenshot: shot });
const finding = (url: string, extra: Partial<Pick<ReportEntry, "detector" | "vendor" | "action" | "reason" | "newUrl" | "url" | "vector" | "tag">> = {}): ReportEntry => ({
  vector: "img",
  tag: "img",
  url,
  detector: "pixel",
  action: "removed-element",
  applied: true,
  reason: "1x1 image",
  offset: 0,
  line: 1,
  column: 1,
  ...extra,
});
const image = (url: string, width: number, height: number): SeenImage => ({ url, width, height });

describe("compareMail", () => {
  it("matches each removed request to its finding (http as https), and fails on an added request", () => {
    const verdict = compareMail(
      [finding("http://t.example/o.gif")],
      [{ width: 800, before: rendering(["https://t.example/o.gif", "https://cdn.example/logo.png"]), after: rendering(["https://cdn.example/logo.png", "https://new.example/x"]) }],
    );
    expect(verdict.removed).toEqual([{ url: "https://t.example/o.gif", finding: finding("http://t.example/o.gif") }]);
    expect(verdict.kept).toEqual(["https://cdn.example/logo.png"]);
    expect(verdict.added).toEqual(["https://new.example/x"]);
    expect(verdict.failures).toEqual(["request the input did not make: https://new.example/x"]);
  });

  it("counts a rewritten URL as rewritten, not added", () => {
    const entry = finding("https://cdn.example/a.png?utm_source=x", { action: "rewrote-url", newUrl: "https://cdn.example/a.png" });
    const verdict = compareMail([entry], [
      { width: 800, before: rendering(["https://cdn.example/a.png?utm_source=x"]), after: rendering(["https://cdn.example/a.png"]) },
    ]);
    expect(verdict.rewritten).toEqual(["https://cdn.example/a.png"]);
    expect(verdict.failures).toEqual([]);
  });

  it("fails when a seen image is gone at one width and no finding names it; a 1x1 pixel finding excuses a 1x1 image", () => {
    const pixel = image("https://t.example/o.gif", 1, 1);
    const banner = image("https://cdn.example/m.jpg", 375, 200);
    const verdict = compareMail([finding(pixel.url)], [
      { width: 800, before: rendering([], [pixel]), after: rendering([]) },
      { width: 375, before: rendering([], [pixel, banner]), after: rendering([]) },
    ]);
    expect(verdict.lostImages).toEqual([{ width: 375, url: banner.url }]);
    expect(verdict.failures).toHaveLength(1);
  });

  it("a pixel finding does not excuse an image Chromium shows larger than 2x2 px (a mobile block revealed by @media)", () => {
    const mobile = image("https://cdn.example/mobile.jpg", 375, 375);
    const entry = finding(mobile.url, { reason: "unsized image hidden by display:none on <table>" });
    expect(namesAsTracker(entry, mobile)).toBe(false);
    expect(namesAsTracker({ ...entry, vendor: "Acme" }, mobile)).toBe(true);
    expect(namesAsTracker({ ...entry, detector: "remote-resource" }, mobile)).toBe(true);
    expect(namesAsTracker(undefined, image(mobile.url, 1, 1))).toBe(false);
    const verdict = compareMail([entry], [{ width: 375, before: rendering([], [mobile]), after: rendering([]) }]);
    expect(verdict.lostImages).toEqual([{ width: 375, url: mobile.url }]);
  });

  it("counts copies: two logos before and one after lose one", () => {
    const logo = image("https://cdn.example/logo.png", 100, 40);
    const verdict = compareMail([], [{ width: 800, before: rendering([], [logo, logo]), after: rendering([], [logo]) }]);
    expect(verdict.lostImages).toEqual([{ width: 800, url: logo.url }]);
  });

  it("reports load errors as failures", () => {
    const verdict = compareMail([], [{ width: 800, before: rendering([]), after: { ...rendering([]), error: "Timeout" } }]);
    expect(verdict.failures).toEqual(["output did not finish loading at 800 px: Timeout"]);
  });

  it("absoluteUrl resolves against the mail, drops the fragment, reads http as https", () => {
    expect(absoluteUrl("img/a.png#x")).toBe("https://mail.invalid/message/img/a.png");
    expect(absoluteUrl("http://t.example/p")).toBe("https://t.example/p");
    expect(absoluteUrl("http://[")).toBeUndefined();
  });
});
