import { describe, expect, it } from "vitest";
import { touchesSoftBreak } from "../../src/adapters/flowed-text.js";

describe("touchesSoftBreak (adversary25 F9)", () => {
  const text = "a https://x.example/?u= \r\nv&w=1 end\r\nhttps://y.example/\r\n-- \r\nhttps://z.example/";
  const span = (url: string) => [text.indexOf(url), text.indexOf(url) + url.length] as const;
  const leave = touchesSoftBreak(text, true, true)!;
  it("holds for a URL that runs into a soft break, and for one right after it", () => {
    expect(leave(...span("https://x.example/?u="))).toBe(true);
    expect(leave(...span("v&w=1"))).toBe(true);
  });
  it("does not hold before a hard break, or after a signature separator", () => {
    expect(leave(...span("https://y.example/"))).toBe(false);
    expect(leave(...span("https://z.example/"))).toBe(false);
  });
  it("is undefined for delsp=no and for text that is not flowed (a URL ends before the space there)", () => {
    expect(touchesSoftBreak(text, true, false)).toBeUndefined();
    expect(touchesSoftBreak(text, false, false)).toBeUndefined();
  });
});
