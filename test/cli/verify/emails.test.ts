// The mails verify is given: found as the clean command finds them.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findMailFiles } from "../../../src/cli/verify/emails.js";

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
