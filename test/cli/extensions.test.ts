// The file name extensions read in directories, and --ext.

import { describe, expect, it } from "vitest";
import { defaultExtensions, describeExtensions, hasExtension, parseExtensions } from "../../src/cli/extensions.js";
import { UsageError } from "../../src/cli/usage-error.js";

describe("extensions", () => {
  it("reads .html, .htm, .xhtml and .eml by default", () => {
    expect(parseExtensions([])).toEqual(["html", "htm", "xhtml", "eml"]);
    expect(describeExtensions(defaultExtensions)).toBe(".html, .htm, .xhtml, .eml");
  });

  it("adds --ext values: comma-separated, repeatable, a leading dot and case ignored, duplicates once", () => {
    expect(parseExtensions(["hbs,liquid", " .NJK ", "html", "html.erb"])).toEqual(["html", "htm", "xhtml", "eml", "hbs", "liquid", "njk", "html.erb"]);
  });

  it("refuses anything but extensions, naming --ext", () => {
    for (const value of ["", "hbs,", "a b", "*.hbs", "../x", "hbs;liquid", "."]) {
      expect(() => parseExtensions([value])).toThrow(UsageError);
      expect(() => parseExtensions([value])).toThrow(/^--ext takes file name extensions separated by commas/);
    }
  });

  it("matches the end of a file name, case-insensitively, on a dot", () => {
    expect(hasExtension("receipt.html.erb", ["erb"])).toBe(true);
    expect(hasExtension("receipt.html.erb", ["html.erb"])).toBe(true);
    expect(hasExtension("WELCOME.HBS", ["hbs"])).toBe(true);
    expect(hasExtension("welcome.hbs", defaultExtensions)).toBe(false);
    expect(hasExtension("html", ["html"])).toBe(false);
    expect(hasExtension("a.xhtml", ["html"])).toBe(false);
  });
});
