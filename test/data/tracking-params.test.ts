import { describe, expect, it } from "vitest";
import { trackingParams } from "../../src/data/tracking-params.js";
import { cleanUrl } from "../../src/index.js";

describe("tracking params: functional parameters stay (adversary25 F7)", () => {
  it("keeps Google Play's install referrer (the app reads it after install: invite codes, deep links)", () => {
    const url = "https://play.google.com/store/apps/details?id=com.example.app&referrer=invite_code%3DABC123";
    expect(cleanUrl(url).url).toBe(url);
  });
  it("keeps an itm_-named parameter the sources do not list (an item id)", () => {
    const url = "https://shop.example/cart/add?itm_id=12345&qty=1";
    expect(cleanUrl(url).url).toBe(url);
  });
  it("still removes the itm_ names the sources list, and utm_* on Google Play", () => {
    expect(cleanUrl("https://shop.example/p?itm_source=home&itm_campaign=x&itm_campaign_s=y&qty=1").url).toBe("https://shop.example/p?qty=1");
    expect(cleanUrl("https://play.google.com/store/apps/details?id=com.example.app&utm_source=newsletter").url).toBe("https://play.google.com/store/apps/details?id=com.example.app");
  });
  it("has no itm_ wildcard, and a source on every itm_ entry", () => {
    const itm = trackingParams.filter(({ name }) => name.startsWith("itm_"));
    expect(itm.map(({ name }) => name)).not.toContain("itm_*");
    for (const rule of itm) expect(rule.source).not.toBe("");
  });
});
