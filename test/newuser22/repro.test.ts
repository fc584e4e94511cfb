// newuser22: failing repros of the behaviour findings in test/newuser22/findings.md (one describe per finding).
// Each test fails today and passes once the finding is fixed. Inputs are written here by hand.

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "htmlparser2";
import { describe, expect, it, vi } from "vitest";
import { stripTrackingFromDom } from "../../src/adapters/dom.js";
import { stripTrackingFromMime } from "../../src/adapters/mime.js";
import { cleanInput } from "../../src/cli/clean-file.js";
import { detectKind } from "../../src/cli/detect-kind.js";
import { verify } from "../../src/cli/verify.js";
import { findMailFiles } from "../../src/cli/verify/emails.js";
import { cleanUrl, createStripper, stripTracking, stripTrackingFromText, stripTrackingWithReport } from "../../src/index.js";

// F5 runs `verify` in-process with Chromium, playwright and pixelmatch played by stand-ins (no browser in these tests):
// the renderer "requests" every src="…" of the HTML it is given, so the summary line counts what stripping removed.
vi.mock("../../src/cli/verify/optional-deps.js", () => ({
  installHint: "",
  loadVerifyDeps: async () => ({ launch: async () => ({ close: async () => {} }), pixelmatch: () => 0, PNG: class {} }),
}));
vi.mock("../../src/cli/verify/side-by-side.js", () => ({ sideBySide: () => ({ png: Buffer.alloc(0), changedPixels: 0 }) }));
vi.mock("../../src/cli/verify/renderer.js", () => ({
  Renderer: {
    context: async () => ({}),
    open: async (_context: unknown, width: number) => ({
      width,
      render: async (html: string) => ({ requests: [...html.matchAll(/src="([^"]+)"/g)].map((match) => match[1]), images: [], screenshot: Buffer.alloc(0) }),
    }),
  },
}));

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "dist", "cli", "main.js");

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { input: input === undefined ? undefined : Buffer.from(input), cwd: root, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8") };
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "newuser22-"));
}

const token = "7c1e9a04b2d34f5e8a6b1c2d3e4f5a6b";
const pixel = `<img src="https://open.esp.example/o/${token}" width="1" height="1">`;
const trackedHtml = `<p>Hi <a href="https://shop.example/a?utm_source=news&amp;id=7">shop</a></p>\n${pixel}\n`;

/** A small multipart message: QP text/plain with a utm link, base64 text/html with a tracked link and a pixel. */
function message(): string {
  const html = `<html><body><p>Hi <a href="https://shop.example/a?utm_source=news&amp;id=7">shop</a></p>${pixel}</body></html>`;
  return [
    "From: Shop <news@shop.example>",
    "To: ann@example.com",
    "Subject: Test",
    "Disposition-Notification-To: news@shop.example",
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="B2"',
    "",
    "--B2",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Hi, shop at https://shop.example/a?utm_source=3Dnews&id=3D7 thanks",
    "",
    "--B2",
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    (Buffer.from(html).toString("base64").match(/.{1,76}/g) ?? []).join("\r\n"),
    "--B2--",
    "",
  ].join("\r\n");
}

describe("F1: a saved .eml that opens with an mbox \"From \" line (Thunderbird's \"From - <date>\") is read as HTML by the CLI", () => {
  const saved = `From - Thu Dec  3 12:00:00 2026\r\nX-Mozilla-Status: 0001\r\n${message()}`;

  it("detectKind tells it is a message", () => {
    expect(detectKind(saved)).toBe("eml");
  });

  it("the CLI cleans its parts and removes the read-receipt header, as stripTrackingFromMime does", async () => {
    const { result } = await cleanInput("saved.eml", Buffer.from(saved, "latin1"), {});
    expect(result.kind).toBe("eml");
    expect(result.findings.some((finding) => finding.action === "removed-element")).toBe(true);
    expect(result.removedHeaders).toContain("disposition-notification-to");
  });

  it("`--check` on it exits 1 (it exits 0: \"0 findings\")", () => {
    const dir = workspace();
    writeFileSync(join(dir, "saved.eml"), saved);
    expect(run(["--check", join(dir, "saved.eml")]).code).toBe(1);
  });
});

describe("F2: `--check templates/` passes (exit 0, \"0 files\") when the templates are .hbs/.liquid/.njk/.mjml/.html.erb", () => {
  it("does not report success for a directory in which it checked nothing", () => {
    const dir = workspace();
    mkdirSync(join(dir, "templates"));
    writeFileSync(join(dir, "templates", "welcome.hbs"), `<p>Hello {{name}}</p>\n${pixel}\n`);
    writeFileSync(join(dir, "templates", "receipt.html.erb"), `<p>Hello <%= name %></p>\n${pixel}\n`);
    // Either check them (exit 1: both hold a pixel) or refuse to vouch for an empty set (exit 2); not exit 0.
    expect(run(["--check", join(dir, "templates")]).code).not.toBe(0);
  });
});

