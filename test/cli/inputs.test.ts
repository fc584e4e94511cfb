// Walking the CLI's inputs: files as given, directories recursively for the extensions read.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultExtensions } from "../../src/cli/extensions.js";
import { type InputFile, inputFiles, type WalkedDirectory, type WalkOptions } from "../../src/cli/inputs.js";

async function walk(paths: string[], extensions: readonly string[] = defaultExtensions, options: WalkOptions = {}) {
  const files: InputFile[] = [];
  const directories: WalkedDirectory[] = [];
  for await (const file of inputFiles(paths, extensions, (walked) => directories.push(walked), options)) files.push(file);
  return { files, directories };
}

describe("inputFiles", () => {
  const dir = mkdtempSync(join(tmpdir(), "strip-tracking-inputs-"));
  mkdirSync(join(dir, "t", "b"), { recursive: true });
  for (const name of ["a.html", "welcome.hbs", "receipt.html.erb", "b/c.eml", "b/d.XHTML", "b/notes.md"]) writeFileSync(join(dir, "t", name), "x");
  mkdirSync(join(dir, "empty"));

  it("walks a directory with its subdirectories for the extensions read, and counts the files it skipped", async () => {
    const { files, directories } = await walk([join(dir, "t")]);
    expect(files.map((file) => file.outName).sort()).toEqual(["a.html", "b/c.eml", "b/d.XHTML"]);
    expect(directories).toEqual([{ directory: join(dir, "t"), files: 3, skipped: 3 }]);
  });

  it("reads the extensions added (--ext)", async () => {
    const { files, directories } = await walk([join(dir, "t")], [...defaultExtensions, "hbs", "erb"]);
    expect(files.map((file) => file.outName).sort()).toEqual(["a.html", "b/c.eml", "b/d.XHTML", "receipt.html.erb", "welcome.hbs"]);
    expect(directories[0]).toMatchObject({ files: 5, skipped: 1 });
  });

  it("says when a directory gave no file, and takes a file argument whatever its name", async () => {
    const { files, directories } = await walk([join(dir, "empty"), join(dir, "t", "welcome.hbs")]);
    expect(files).toEqual([{ path: join(dir, "t", "welcome.hbs"), outName: "welcome.hbs" }]);
    expect(directories).toEqual([{ directory: join(dir, "empty"), files: 0, skipped: 0 }]);
  });

  it("never walks the skipped directory (--out-dir inside an input directory), and only that one", async () => {
    const { files } = await walk([join(dir, "t")], defaultExtensions, { skipDirectory: resolve(dir, "t", "b") });
    expect(files.map((file) => file.outName).sort()).toEqual(["a.html"]);
    const other = await walk([join(dir, "t")], defaultExtensions, { skipDirectory: resolve(dir, "b") });
    expect(other.files).toHaveLength(3);
  });

  it("reports an unreadable path to onUnreadable and goes on; without it, throws", async () => {
    const unreadable: string[] = [];
    const missing = join(dir, "missing.html");
    const { files } = await walk([missing, join(dir, "t", "a.html")], defaultExtensions, { onUnreadable: (path) => unreadable.push(path) });
    expect(unreadable).toEqual([missing]);
    expect(files.map((file) => file.outName)).toEqual(["a.html"]);
    await expect(walk([missing])).rejects.toThrow(/ENOENT/);
  });
});
