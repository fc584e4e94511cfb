import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import render from "dom-serializer";
import { Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { stripTrackingFromDom } from "../../src/adapters/dom.js";
import { stripTrackingWithReport } from "../../src/strip-tracking.js";

const html = `<div id="mail"><p>Hi</p><a href="https://x.example/?utm_source=a&amp;id=1">x</a><img src="https://t.example/o.gif" width="1" height="1"></div>`;

describe("stripTrackingFromDom", () => {
  it("cleans a document in place and returns the report", () => {
    const document = parseDocument(html);
    const report = stripTrackingFromDom(document, { preset: "strict" });
    expect(render(document)).toBe(`<div id="mail"><p>Hi</p><a href="https://x.example/?id=1">x</a></div>`);
    // Positions are in the serialized tree.
    const serialized = render(parseDocument(html));
    expect(report.findings.map((finding) => [finding.action, finding.line, finding.column])).toEqual([
      ["rewrote-url", 1, serialized.indexOf("<a ") + 1],
      ["removed-element", 1, serialized.indexOf("<img") + 1],
    ]);
    const div = document.children[0] as Element;
    expect(div.parent).toBe(document);
  });

  it("cleans an element's children and keeps the element itself", () => {
    const document = parseDocument(`<section>${html}</section>`);
    const section = document.children[0] as Element;
    stripTrackingFromDom(section);
    expect(document.children[0]).toBe(section);
    expect(render(section)).not.toContain("o.gif");
  });

  it("leaves a tree with nothing to clean untouched (same node objects)", () => {
    const document = parseDocument("<p>plain</p>");
    const paragraph = document.children[0];
    expect(stripTrackingFromDom(document).changed).toBe(false);
    expect(document.children[0]).toBe(paragraph);
  });

  it("takes xmlMode as a boolean only, and no other option than the strip options", () => {
    for (const xmlMode of [1, "true", null]) {
      expect(() => stripTrackingFromDom(parseDocument("<p>x</p>"), { xmlMode } as never)).toThrow(new TypeError('strip-tracking: option "xmlMode" must be a boolean'));
    }
    expect(() => stripTrackingFromDom(parseDocument("<p>x</p>"), { xmlmode: true } as never)).toThrow(/"xmlmode" is not a known option/);
    expect(() => stripTrackingFromDom(parseDocument("<p>x</p>"), "x" as never)).toThrow(/options must be an object/);
    expect(stripTrackingFromDom(parseDocument("<p>x</p>", { xmlMode: true }), { xmlMode: true }).changed).toBe(false);
  });

  it("refuses what is not a tree", () => {
    expect(() => stripTrackingFromDom("<p>" as never)).toThrow(TypeError);
  });

  const corpus = join(import.meta.dirname, "..", "..", "..", "shared", "corpus");
  const files = (() => {
    try {
      return ["real-tracked", "templates"].flatMap((dir) =>
        readdirSync(join(corpus, dir)).filter((name) => name.endsWith(".html")).map((name) => join(corpus, dir, name)),
      );
    } catch {
      return [];
    }
  })();

  it.skipIf(files.length === 0)(`agrees with the string path on the corpus (${files.length} files)`, () => {
    for (const file of files) {
      const document = parseDocument(readFileSync(file, "utf8"));
      const serialized = render(document);
      const viaString = stripTrackingWithReport(serialized);
      const report = stripTrackingFromDom(document);
      expect(report, file).toEqual(viaString.report);
      // The same tree as parsing the string path's output.
      expect(render(document), file).toBe(render(parseDocument(viaString.html)));
    }
  });
});

describe("strip-tracking/dom's declarations (built)", () => {
  // domhandler is ESM-only: declarations importing its types fail a CommonJS project's check (TS1479).
  it("typecheck in a CommonJS and an ES module of a node16 project with skipLibCheck false", () => {
    const root = join(import.meta.dirname, "..", "..");
    const dir = mkdtempSync(join(tmpdir(), "strip-tracking-dom-types-"));
    const modules = join(dir, "node_modules");
    mkdirSync(join(modules, "@types"), { recursive: true });
    symlinkSync(root, join(modules, "strip-tracking"));
    symlinkSync(join(root, "node_modules", "domhandler"), join(modules, "domhandler"));
    symlinkSync(join(root, "node_modules", "htmlparser2"), join(modules, "htmlparser2"));
    symlinkSync(join(root, "node_modules", "@types", "node"), join(modules, "@types", "node"));
    const compilerOptions = { module: "node16", moduleResolution: "node16", strict: true, noEmit: true, target: "es2022", skipLibCheck: false, types: ["node"] };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["use.cts", "use.mts"] }));
    writeFileSync(join(dir, "use.cts"), 'import { stripTrackingFromDom } from "strip-tracking/dom";\nexport const clean = stripTrackingFromDom;\n');
    writeFileSync(
      join(dir, "use.mts"),
      'import { parseDocument } from "htmlparser2";\nimport { stripTrackingFromDom } from "strip-tracking/dom";\n' +
        'export const findings = stripTrackingFromDom(parseDocument("<p>x</p>")).findings.length;\n' +
        "// @ts-expect-error a string is not a tree\nstripTrackingFromDom(\"<p>x</p>\");\n",
    );
    const tsc = spawnSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { cwd: dir, timeout: 120_000 });
    expect(tsc.stdout.toString()).toBe("");
    expect(tsc.status).toBe(0);
  }, 120_000);
});
