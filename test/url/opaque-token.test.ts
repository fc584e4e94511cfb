import { describe, expect, it } from "vitest";
import { findHostToken, findOpaqueToken } from "../../src/url/opaque-token.js";

describe("findOpaqueToken", () => {
  it("looks in the path and the query, not in the host name", () => {
    expect(findOpaqueToken("https://t.example/o?u=7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b")).toBe("hex");
    expect(findOpaqueToken("https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example/o")).toBeUndefined();
  });
});

describe("findHostToken (adversary11 F3)", () => {
  it.each([
    ["https://7c1e9a04-b2d3-4f5e-8a6b-1c2d3e4f5a6b.t.example/p.gif", "uuid"],
    ["https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example/p.gif", "hex"],
    ["https://7C1E9A04B2D34F5E8A6B1C2D3E4F5A6B.T.example/p.gif", "hex"],
    ["https://open.7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example:8443/p.gif", "hex"],
  ] as const)("%s → %s", (url, kind) => {
    expect(findHostToken(url)).toBe(kind);
  });

  it.each([
    ["CloudFront (14 characters)", "https://d1a2b3c4d5e6f7.cloudfront.net/hero.png"],
    ["the AMP cache", "https://abc123def456.cdn.ampproject.org/i/s/shop.example/hero.png"],
    ["googleusercontent", "https://lh3.googleusercontent.com/a1b2c3d4e5f6a7b8c9d0e1f2/hero.png"],
    ["a registrable domain (the sender's for every reader)", "https://7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.com/hero.png"],
    ["a word-like label", "https://deadbeefcafebabe.t.example/hero.png"],
    ["a token in the path only", "https://t.example/7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b/p.gif"],
    ["an IPv4 host", "https://192.168.100.200/p.gif"],
    ["an IPv6 host", "https://[2001:db8::1]/p.gif"],
    ["no http(s) URL", "cid:7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b.t.example"],
  ])("no token in %s", (_title, url) => {
    expect(findHostToken(url)).toBeUndefined();
  });
});
