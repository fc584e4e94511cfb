// The mails verify is given: found as the clean command finds them.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findMailFiles, readMail } from "../../../src/cli/verify/emails.js";

describe("findMailFiles", () => {
  it("walks subdirectories for the same extensions as the clean command, and those of --ext", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-emails-"));
    mkdirSync(join(dir, "mails", "2026"), { recursive: true });
    for (const name of ["2026/receipt.html", "a.xhtml", "b.eml", "c.hbs", "notes.md"]) writeFileSync(join(dir, "mails", name), "<p>x</p>");
    const mails = join(dir, "mails");
    expect((await findMailFiles([mails])).sort()).toEqual([join(mails, "2026", "receipt.html"), join(mails, "a.xhtml"), join(mails, "b.eml")]);
    expect((await findMailFiles([mails], ["html", "hbs"])).sort()).toEqual([join(mails, "2026", "receipt.html"), join(mails, "c.hbs")]);
    expect(await findMailFiles([join(mails, "notes.md")])).toEqual([join(mails, "notes.md")]);
  });
});

describe("readMail", () => {
  const dir = mkdtempSync(join(tmpdir(), "verify-read-"));
  const message = [
    "From: Shop <news@shop.example>",
    "To: Ann <Ann@Example.com>, bob@example.org",
    "Cc: ann@example.com, =?utf-8?q?Carl?= <carl@example.net>",
    "Subject: Your order",
    "Content-Type: text/html; charset=utf-8",
    "",
    "<p>Hi</p>",
    "",
  ].join("\r\n");

  it("reads a message's HTML part and its To/Cc addresses (lower-cased, once each), whatever the file is called", async () => {
    writeFileSync(join(dir, "order.txt"), message);
    expect(await readMail(join(dir, "order.txt"))).toEqual({ html: "<p>Hi</p>\n", recipients: ["ann@example.com", "bob@example.org", "carl@example.net"] });
  });

  it("reads a message saved with an mbox From_ line", async () => {
    writeFileSync(join(dir, "saved.eml"), `From - Thu Dec  3 12:00:00 2026\r\n${message}`);
    expect((await readMail(join(dir, "saved.eml"))).recipients).toEqual(["ann@example.com", "bob@example.org", "carl@example.net"]);
  });

  it("reads an HTML file as it is, with no recipients, even named .eml", async () => {
    writeFileSync(join(dir, "page.eml"), "<p>To: ann@example.com</p>");
    expect(await readMail(join(dir, "page.eml"))).toEqual({ html: "<p>To: ann@example.com</p>", recipients: [] });
  });
});
