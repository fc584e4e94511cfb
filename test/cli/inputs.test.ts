// Walking the CLI's inputs: files as given, directories recursively for the extensions read.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultExtensions } from "../../src/cli/extensions.js";
import { type InputFile, inputFiles, type WalkedDirectory } from "../../src/cli/inputs.js";

async function walk(paths: string[], extensions: readonly string[] = defaultExtensions) {
  const files: InputFile[] = [];
  const directories: WalkedDirectory[] = [];
  for await (const file of inputFiles(paths, extensions, (walked) => directories.push(walked))) files.push(file);
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
});
