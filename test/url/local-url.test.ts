import { describe, expect, it } from "vitest";
import { isDataUrl, isLocalUrl, urlScheme } from "../../src/url/local-url.js";

describe("isLocalUrl / isDataUrl / urlScheme: the scheme as the WHATWG URL parser reads it", () => {
  it.each<[string, string | undefined, boolean, boolean]>([
    ["cid:logo@x", "cid", true, false],
    ["CID:logo@x", "cid", true, false],
    ["data:image/png;base64,AA", "data", true, true],
    ["DATA:TEXT/CSS,a{}", "data", true, true],
    [" \u0001data:,x", "data", true, true],
    ["da\nta:,x", "data", true, true],
    ["d\ta\rt\na\t:,x", "data", true, true],
    ["blob:https://a.example/1", "blob", true, false],
    ["about:blank", "about", true, false],
    ["https://t.example/p.gif", "https", false, false],
    ["//t.example/p.gif", undefined, false, false],
    ["p.gif", undefined, false, false],
    // A no-break space is not stripped: the URL is relative, fetched from the document's (or the base's) host.
    ["\u00a0cid:logo", undefined, false, false],
    ["\u00a0data:,x", undefined, false, false],
    ["1data:,x", undefined, false, false],
  ])("%j", (url, scheme, local, data) => {
    expect(urlScheme(url)).toBe(scheme);
    expect(isLocalUrl(url)).toBe(local);
    expect(isDataUrl(url)).toBe(data);
  });
});
