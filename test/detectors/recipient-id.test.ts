import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { identifierFinder, recipientIdDetector, recipientNeedles } from "../../src/detectors/recipient-id.js";
import { stripTrackingWithReport } from "../../src/index.js";

// Written with a capital and spaces: the option is trimmed and lower-cased before hashing.
const recipient = "  Ann.Lee+News@Example.com ";
const address = "ann.lee+news@example.com";
const digest = (algorithm: string, encoding: "hex" | "base64" | "base64url") => createHash(algorithm).update(address).digest(encoding);
const unpadded = (text: string) => text.replace(/=+$/, "");

// Each form computed here with node:crypto and Buffer, independently of the detector's @noble/hashes.
const forms: [string, string][] = [
  ["raw", address],
  ["upper-case", address.toUpperCase()],
  ["URL-encoded", encodeURIComponent(address)],
  ["%40 only", address.replace("@", "%40")],
  ["%2B for +", address.replace("+", "%2B")],
  ["base64 padded", Buffer.from(address).toString("base64")],
  ["base64url", Buffer.from(address).toString("base64url")],
  ["hex", Buffer.from(address).toString("hex")],
  ["HEX", Buffer.from(address).toString("hex").toUpperCase()],
  ["MD5", digest("md5", "hex")],
  ["MD5 upper-case", digest("md5", "hex").toUpperCase()],
  ["MD5 base64", digest("md5", "base64")],
  ["MD5 base64url", unpadded(digest("md5", "base64url"))],
  ["SHA-1", digest("sha1", "hex")],
  ["SHA-1 base64", encodeURIComponent(digest("sha1", "base64"))],
  ["SHA-256", digest("sha256", "hex")],
  ["SHA-256 base64url", digest("sha256", "base64url")],
  ["SHA-512", digest("sha512", "hex")],
  ["SHA-512 base64", unpadded(digest("sha512", "base64"))],
];

