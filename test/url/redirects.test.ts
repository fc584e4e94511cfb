import { describe, expect, it } from "vitest";
import { cleanUrl, stripTrackingWithReport } from "../../src/index.js";
import { unwrapRedirect } from "../../src/url/redirects.js";

const b64u = (text: string): string => Buffer.from(text).toString("base64url");
const jwtWith = (payload: object): string => `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify(payload))}.c2lnbmF0dXJl`;

describe("host-agnostic redirect rules and first-party links (adversary25 F6)", () => {
  it("keeps an invitation link /invite/link/<JWT with a `link` claim> to its own domain", () => {
    const url = `https://app.example.com/invite/link/${jwtWith({ team: 42, role: "editor", link: "https://app.example.com/teams/42" })}`;
    expect(cleanUrl(url).url).toBe(url);
  });
  it("keeps a first-party /click/<n>.<n>/<base64> path and reports it as kept", () => {
    const url = `https://app.example.com/click/12.34/${b64u("https://app.example.com/dashboard")}/confirm`;
    expect(cleanUrl(url)).toMatchObject({ url, changed: false, opaqueRedirect: { rule: "sailthru" } });
    expect(unwrapRedirect(url)).toMatchObject({ kind: "first-party", destination: "https://app.example.com/dashboard" });
  });
  it("keeps a nodemailer-mail-tracking link whose destination is its own domain, recipient claim and all", () => {
    const url = `https://app.example.com/api/mailtrack/link/${jwtWith({ recipient: "a@example.com", link: "https://www.example.com/" })}`;
    const { html, report } = stripTrackingWithReport(`<a href="${url}">x</a>`);
    expect(html).toBe(`<a href="${url}">x</a>`);
    expect(report.findings.some(({ reason }) => reason.includes("own domain"))).toBe(true);
  });
  it("still unwraps a third-party destination (Sailthru on the sender's link domain, to a shop elsewhere)", () => {
    const url = `https://link.news.example.com/click/1.2/${b64u("https://shop.example.net/p?utm_source=x&id=3")}/sig`;
    expect(cleanUrl(url).url).toBe("https://shop.example.net/p?id=3");
  });
  it("still unwraps a nodemailer-mail-tracking link to another domain", () => {
    const url = `https://track.example.com/api/mailtrack/link/${jwtWith({ recipient: "a@example.com", link: "https://example.org/docs" })}`;
    expect(cleanUrl(url).url).toBe("https://example.org/docs");
  });
  it("still unwraps a listed host's wrapper to a destination on its own domain (Google)", () => {
    expect(cleanUrl("https://www.google.com/url?q=https://docs.google.com/x&sa=D").url).toBe("https://docs.google.com/x");
  });
});