describe("F3: removing utm_* from a signed URL breaks the link (\"Never break a link\")", () => {
  const signed = [
    // S3 SigV4 presigned: the canonical query string covers every parameter but X-Amz-Signature.
    "https://bucket.s3.amazonaws.com/invoice.pdf?utm_source=email&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261203%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0a1b2c3d4e5f",
    // Laravel URL::signedRoute(): the signature covers the whole URL, utm parameters included.
    "https://app.example/email/verify/42?expires=1764806400&utm_source=email&signature=5f4dcc3b5aa765d61d8327deb882cf99",
  ];
  for (const url of signed) {
    it(`keeps ${url.slice(0, 60)}…`, () => {
      expect(cleanUrl(url).url).toBe(url);
      const html = `<a href="${url.replaceAll("&", "&amp;")}">Download</a>`;
      expect(stripTracking(html)).toBe(html);
    });
  }
});

describe("F4: an HTML part in ISO-2022-JP (the usual charset of Japanese mail) is skipped whole, even when only asked to report", () => {
  const japanese = [
    "From: Shop <news@shop.example>",
    "To: ann@example.com",
    "Subject: =?ISO-2022-JP?B?GyRCJTslfCVrGyhC?=",
    "MIME-Version: 1.0",
    "Content-Type: text/html; charset=ISO-2022-JP",
    "Content-Transfer-Encoding: 7bit",
    "",
    `<p>\x1b$B$3$s$K$A$O\x1b(B</p>${pixel}`,
    "",
  ].join("\r\n");

  it("dryRun reports the pixel it can read (it reports nothing: the part is `skipped`)", async () => {
    const { report } = await stripTrackingFromMime(japanese, { dryRun: true });
    const part = report.parts[0]!;
    expect("findings" in part.report ? part.report.findings.map((finding) => finding.detector) : []).toContain("pixel");
  });

  it("`--check` does not pass the message (it exits 0 with \"0 findings\")", () => {
    const dir = workspace();
    writeFileSync(join(dir, "jp.eml"), japanese, "latin1");
    expect(run(["--check", join(dir, "jp.eml")]).code).not.toBe(0);
  });
});

describe("F5: `verify` on an .eml does not hand the message's recipients to the detectors, so it shows another result than cleaning it", () => {
  it("counts as removed the banner that `strip-tracking rcp.eml` removes (it says \"0 removed; requests 1 -> 1\")", async () => {
    const dir = workspace();
    const md5 = createHash("md5").update("ann@example.com").digest("hex");
    const eml = [
      "From: Shop <news@shop.example>",
      "To: Ann <ann@example.com>",
      "Subject: Your order",
      "MIME-Version: 1.0",
      "Content-Type: text/html; charset=utf-8",
      "",
      `<p>Hi</p><img src="https://img.shop.example/banner/${md5}.png" width="600" height="200" alt="banner">`,
      "",
    ].join("\r\n");
    writeFileSync(join(dir, "rcp.eml"), eml);
    const { result } = await cleanInput("rcp.eml", Buffer.from(eml), {});
    expect(result.findings.map((finding) => finding.action)).toEqual(["removed-element"]); // what cleaning does
    let stderr = "";
    const code = await verify(["--chromium", process.execPath, "--out", join(dir, "report"), join(dir, "rcp.eml")], { stderr: (text) => void (stderr += text) });
    expect(code).toBe(0);
    expect(stderr).toContain("rcp.eml: 1 removed");
    expect(stderr).toContain("requests 1 -> 0");
  });
});

describe("F6: nothing builds dist/ before `npm pack` / `npm publish`", () => {
  it("package.json has a prepack (or prepublishOnly) script that builds", () => {
    const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(`${scripts.prepack ?? ""} ${scripts.prepublishOnly ?? ""}`).toMatch(/tsup|npm run build/);
  });
});