describe("recipient identifiers", () => {
  it.each(forms)("finds the %s form in an image URL's path and removes the image", (_form, text) => {
    // Sized, visible, with a static file name: only the identifier makes it a tracker.
    const input = `<p>a</p><img src="https://img.example/o/${text}/banner.png?v=2" width="600" height="200"><p>b</p>`;
    const { html, report } = stripTrackingWithReport(input, { recipient });
    expect(html).toBe("<p>a</p><p>b</p>");
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ detector: "recipient-id", action: "removed-element", vector: "img" });
    expect(report.findings[0]?.reason).toMatch(/^URL carries the recipient's address/);
  });

  it("finds the address in a path segment", () => {
    const finder = identifierFinder([address]);
    expect(finder.find(`/o/${digest("sha256", "hex")}/p.gif`)).toBe("the recipient's address as SHA-256");
    expect(finder.find("/o/someone-else%40example.com")).toBeUndefined();
  });

  it("does not confuse another reader's address or hash with this one", () => {
    const other = createHash("md5").update("bob@example.com").digest("hex");
    const input = `<img src="https://img.example/a.png?u=${other}" width="600" height="200">`;
    expect(stripTrackingWithReport(input, { recipient }).html).toBe(input);
  });

  it("computes the needles once per address, with no duplicates", () => {
    const needles = recipientNeedles(address);
    expect(new Set(needles.map((needle) => needle.text)).size).toBe(needles.length);
    expect(needles.map((needle) => needle.text)).toContain(digest("sha512", "hex"));
  });

  it("removes only the parameter from a visible content image", () => {
    const input = `<img src="https://cdn.example/hero.jpg?w=600&amp;e=${encodeURIComponent(address)}&amp;v=2" width="600" height="300">`;
    const { html, report } = stripTrackingWithReport(input, { recipient });
    expect(html).toBe(`<img src="https://cdn.example/hero.jpg?w=600&amp;v=2" width="600" height="300">`);
    expect(report.findings[0]).toMatchObject({ detector: "recipient-id", action: "rewrote-url", changes: ["e"] });
  });

  it("removes the image when the identifier is in its path", () => {
    const input = `<img src="https://cdn.example/${digest("md5", "hex")}/hero.jpg" width="600" height="300">x`;
    expect(stripTrackingWithReport(input, { recipient }).html).toBe("x");
  });

  it("removes a srcset candidate, a background= and a CSS declaration that carry it", () => {
    const md5 = digest("md5", "hex");
    const input = `<img src="https://cdn.example/a.png" srcset="https://cdn.example/a.png 1x, https://t.example/b.png?h=${md5} 2x" width="10" height="10"><td background="https://t.example/bg?h=${md5}">x</td><div style="color:red;background:url(https://t.example/c?h=${md5})">y</div><style>.a{color:red;cursor:url(https://t.example/d?h=${md5}),auto}</style>`;
    const { html, report } = stripTrackingWithReport(input, { recipient });
    expect(html).toBe(`<img src="https://cdn.example/a.png" srcset="https://cdn.example/a.png 1x" width="10" height="10"><td>x</td><div style="color:red;">y</div><style>.a{color:red;}</style>`);
    expect(report.findings.map((finding) => [finding.detector, finding.vector, finding.action])).toEqual([
      ["recipient-id", "srcset", "removed-srcset-candidate"],
      ["recipient-id", "background", "removed-attribute"],
      ["recipient-id", "css-url", "removed-css-declaration"],
      ["recipient-id", "css-url", "removed-css-declaration"],
    ]);
  });

  it("reports an identifier in a link and changes nothing", () => {
    const input = `<a href="https://news.example/prefs?e=${encodeURIComponent(address)}">prefs</a>`;
    const { html, report } = stripTrackingWithReport(input, { recipient });
    expect(html).toBe(input);
    expect(report.findings).toMatchObject([{ detector: "recipient-id", action: "kept", vector: "anchor", applied: false }]);
  });

  it("without a recipient, an address written in an open-time URL is the identifier", () => {
    const input = `<img src="https://img.example/a.png?to=carl%40mail.example" width="600" height="200">x<img src="https://img.example/dee@mail.example/b.png" width="600" height="200"><div style="background:url(https://t.example/o?e=eve@mail.example)">y</div>`;
    const { html, report } = stripTrackingWithReport(input);
    expect(html).toBe(`<img src="https://img.example/a.png" width="600" height="200">x<div>y</div>`);
    expect(report.findings.map((finding) => [finding.action, finding.reason])).toEqual([
      ["rewrote-url", "removed an email address from a content image's URL"],
      ["removed-element", "URL carries an email address"],
      ["removed-attribute", "URL carries an email address"],
    ]);
  });

  it("reads each resource's own URL, whatever attribute or escape holds it", () => {
    const escaped = `<div style="background:url(https://cdn.example/o.gif?e=bob\\40 example.com)">x</div>`;
    const dataSheet = `<link rel=stylesheet href="data:text/css,div{background:url(https://cdn.example/o.gif?e=bob%2540example.com)}">`;
    for (const input of [escaped, dataSheet]) {
      expect(stripTrackingWithReport(input).report.findings.map(({ detector }) => detector)).toContain("recipient-id");
    }
    // SVG paint and animation attributes fetch too, with or without a given recipient.
    for (const input of [
      `<svg><rect fill="url(https://cdn.example/o.svg?e=bob@example.com#a)"/></svg>`,
      `<svg><set attributeName=href to="https://cdn.example/o.gif?e=bob@example.com"/></svg>`,
    ]) {
      for (const options of [{}, { recipient: "bob@example.com" }]) {
        const { html, report } = stripTrackingWithReport(input, options);
        expect(html).not.toContain("bob");
        expect(report.findings.map(({ detector }) => detector)).toEqual(["recipient-id"]);
      }
    }
  });

  it("without a recipient, keeps retina names, package versions and links", () => {
    const input = `<img src="https://cdn.example/logo@2x.png" width="100" height="50"><link rel="stylesheet" href="https://cdn.example/npm/pkg@1.2.3/a.css"><a href="https://x.example/u?e=ann%40example.com">u</a>`;
    expect(stripTrackingWithReport(input).report.findings).toEqual([]);
  });
});

