// The published shape: every subpath export loads with import and with require, and the CommonJS build works
// where require(esm) does not (Node 20 with --no-experimental-require-module, as under Jest): the ESM-only
// dependencies (htmlparser2, entities, css-what, domhandler, ...) are bundled into it.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** A project that depends on the package, as a user's would (node_modules/strip-tracking -> the repository). */
function consumer(): string {
  const dir = mkdtempSync(join(tmpdir(), "strip-tracking-consumer-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "strip-tracking"), "dir");
  return dir;
}

const entries: Record<string, string[]> = {
  "strip-tracking": ["cleanUrl", "createStripper", "createUrlCleaner", "stripTracking", "stripTrackingFromText", "stripTrackingStream", "stripTrackingWithReport"],
  "strip-tracking/nodemailer": ["stripTrackingPlugin"],
  "strip-tracking/mime": ["stripTrackingFromMime", "stripTrackingMimeStream"],
  "strip-tracking/node": ["stripTrackingTransform"],
  "strip-tracking/dom": ["stripTrackingFromDom"],
};

describe("package exports", () => {
  it("names repository, homepage, bugs, keywords, engines and a bin", () => {
    expect(pkg.repository?.url).toMatch(/^git\+https:/);
    expect(pkg.homepage).toMatch(/^https:/);
    expect(pkg.bugs?.url).toMatch(/^https:/);
    expect(pkg.keywords).toContain("email");
    expect(pkg.engines.node).toBe(">=20.19.0");
    expect(pkg.bin["strip-tracking"]).toBe("./dist/cli/main.js");
    expect(readFileSync(join(root, pkg.bin["strip-tracking"]), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(pkg.peerDependenciesMeta.nodemailer.optional).toBe(true);
  });

  it("builds dist/ before packing (prepack), so npm pack and npm publish from a clean checkout ship the code", () => {
    expect(pkg.scripts.prepack).toBe("npm run build");
    expect(pkg.files).toContain("dist");
  });

  it("points every export at a built file", () => {
    for (const [subpath, target] of Object.entries(pkg.exports as Record<string, unknown>)) {
      if (typeof target === "string") continue;
      const { import: esm, require: cjs } = target as Record<string, { types: string; default: string }>;
      for (const file of [esm!.types, esm!.default, cjs!.types, cjs!.default]) expect(existsSync(join(root, file)), `${subpath}: ${file}`).toBe(true);
    }
  });

  it("requires every entry with require(esm) off, and imports every entry", () => {
    const cwd = consumer();
    const script = (load: string) =>
      `const entries = ${JSON.stringify(entries)}; (async () => { for (const [name, keys] of Object.entries(entries)) { const m = ${load}; for (const key of keys) if (typeof m[key] !== "function") throw new Error(name + " lacks " + key); } const { stripTracking } = ${load.replace("name", '"strip-tracking"')}; process.stdout.write(stripTracking('<a href="https://x.example/?utm_source=a">x</a><img src="https://t.example/o.gif" width="1" height="1">')); })().catch((e) => { console.error(e); process.exit(1); });`;
    const cjs = execFileSync(process.execPath, ["--no-experimental-require-module", "-e", script("require(name)")], { cwd, encoding: "utf8" });
    expect(cjs).toBe('<a href="https://x.example/">x</a>');
    const esm = execFileSync(process.execPath, ["--input-type=module", "-e", script("await import(name)")], { cwd, encoding: "utf8" });
    expect(esm).toBe('<a href="https://x.example/">x</a>');
  });
});