describe("F7: the CLI dies with an unhandled EPIPE stack trace (exit 1, the --check \"found\" code) when stdout closes early", () => {
  it("stops quietly when the reader goes away (`strip-tracking big.html | head`)", async () => {
    const dir = workspace();
    const file = join(dir, "big.html");
    writeFileSync(file, `<p>${"lorem ipsum ".repeat(300_000)}</p>\n${trackedHtml}`);
    const child = spawn(process.execPath, [bin, file], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", (status) => resolve(status)));
    expect(stderr).not.toMatch(/Unhandled 'error' event|EPIPE/);
    expect(code).not.toBe(1);
  });
});

describe("F8: `changed` means two things under dryRun", () => {
  it("a MIME report under dryRun says changed: false for its HTML part and true for its text part; both should agree", async () => {
    const { message: out, report } = await stripTrackingFromMime(message(), { dryRun: true });
    expect(out.toString("latin1")).toBe(message());
    const htmlPart = report.parts.find((part) => part.contentType === "text/html")!;
    const textPart = report.parts.find((part) => part.contentType === "text/plain")!;
    expect(htmlPart.report.changed).toBe(false); // Report.changed: "always false with dryRun"
    expect(textPart.report.changed).toBe(htmlPart.report.changed);
  });

  it("stripTrackingFromText(…, { dryRun: true }).changed agrees with stripTrackingWithReport's report.changed", () => {
    const text = "Shop: https://shop.example/a?utm_source=news&id=7";
    expect(stripTrackingFromText(text, { dryRun: true }).changed).toBe(stripTrackingWithReport(text, { dryRun: true }).report.changed);
  });

  it("`--dry-run` does not say \"1 changed\" when its output is the input, byte for byte", () => {
    const { code, stdout, stderr } = run(["--dry-run"], trackedHtml);
    expect(code).toBe(0);
    expect(stdout).toBe(trackedHtml);
    expect(stderr).not.toContain("1 changed"); // as --check says it: "1 would change"
  });
});

describe("F9: plain-text findings say only \"link in plain text\": not what was removed, nor the vendor", () => {
  it("an .eml's text/plain finding names the removed parameter, as its HTML twin does", async () => {
    const { result } = await cleanInput("m.eml", Buffer.from(message(), "latin1"), {});
    const textFinding = result.findings.find((finding) => finding.part === "1")!;
    const htmlFinding = result.findings.find((finding) => finding.part === "2" && finding.action === "rewrote-url")!;
    expect(htmlFinding.reason).toBe("removed utm_source");
    expect(textFinding.reason).toContain("utm_source");
    expect(textFinding.vendor).toBe(htmlFinding.vendor);
  });
});

describe("F10: `strip-tracking verify mails/` does not look into subdirectories (the clean command does)", () => {
  it("finds mails/2026/receipt.html as `strip-tracking --check mails/` does", async () => {
    const dir = workspace();
    mkdirSync(join(dir, "mails", "2026"), { recursive: true });
    writeFileSync(join(dir, "mails", "2026", "receipt.html"), trackedHtml);
    expect(run(["--check", join(dir, "mails")]).code).toBe(1); // the clean command finds it
    expect(await findMailFiles([join(dir, "mails")])).toEqual([join(dir, "mails", "2026", "receipt.html")]);
  });
});

describe("F11: transform/scale from a <style> rule (listed among the properties read) never make a tokenized image tiny", () => {
  const src = `https://t.example/o/${token}`;
  it("removes an image that `.px{transform:scale(0)}` shrinks to nothing", () => {
    const html = `<style>.px{transform:scale(0)}</style><img class="px" src="${src}">`;
    expect(stripTrackingWithReport(html).report.findings.map((finding) => finding.detector)).toContain("pixel");
  });

  it("removes an image that `scale: 0` shrinks to nothing", () => {
    const html = `<style>.px{scale:0}</style><img class="px" src="${src}">`;
    expect(stripTrackingWithReport(html).report.findings.map((finding) => finding.detector)).toContain("pixel");
  });
});

describe("F12: createStripper() without options crashes inside the library", () => {
  it("throws the library's TypeError naming onData", () => {
    // @ts-expect-error: called as a JavaScript user would
    expect(() => createStripper()).toThrow(/^strip-tracking: .*onData/);
  });
});

describe("F13: options that do nothing are accepted silently (README: \"Unknown options are a TypeError naming them, in every function\")", () => {
  it("stripTracking rejects onData (a createStripper option it never calls)", () => {
    const calls: string[] = [];
    // @ts-expect-error: not a StripOptions field; a JavaScript caller gets no error
    expect(() => stripTracking(trackedHtml, { onData: (chunk: string) => calls.push(chunk) })).toThrow(/onData/);
  });

  it("stripTrackingFromText rejects htmlAttribute (a cleanUrl option; the README lists the text options)", () => {
    // @ts-expect-error: not a StripTextOptions field
    expect(() => stripTrackingFromText("https://a.example/?utm_source=x", { htmlAttribute: true })).toThrow(/htmlAttribute/);
  });

  it("stripTrackingFromDom rejects a non-boolean xmlMode", () => {
    // @ts-expect-error: a number where a boolean is expected
    expect(() => stripTrackingFromDom(parseDocument("<p>x</p>"), { xmlMode: 1 })).toThrow(/xmlMode/);
  });
});
