// `verify` on a message hands its To/Cc addresses to the detectors, as cleaning it does, unless --recipient is given.
// Chromium, playwright and pixelmatch are played by stand-ins: the renderer "requests" every src="…" of the HTML it
// is given, so the summary line counts what stripping removed.

import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { cleanInput } from "../../src/cli/clean-file.js";
import { verify } from "../../src/cli/verify.js";

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

async function runVerify(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await verify(["--chromium", process.execPath, ...args], { stderr: (text) => void (stderr += text) });
  return { code, stderr };
}

describe("verify on a message", () => {
  it("removes what cleaning the message removes: the banner that carries the To: address's MD5", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-recipients-"));
    writeFileSync(join(dir, "rcp.eml"), eml);
    const { result } = await cleanInput("rcp.eml", Buffer.from(eml), {});
    expect(result.findings.map((finding) => finding.action)).toEqual(["removed-element"]);
    const { code, stderr } = await runVerify(["--out", join(dir, "report"), join(dir, "rcp.eml")]);
    expect(code).toBe(0);
    expect(stderr).toContain("rcp.eml: 1 removed");
    expect(stderr).toContain("requests 1 -> 0");
  });

  it("uses --recipient instead when given (here another address: the banner stays)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-recipients-"));
    writeFileSync(join(dir, "rcp.eml"), eml);
    const { stderr } = await runVerify(["--recipient", "bob@example.org", "--out", join(dir, "report"), join(dir, "rcp.eml")]);
    expect(stderr).toContain("rcp.eml: 0 removed");
    expect(stderr).toContain("requests 1 -> 1");
  });
});
