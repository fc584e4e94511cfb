import { describe, expect, it } from "vitest";
import { parseVerifyArgs } from "../../../src/cli/verify/args.js";
import { installHint, loadVerifyDeps } from "../../../src/cli/verify/optional-deps.js";

describe("parseVerifyArgs", () => {
  it("reads files, options in both spellings, and CHROMIUM_PATH", () => {
    expect(parseVerifyArgs(["a.html", "--out", "r", "--preset=strict", "--recipient", "x@y.example", "dir"], { CHROMIUM_PATH: "/opt/c" })).toEqual({
      inputs: ["a.html", "dir"],
      out: "r",
      preset: "strict",
      recipients: ["x@y.example"],
      chromium: "/opt/c",
      extensions: ["html", "htm", "xhtml", "eml"],
    });
    expect(parseVerifyArgs(["a.eml", "--chromium", "/c"], {}).chromium).toBe("/c");
    expect(parseVerifyArgs(["a.eml"], {})).toMatchObject({ out: "verify-report", preset: "standard", chromium: "/usr/bin/chromium" });
  });

  it("throws a TypeError naming the option", () => {
    expect(() => parseVerifyArgs(["a.html", "--preset", "loose"], {})).toThrow(/--preset/);
    expect(() => parseVerifyArgs(["a.html", "--out"], {})).toThrow(/--out needs a value/);
    expect(() => parseVerifyArgs(["a.html", "--bogus"], {})).toThrow(/unknown option --bogus/);
    expect(() => parseVerifyArgs([], {})).toThrow(TypeError);
    expect(() => parseVerifyArgs(["a.html", "--ext", "hbs;liquid"], {})).toThrow(/^--ext takes file name extensions/);
  });

  it("adds the extensions of --ext to those read in directories", () => {
    expect(parseVerifyArgs(["d", "--ext", "hbs,.Liquid", "--ext=njk"], {}).extensions).toEqual(["html", "htm", "xhtml", "eml", "hbs", "liquid", "njk"]);
  });
});

describe("loadVerifyDeps", () => {
  it("names what is missing, and the install command names all three packages", async () => {
    const deps = await loadVerifyDeps(async (name) => {
      if (name === "playwright-core") throw new Error("Cannot find package");
      return import(name);
    });
    expect(deps).toEqual({ missing: ["playwright-core"] });
    expect(installHint).toBe("npm install --save-dev playwright-core pixelmatch pngjs");
  });

  it("loads all three when installed", async () => {
    const deps = await loadVerifyDeps();
    expect("missing" in deps).toBe(false);
  });
});