describe("recipient-id: the URL as the browser fetches it (adversary11)", () => {
  const reader = "ann.smith@example.com";
  const md5 = "e27715db69161dc9bc2a3beed6efea14"; // MD5 of the reader's address

  it("F1: an @ before a file or folder name is no address; one before a real domain is", () => {
    for (const file of ["hero@2x.avif", "hero@2x.tiff", "logo@2x.jxl", "hero@2x.heic", "hero@1.5x.jpg", "hero@2x.png", "clip@2x.zip", "icons@v2.min/logo.png"]) {
      const html = `<img src="https://cdn.example/img/${file}" width="600" height="300" alt="New collection">`;
      expect(stripTrackingWithReport(html).html).toBe(html);
    }
    const background = `<div style="background:url(https://cdn.example/img/bg@2x.avif);width:600px;height:300px">Sale</div>`;
    expect(stripTrackingWithReport(background).html).toBe(background);
    // Domains in capitals too (adversary13: tldts compares as given).
    for (const address of ["ann@example.io", "ann@mail.example.co.uk", "ann%40example.dev", "ann@corp.internal", "ANN@EXAMPLE.COM", "ann@Example.Co.Uk", "ann%40EXAMPLE.DE"]) {
      expect(stripTrackingWithReport(`<img src="https://cdn.example/u/${address}/logo.png" width="600" height="300">x`).html).toBe("x");
    }
  });

  it("F4: the recipient's hash in the host name", () => {
    const html = `<img src="https://${md5}.cdn.example/logo.png" width="600" height="200">`;
    const { html: out, report } = stripTrackingWithReport(html, { recipient: reader });
    expect(out).toBe("");
    expect(report.findings.map((finding) => finding.reason)).toEqual(["URL carries the recipient's address as MD5"]);
  });

  it("F5: tabs and newlines the URL parser drops do not hide the address or its hash", () => {
    const tab = stripTrackingWithReport(`<img src="https://cdn.example/logo.png?e=ann.smi\tth@example.com" width="600" height="200">`, { recipient: reader });
    expect(tab.html).toBe(`<img src="https://cdn.example/logo.png" width="600" height="200">`);
    expect(tab.report.findings.map((finding) => finding.reason)).toEqual(["removed the recipient's address from a content image's URL"]);
    const cases = [
      `<img src="https://cdn.example/logo.png?e=ann.smi&#10;th@example.com" width="600" height="200">`,
      `<div style="background:url('https://cdn.example/bg.png?e=ann.smi\\9 th@example.com');width:600px;height:200px">x</div>`,
      `<img src="https://cdn.example/${md5.slice(0, 10)}&#13;${md5.slice(10)}/logo.png" width="600" height="200">`,
    ];
    for (const html of cases) {
      const { html: out, report } = stripTrackingWithReport(html, { recipient: reader });
      expect(out).not.toContain("th@example.com");
      expect(out).not.toContain(md5.slice(10));
      expect(report.findings.map((finding) => finding.detector)).toEqual(["recipient-id"]);
    }
  });

  it("F6: a backslash after the host does not hide the path", () => {
    const hashed = `<img src="https://cdn.example\\${md5}/logo.png" width="600" height="200">x`;
    expect(stripTrackingWithReport(hashed, { recipient: reader }).html).toBe("x");
    const written = `<img src="https://cdn.example\\u\\ann.smith@example.com\\logo.png" width="600" height="200">x`;
    expect(stripTrackingWithReport(written).html).toBe("x");
  });

  it("F7: base64 of the address as the caller wrote it, and of the lower-cased one", () => {
    const asGiven = "QW5uLlNtaXRoQEV4YW1wbGUuY29t"; // base64("Ann.Smith@Example.com")
    const lower = Buffer.from(reader).toString("base64").replace(/=+$/, "");
    for (const b64 of [asGiven, lower]) {
      const html = `<img src="https://cdn.example/logo.png?e=${b64}" width="600" height="200">`;
      expect(stripTrackingWithReport(html, { recipient: "Ann.Smith@Example.com" }).html).toBe(`<img src="https://cdn.example/logo.png" width="600" height="200">`);
    }
    expect(recipientNeedles("Ann.Smith@Example.com").map((needle) => needle.text)).toContain(asGiven);
    expect(recipientNeedles(reader).map((needle) => needle.text)).not.toContain(asGiven);
  });

  it("keeps user info and a host that only looks like the reader's domain", () => {
    // Without a recipient the host is not searched: `user@host` there is user info.
    const userInfo = `<img src="https://news@cdn.example.com/logo.png" width="600" height="200">`;
    expect(stripTrackingWithReport(userInfo).html).toBe(userInfo);
    const sameDomain = `<img src="https://img.example.com/logo.png?v=2" width="600" height="200">`;
    expect(stripTrackingWithReport(sameDomain, { recipient: reader }).html).toBe(sameDomain);
  });
});

