import { describe, expect, it } from "vitest";
import { trackingPathOf } from "../../src/url/tracking-path.js";

describe("trackingPathOf", () => {
  const open = trackingPathOf(["open", "track"]);
  it.each([
    ["/open", true], ["/o/open/", true], ["/open?u=1", true], ["/open.gif", true], ["/track.php?x", true],
    ["/track-open/42", true], ["/open_1.gif", true], ["/open.ashx", true], ["/open.gif/42", true],
    ["/open-sans.woff2", false], ["/track-order-hover.png", false], ["/opensans/x", false], ["/open.css", false],
  ])("%s -> %j", (path, expected) => {
    expect(open.test(path)).toBe(expected);
  });
});
