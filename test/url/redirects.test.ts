import { describe, expect, it } from "vitest";
import { cleanUrl } from "../../src/index.js";
import { unwrapRedirect } from "../../src/url/redirects.js";

const b64u = (text: string): string => Buffer.from(text).toString("base64url");
const jwtWith = (payload: object): string => `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify(payload))}.c2lnbmF0dXJl`;

describe("host-agnostic redirect rules (adversary25 F6)", () => {
  it("keeps an invitation link /invite/link/<JWT with a `link` claim>: nodemailer-mail-tracking also writes `recipient`", () => {
    const url = `https://app.example.com/invite/link/${jwtWith({ team: 42, role: "editor", link: "https://app.example.com/teams/42" })}`;
    expect(cleanUrl(url)).toMatchObject({ url, changed: false });
    expect(unwrapRedirect(url)).toBeUndefined();
  });
  it("unwraps a nodemailer-mail-tracking link, recipient claim and all, to its own domain or another", () => {
    for (const destination of ["https://www.example.com/", "https://example.org/docs"]) {
      const url = `https://track.example.com/api/mailtrack/link/${jwtWith({ recipient: "a@example.com", link: destination })}`;
      expect(cleanUrl(url).url).toBe(destination);
    }
  });
  it("unwraps Sailthru on the sender's own link subdomain: that is where its wrappers live (decided: not a first-party endpoint)", () => {
    const url = `https://link.news.example.com/click/1.2/${b64u("https://www.example.com/p?utm_source=x&id=3")}/sig`;
    expect(cleanUrl(url).url).toBe("https://www.example.com/p?id=3");
  });
  it("unwraps a listed host's wrapper to a destination on its own domain (Google)", () => {
    expect(cleanUrl("https://www.google.com/url?q=https://docs.google.com/x&sa=D").url).toBe("https://docs.google.com/x");
  });
});