describe("recipient-id's recipients: fixed, or each message's own", () => {
  const image = (id: string) => `<img src="https://t.example/o.gif?e=${id}" width="600" height="300">`;
  const md5 = (text: string) => createHash("md5").update(text).digest("hex");

  it("a detector made without recipients reads each message's, across more lists than it keeps", () => {
    const detector = recipientIdDetector();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 40; i++) {
        const reader = `reader${i}@example.com`;
        const report = stripTrackingWithReport(image(md5(reader)), { recipient: reader, detectors: [detector], disable: ["recipient-id"] }).report;
        expect(report.findings.map((finding) => finding.reason)).toEqual(["removed the recipient's address as MD5 from a content image's URL"]);
        const other = stripTrackingWithReport(image(md5(reader)), { recipient: `x${reader}`, detectors: [detector], disable: ["recipient-id"] }).report;
        expect(other.findings).toEqual([]);
      }
    }
  });

  it("a detector made with recipients looks for those, whatever the message's", () => {
    const detector = recipientIdDetector(["ann@example.com"]);
    const options = { recipient: "bob@example.com", detectors: [detector], disable: ["recipient-id"] };
    expect(stripTrackingWithReport(image(md5("ann@example.com")), options).report.findings).toHaveLength(1);
    expect(stripTrackingWithReport(image(md5("bob@example.com")), options).report.findings).toEqual([]);
  });
});

describe("recipient-id: forms from adversary19 (F7, F20, F21)", () => {
  const R = "someone@example.com";
  const b64 = (text: string): string => Buffer.from(text).toString("base64");
  const b64url = (text: string): string => Buffer.from(text).toString("base64url");
  const jwt = (payload: object): string =>
    `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}.${b64url("0123456789abcdef0123456789abcdef")}`;
  const content = (url: string): string => `<img src="${url}" width="600" height="300" alt="">`;

  it("nodemailer-mail-tracking's pixel: a JWT whose claims hold the recipient (TRACKING.md)", () => {
    const token = jwt({ recipient: R, iat: 1700000000 });
    const { html, report } = stripTrackingWithReport(`<p>Hi</p><img src="https://app.example.org/blank-image/${token}">`, { recipient: R });
    expect(html).toBe("<p>Hi</p>");
    expect(report.findings[0]?.reason).toMatch(/as base64/);
  });

  it.each([0, 1, 2, 3, 4, 5])("the address after %i bytes of a base64 payload, followed by more", (before) => {
    const payload = b64(`${"x".repeat(before)}${R}|42`);
    expect(stripTrackingWithReport(content(`https://img.example.org/b/${payload}.png`), { recipient: R }).html).toBe("");
  });

  it("base64 JSON {\"email\":...} in a content image's path", () => {
    const payload = b64(JSON.stringify({ email: R, c: 42 }));
    expect(stripTrackingWithReport(content(`https://img.example.org/b/${payload}.png`), { recipient: R }).html).toBe("");
  });

  it("keeps a base64 payload that holds another address", () => {
    const input = content(`https://img.example.org/b/${b64(JSON.stringify({ email: "other@example.com", c: 42 }))}.png`);
    expect(stripTrackingWithReport(input, { recipient: R }).html).toBe(input);
  });

  it("a stray % elsewhere does not keep the escaped address from being found", () => {
    const encoded = [...R].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("");
    for (const value of ["someone%40example%2Ecom", encoded]) {
      const { html } = stripTrackingWithReport(content(`https://img.example.org/banner.png?e=${value}&amp;off=100%`), { recipient: R });
      expect(html).not.toContain(value);
      expect(html).toContain("off=100%");
    }
  });

  it.each(["sha224", "sha384"])("the %s of the address", (algorithm) => {
    const digest = createHash(algorithm).update(R).digest("hex");
    const { html, report } = stripTrackingWithReport(content(`https://img.example.org/p/${digest}/banner.png`), { recipient: R });
    expect(html).toBe("");
    expect(report.findings[0]?.reason).toContain(algorithm.replace("sha", "SHA-"));
  });
});
