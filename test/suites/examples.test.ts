// The bundled examples are documentation: they must keep working (they run against dist/, built by the
// global setup, and import the package by its own name).

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function run(script: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [join(root, "examples", script), ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("examples", () => {
  it("demo.mjs shows each finding as before → after, with line:column", () => {
    const { code, stdout } = run("demo.mjs");
    expect(code).toBe(0);
    expect(stdout).toContain("examples/newsletter.html:23:21  click-tracking [Google Analytics]: removed utm_source, utm_medium, utm_campaign");
    expect(stdout).toContain("  after:  https://weekly-garden.example/articles/tomatoes?page=2\n");
    expect(stdout).toContain("examples/newsletter.html:30:1  known-tracker [Mailchimp]: Mailchimp-style open pixel path\n  before: <img src=\"https://open.mail-sender.example/track/open.php");
    expect(stdout).toContain("[Mailchimp]: click redirect kept");
    expect(stdout).not.toContain("<html"); // not the whole document
  });

  it("custom-detector.mjs removes the beacon through a user detector", () => {
    const { stdout } = run("custom-detector.mjs");
    expect(stdout).toContain("<p>Order shipped.</p>\n");
    expect(stdout).toContain("acme-beacon");
    expect(stdout).not.toContain('beacon/91.png" width');
  });

  it("nodemailer.mjs sends a message without its pixel, tracked links or read receipt", async () => {
    const { code, stdout, stderr } = run("nodemailer.mjs");
    expect(code).toBe(0);
    const message = await PostalMime.parse(stdout);
    expect(message.html).not.toContain("open.mail-sender.example");
    expect(message.html).toContain('href="https://weekly-garden.example/tomatoes?page=2"');
    expect(message.text).toContain("https://weekly-garden.example/tomatoes?page=2");
    expect(message.headers.map((header) => header.key)).not.toContain("disposition-notification-to");
    expect(message.headers.find((header) => header.key === "list-unsubscribe")?.value).toContain("token=c0ffee1234");
    expect(stderr).toContain("html:2:1 removed-element Mailchimp-style open pixel path");
  });

  for (const script of ["relay-lambda.mjs", "cloudflare-email-worker.mjs"]) {
    it(`${script} cleans the raw message it relays`, async () => {
      const { code, stdout, stderr } = run(script);
      expect(code).toBe(0);
      const message = await PostalMime.parse(stdout);
      expect(message.html).not.toContain("open.mail-sender.example");
      expect(message.html).toContain('href="https://weekly-garden.example/tomatoes?page=2"');
      expect(message.text).toContain("New article: https://weekly-garden.example/tomatoes?page=2");
      expect(message.headers.map((header) => header.key)).not.toContain("disposition-notification-to");
      expect(stderr).toContain('"removedHeaders":["disposition-notification-to"]');
    });
  }

  it("template-ci.mjs fails on a template with tracking and passes on clean ones", () => {
    const bundled = run("template-ci.mjs");
    expect(bundled.code).toBe(1);
    expect(bundled.stdout).toMatch(/receipt\.html:6:3: removed-element \(pixel\) 1x1 image/);
    const clean = mkdtempSync(join(tmpdir(), "strip-tracking-templates-"));
    writeFileSync(join(clean, "a.html"), '<p><a href="https://app.example/start">Start</a></p>');
    const passed = run("template-ci.mjs", [clean]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain("templates are free of tracking");
  });

  it("node-stream.mjs streams the newsletter through the Transform", () => {
    const { code, stdout, stderr } = run("node-stream.mjs");
    expect(code).toBe(0);
    expect(stdout).toContain("https://weekly-garden.example/articles/tomatoes?page=2");
    expect(stdout).not.toContain("track/open.php");
    expect(stderr).toBe("7 findings, changed: true\n");
  });
});
