// The playground, built into a temporary folder and loaded from a file: URL in Chromium: paste a mail, drop an .eml,
// and check that findings and highlighted output appear and that the page made no request outside its folder.
// Skipped, with a message, when /usr/bin/chromium is absent.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs } from "../../src/cli/verify/optional-deps.js";

const executablePath = "/usr/bin/chromium";
const available = existsSync(executablePath);
if (!available) console.warn(`playground.test: ${executablePath} is absent; skipping the playground in Chromium.`);

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tracker = "https://t.example/open.gif";
const mail =
  '<!DOCTYPE html><html><head><style>p { color: #333 }</style></head><body>' +
  '<img src="https://cdn.example/logo.png" width="120" height="40" alt="ACME">' +
  '<p>Everything half price. <a href="https://shop.example/sale?utm_source=newsletter&amp;id=7">Shop</a></p>' +
  `<img src="${tracker}" width="1" height="1" alt=""></body></html>`;

describe.skipIf(!available)("playground in Chromium", () => {
  const out = mkdtempSync(join(tmpdir(), "playground-"));
  const home = pathToFileURL(out).href;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  /** Requests that passed the page's and the previews' CSP: they would have reached the network. */
  const routed: string[] = [];
  const failures = new Map<string, string>();

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, "scripts", "build-playground.mjs"), out], { stdio: "pipe", timeout: 120_000 });
    browser = await chromium.launch({ executablePath, args: chromiumArgs, timeout: 60_000 });
    const context = await browser.newContext();
    // Every request of the page and its frames is listed; none that leaves the folder is let through.
    context.on("request", (request) => void requests.push(request.url()));
    context.on("requestfailed", (request) => void failures.set(request.url(), request.failure()?.errorText ?? ""));
    await context.route(/^(?!file:)/, (route) => {
      routed.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    await page.goto(`${home}/index.html`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it("strips a pasted mail: findings, blocked requests, highlighted output, previews", async () => {
    await page.fill("#input", mail);
    await page.click("#run");
    await page.waitForSelector("#findings li");
    const findings = await page.locator("#findings li").allTextContents();
    expect(findings.some((text) => text.includes("removed-element") && text.includes(tracker))).toBe(true);
    expect(findings.some((text) => text.includes("rewrote-url") && text.includes("utm_source"))).toBe(true);
    expect(await page.locator("#requests li").allTextContents()).toEqual([tracker]);
    const removed = await page.locator("#cleaned del").allTextContents();
    expect(removed.join("")).toContain(tracker);
    expect((await page.locator("#cleaned ins").allTextContents()).join("")).toContain("https://shop.example/sale?id=7");
    // What is left once the removed pieces go is the output: the tracker is not in it, the content is.
    const output = await page.evaluate(() => {
      const cleaned = document.getElementById("cleaned")!.cloneNode(true) as HTMLElement;
      cleaned.querySelectorAll("del").forEach((removed) => removed.remove());
      return cleaned.textContent;
    });
    expect(output).not.toContain("t.example");
    expect(output).toContain('<img src="https://cdn.example/logo.png" width="120" height="40" alt="ACME">');
    // The previews show the mail, under a CSP that allows no request.
    const after = page.frameLocator("#after");
    await expect.poll(() => after.locator("p").first().textContent()).toContain("Everything half price");
    expect(await page.locator("#after").getAttribute("sandbox")).toBe("");
    expect(await page.locator("#before").getAttribute("srcdoc")).toMatch(/^<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">/);
  });

  it("reads a dropped .eml's HTML part", async () => {
    const eml = [
      "From: news@shop.example",
      "To: reader@example.com",
      "Subject: Hi",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hi",
      "--b",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      '<p>Dropped mail</p><img src=3D"https://t.example/drop.gif" width=3D"1" height=3D"1">',
      "--b--",
      "",
    ].join("\r\n");
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "mail.eml", { type: "message/rfc822" }));
      document.getElementById("input")!.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, eml);
    await expect.poll(() => page.locator("#input").inputValue()).toContain("Dropped mail");
    await expect.poll(() => page.locator("#requests li").allTextContents()).toEqual(["https://t.example/drop.gif"]);
  });

  it("made no request outside its own folder: the previews' fetches die at their CSP", () => {
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(routed).toEqual([]);
    const outside = [...new Set(requests.filter((url) => !url.startsWith(`${home}/`) && !url.startsWith("data:")))];
    // Chromium's preload scanner may start some; the CSP stops them before the network.
    // (Chromium names the block "csp" when the renderer stops it, net::ERR_BLOCKED_BY_CSP when the network layer does.)
    for (const url of outside) expect(["csp", "net::ERR_BLOCKED_BY_CSP"], url).toContain(failures.get(url));
  });
});
