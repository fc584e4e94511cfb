// The built binary, run as a child process: stdin, files, directories with --jobs 2, --check, --json.

import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanLink, pixel, trackedLink, trackedMessage } from "../support/messages.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "dist", "cli", "main.js");
const tracked = `<p>Hi</p>\n<a href="${trackedLink}">Buy</a>\n  ${pixel}\n`;
const clean = `<p>Hi</p>\n<a href="${cleanLink}">Buy</a>\n`;

function run(args: string[], input?: string | Buffer) {
  const stdin = typeof input === "string" ? Buffer.from(input) : input;
  const result = spawnSync(process.execPath, [bin, ...args], { input: stdin, cwd: root, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8"), raw: result.stdout };
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "strip-tracking-cli-"));
}

describe("strip-tracking (built binary)", () => {
  it("cleans stdin to stdout and lists findings as file:line:column on stderr", () => {
    const { code, stdout, stderr } = run([], tracked);
    expect(code).toBe(0);
    expect(stdout).toBe(`<p>Hi</p>\n<a href="${cleanLink}">Buy</a>\n  \n`);
    expect(stderr).toContain("<stdin>:2:1: rewrote-url");
    expect(stderr).toContain("<stdin>:3:3: removed-element 1x1 image");
    expect(stderr).toContain("strip-tracking: 1 file, 2 findings, 1 changed");
  });

  it("tells a raw message from HTML by its content, whatever the name", () => {
    const dir = workspace();
    const file = join(dir, "message.html"); // a message, misnamed
    writeFileSync(file, trackedMessage());
    const { code, raw, stderr } = run([file]);
    expect(code).toBe(0);
    expect(raw.toString("latin1")).toMatch(/^From: Shop <news@shop.example>\r\n/);
    expect(raw.toString("latin1")).not.toContain("Disposition-Notification-To");
    expect(stderr).toMatch(/message\.html#1\.2:\d+:\d+: removed-element 1x1 image/);
    expect(stderr).toContain("removed-header disposition-notification-to");
  });

  it("--check exits 1 when anything would be removed, 0 otherwise, and writes nothing", () => {
    const dir = workspace();
    writeFileSync(join(dir, "tracked.html"), tracked);
    writeFileSync(join(dir, "clean.html"), clean);
    const found = run(["--check", join(dir, "tracked.html")]);
    expect(found.code).toBe(1);
    expect(found.stdout).toBe("");
    expect(found.stderr).toContain("(would be) removed-element");
    expect(found.stderr).toContain("1 would change");
    expect(run(["--check", join(dir, "clean.html")]).code).toBe(0);
    expect(run(["--check", "--preset", "strict", join(dir, "clean.html")]).code).toBe(0);
  });

  it("exits 2 on bad usage and on unreadable input", () => {
    expect(run(["--preset", "loose"], "").code).toBe(2);
    expect(run(["--jobs", "0", "x"]).code).toBe(2);
    expect(run(["--no-such-flag"]).stderr).toContain("(see --help)");
    const missing = run(["/nonexistent/strip-tracking.html"]);
    expect(missing.code).toBe(2);
  });

  it("prints --help and --version, wherever the flag is", () => {
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
    expect(run(["--help"]).stdout).toContain("Exit codes: 0");
    expect(run(["--version"]).stdout.trim()).toBe(version);
    expect(run(["-q", "--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(run(["file.html", "-v"])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("names the flag once when the option it sets is invalid", () => {
    const { code, stderr } = run(["--recipient", "ann"], "<p>x</p>");
    expect(code).toBe(2);
    expect(stderr).toBe('strip-tracking: --recipient must be an email address, got "ann" (see --help)\n');
  });

  it("--keep-param and --remove-param take a comma list, as --ext does, and may be repeated", () => {
    const link = '<a href="https://x.example/?utm_source=a&utm_medium=b&utm_campaign=c&id=1&ref=2">x</a>\n';
    expect(run(["-q", "--keep-param", "utm_source,utm_medium"], link).stdout).toBe('<a href="https://x.example/?utm_source=a&utm_medium=b&id=1&ref=2">x</a>\n');
    expect(run(["-q", "--remove-param", "id, ref"], link).stdout).toBe('<a href="https://x.example/">x</a>\n');
    expect(run(["-q", "--remove-param", "id", "--remove-param", "ref"], link).stdout).toBe('<a href="https://x.example/">x</a>\n');
    expect(run(["--help"]).stdout).toMatch(/--keep-param <list> .*comma list/);
  });

  it("writes every byte the cleaning did not remove, in the file's own encoding", () => {
    const latin1 = run(["-q"], Buffer.from(`<meta charset="iso-8859-1"><p>caf\xe9 \x93q\x94</p>\n${pixel}\n`, "latin1"));
    expect(latin1.code).toBe(0);
    expect(latin1.raw.equals(Buffer.from(`<meta charset="iso-8859-1"><p>caf\xe9 \x93q\x94</p>\n\n`, "latin1"))).toBe(true);
    const bom = run(["-q"], Buffer.from(`\uFEFF<p>Hi</p>\n${pixel}\n`, "utf8"));
    expect(bom.raw.equals(Buffer.from("\uFEFF<p>Hi</p>\n\n", "utf8"))).toBe(true);
    const utf16 = run(["-q"], Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<p>Ça</p>${pixel}`, "utf16le")]));
    expect(utf16.raw.equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<p>Ça</p>", "utf16le")]))).toBe(true);
  });

  it("keeps a wrapper whose destination holds a byte UTF-8 does not define (a windows-1252 file), byte for byte", () => {
    const input = Buffer.from(`<p>caf\xe9</p><a href="https://www.google.com/url?q=https://shop.example/caf\xe9/menu&amp;sa=D">x</a>${pixel}`, "latin1");
    const { code, raw } = run(["-q"], input);
    expect(code).toBe(0);
    expect(raw.equals(Buffer.from(`<p>caf\xe9</p><a href="https://www.google.com/url?q=https://shop.example/caf\xe9/menu&amp;sa=D">x</a>`, "latin1"))).toBe(true);
  });

  it("a cleaned link in a Latin-1 file keeps its &eacute; as written (no UTF-8 bytes in a Latin-1 file)", () => {
    const html = '<meta charset="iso-8859-1"><p>Caf\xe9</p><a href="https://x.example/p?a=1&amp;utm_source=a&amp;b=caf&eacute;">x</a>';
    const { code, raw } = run(["-q"], Buffer.from(html, "latin1"));
    expect(code).toBe(0);
    expect(raw.equals(Buffer.from(html.replace("utm_source=a&amp;", ""), "latin1"))).toBe(true);
  });

  it("says which parts of a message it left unread, and why", () => {
    const message = `From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=x-unknown-42\r\n\r\n${pixel}\r\n`;
    const { code, stderr } = run(["--check"], message);
    expect(code).toBe(0);
    expect(stderr).toContain('<stdin>#TEXT: skipped (not cleaned): unknown charset "x-unknown-42"');
  });

  it("--out-dir: a second input of the same name is an error, and the first's cleaned copy stays", () => {
    for (const jobs of ["1", "2"]) {
      const dir = workspace();
      mkdirSync(join(dir, "a"));
      mkdirSync(join(dir, "b"));
      writeFileSync(join(dir, "a", "m.html"), tracked);
      writeFileSync(join(dir, "b", "m.html"), "<p>second</p>\n");
      const { code, stderr } = run(["-q", "--jobs", jobs, "--out-dir", join(dir, "out"), join(dir, "a", "m.html"), join(dir, "b", "m.html")]);
      expect(code).toBe(2);
      expect(stderr).toContain(`${join(dir, "b", "m.html")}: error: not written: ${join(dir, "out", "m.html")} is the cleaned copy of ${join(dir, "a", "m.html")}`);
      expect(readFileSync(join(dir, "out", "m.html"), "utf8")).toBe(`<p>Hi</p>\n<a href="${cleanLink}">Buy</a>\n  \n`);
    }
  });

  it("cleans a directory with --jobs 2 into --out-dir, keeping its structure, with a JSON report", () => {
    const dir = workspace();
    const input = join(dir, "in");
    mkdirSync(join(input, "nested"), { recursive: true });
    for (let index = 0; index < 6; index++) writeFileSync(join(input, index % 2 ? "nested" : "", `t${index}.html`), index === 3 ? clean : tracked);
    writeFileSync(join(input, "m.eml"), trackedMessage());
    writeFileSync(join(input, "notes.md"), tracked); // not an email file: skipped
    const out = join(dir, "out");
    const { code, stdout } = run(["--jobs", "2", "--json", "--out-dir", out, input]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { files: { file: string; kind: string; changed: boolean; findings: { line: number; column: number; action: string }[] }[]; summary: Record<string, number> };
    expect(report.summary).toEqual({ files: 7, changed: 6, wouldChange: 6, findings: 13, errors: 0, skipped: 1 });
    const byName = new Map(report.files.map((file) => [file.file.slice(input.length + 1), file]));
    expect([...byName.keys()].sort()).toEqual(["m.eml", "nested/t1.html", "nested/t3.html", "nested/t5.html", "t0.html", "t2.html", "t4.html"]);
    expect(byName.get("m.eml")?.kind).toBe("eml");
    expect(byName.get("t0.html")?.findings.map(({ line, column, action }) => [line, column, action])).toEqual([[2, 1, "rewrote-url"], [3, 3, "removed-element"]]);
    expect(readFileSync(join(out, "nested", "t3.html"), "utf8")).toBe(clean);
    expect(readFileSync(join(out, "t0.html"), "utf8")).toBe(`<p>Hi</p>\n<a href="${cleanLink}">Buy</a>\n  \n`);
    expect(readdirSync(out).sort()).toEqual(["m.eml", "nested", "t0.html", "t2.html", "t4.html"]);
  });

  it("--check over a directory with --jobs 2 reports every file and writes nothing", () => {
    const dir = workspace();
    for (let index = 0; index < 5; index++) writeFileSync(join(dir, `t${index}.html`), index === 0 ? tracked : clean);
    const { code, stderr } = run(["--check", "--jobs", "2", dir]);
    expect(code).toBe(1);
    expect(stderr).toContain("strip-tracking: 5 files, 2 findings, 1 would change");
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it("refuses several inputs without --out-dir, --check or --json", () => {
    const dir = workspace();
    writeFileSync(join(dir, "a.html"), clean);
    const { code, stderr } = run([dir]);
    expect(code).toBe(2);
    expect(stderr).toContain("give --out-dir");
  });
});

describe("strip-tracking (built binary): inputs and outputs a user meets", () => {
  it("stops quietly, exit 0, when its reader goes away (`strip-tracking big.html | head`), for the document and for --json", async () => {
    const dir = workspace();
    const file = join(dir, "big.html");
    writeFileSync(file, `<p>${"lorem ipsum ".repeat(300_000)}</p>\n${tracked}`);
    for (const args of [[file], ["--json", "--check", file, file, file, file, file, file, file, file]]) {
      const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      child.stdout.once("data", () => child.stdout.destroy());
      const code = await new Promise<number | null>((done) => child.on("close", (status) => done(status)));
      expect(stderr).not.toMatch(/EPIPE|Error|at /);
      expect(code).toBe(0);
    }
  });

  it("--check reads a saved message that opens with an mbox From_ line as a message, and exits 1 for its pixel", () => {
    const dir = workspace();
    const file = join(dir, "saved.eml");
    writeFileSync(file, `From - Thu Dec  3 12:00:00 2026\r\nX-Mozilla-Status: 0001\r\n${trackedMessage()}`);
    const { code, stderr } = run(["--check", file]);
    expect(code).toBe(1);
    expect(stderr).toContain("removed-header disposition-notification-to");
    expect(stderr).toMatch(/saved\.eml#1\.2:\d+:\d+: \(would be\) removed-element/);
  });
});

describe("strip-tracking (built binary): an mbox with several messages", () => {
  const second = trackedMessage("\n");
  const mbox = `From a@shop.example Wed Dec  2 04:00:00 2026\nFrom: a@shop.example\nSubject: hello\nContent-Type: text/plain\n\nhello\n\nFrom news@shop.example Wed Dec  2 05:00:00 2026\n${second}`;

  it("--check sees the second message's pixel and exits 1", () => {
    const file = join(workspace(), "Inbox.mbox");
    writeFileSync(file, mbox);
    const { code, stderr } = run(["--check", file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Inbox\.mbox#2\/1\.2:\d+:\d+: \(would be\) removed-element/);
  });

  it("cleaning removes it and keeps the first message and the From_ lines as they were", () => {
    const file = join(workspace(), "Inbox.mbox");
    writeFileSync(file, mbox);
    const { code, raw } = run([file]);
    expect(code).toBe(0);
    const output = raw.toString("latin1");
    expect(output.startsWith(mbox.slice(0, mbox.indexOf(second)))).toBe(true);
    expect(output).not.toContain("Disposition-Notification-To");
    // The attached message's pixel stays (attached messages are not read); the HTML part's is gone.
    expect(output.split("open.tracker.example").length).toBe(mbox.split("open.tracker.example").length - 1);
  });
});

describe("strip-tracking (built binary): an unreadable input among several", () => {
  it("--json still prints one valid JSON document with the error counted, and exits 2", () => {
    const dir = workspace();
    writeFileSync(join(dir, "good.html"), tracked);
    const { code, stdout, stderr } = run(["--json", join(dir, "good.html"), join(dir, "missing.html")]);
    expect(code).toBe(2);
    const parsed = JSON.parse(stdout) as { files: { file: string; error?: string }[]; summary: { errors: number } };
    expect(parsed.files.map((file) => file.file)).toEqual([join(dir, "good.html"), join(dir, "missing.html")]);
    expect(parsed.files[1]?.error).toMatch(/ENOENT/);
    expect(parsed.summary.errors).toBe(1);
    expect(stderr).toContain(`${join(dir, "missing.html")}: error: ENOENT`);
  });

  it("the inputs after it are still checked, and the summary is printed", () => {
    const dir = workspace();
    writeFileSync(join(dir, "good.html"), tracked);
    const { code, stderr } = run(["--check", join(dir, "missing.html"), join(dir, "good.html")]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "good.html")}:3:3: (would be) removed-element`);
    expect(stderr).toContain("strip-tracking: 2 files, 2 findings, 1 would change, 1 error");
  });

  it("a single missing input with --json is one valid document too", () => {
    const { code, stdout } = run(["--json", "/nonexistent/strip-tracking.html"]);
    expect(code).toBe(2);
    expect((JSON.parse(stdout) as { summary: { errors: number } }).summary.errors).toBe(1);
  });
});

describe("strip-tracking (built binary): --out-dir inside an input directory", () => {
  it("is never read as input: a second run does not clean the first run's copies", () => {
    const dir = workspace();
    mkdirSync(join(dir, "mail"));
    writeFileSync(join(dir, "mail", "a.html"), tracked);
    const first = run(["--out-dir", join(dir, "mail", "clean"), join(dir, "mail")]);
    const second = run(["--out-dir", join(dir, "mail", "clean"), join(dir, "mail")]);
    expect(first.code).toBe(0);
    expect(second.stderr).toMatch(/strip-tracking: 1 file,/);
    expect(readdirSync(join(dir, "mail", "clean"))).toEqual(["a.html"]);
  });
});

describe("strip-tracking (built binary): directories and the extensions read", () => {
  function templates(names: string[]): string {
    const dir = join(workspace(), "templates");
    mkdirSync(dir);
    for (const name of names) writeFileSync(join(dir, name), tracked);
    return dir;
  }

  it("a directory in which no file is read is an error (exit 2) naming it and the extensions read", () => {
    const dir = templates(["welcome.hbs", "receipt.html.erb"]);
    for (const args of [["--check", dir], ["--check", "--json", dir]]) {
      const { code, stderr } = run(args);
      expect(code).toBe(2);
      expect(stderr).toContain(`${dir}: error: no file to read: none named .html, .htm, .xhtml, .eml (2 other files skipped); add extensions with --ext`);
    }
    const empty = templates([]);
    expect(run(["--check", empty])).toMatchObject({ code: 2, stderr: expect.stringContaining(`${empty}: error: no file to read`) });
  });

  it("--ext reads more extensions; the summary counts the files skipped", () => {
    const dir = templates(["welcome.hbs", "receipt.html.erb", "a.liquid", "b.njk", "c.html"]);
    const some = run(["--check", "--ext", "hbs", dir]);
    expect(some.code).toBe(1);
    expect(some.stderr).toContain("strip-tracking: 2 files, 4 findings, 2 would change, 3 skipped (extension not read, see --ext)");
    const all = run(["--check", "--json", "--ext", "hbs,.liquid", "--ext", "njk,erb", dir]);
    expect(all.code).toBe(1);
    expect(JSON.parse(all.stdout).summary).toEqual({ files: 5, changed: 0, wouldChange: 5, findings: 10, errors: 0, skipped: 0 });
  });

  it("refuses a bad --ext, naming it; --help lists the extensions read and --ext", () => {
    expect(run(["--ext", "*.hbs", "x"])).toMatchObject({ code: 2, stderr: 'strip-tracking: --ext takes file name extensions separated by commas (e.g. hbs,liquid,njk), got "*.hbs" (see --help)\n' });
    const help = run(["--help"]).stdout;
    expect(help).toContain(".html, .htm, .xhtml, .eml");
    expect(help).toContain("--ext <list>");
  });
});

describe("strip-tracking (built binary): --dry-run and --quiet", () => {
  it("--dry-run writes the input byte for byte and says what would change, as --check does; its JSON says changed: false", () => {
    const { code, stdout, stderr } = run(["--dry-run"], tracked);
    expect(code).toBe(0);
    expect(stdout).toBe(tracked);
    expect(stderr).toContain("<stdin>:3:3: (would be) removed-element");
    expect(stderr).toContain("strip-tracking: 1 file, 2 findings, 1 would change\n");
    const json = JSON.parse(run(["--dry-run", "--json"], tracked).stdout);
    expect(json.files[0]).toMatchObject({ changed: false, wouldChange: true });
    expect(json.summary).toMatchObject({ changed: 0, wouldChange: 1 });
    expect(run(["--preset", "audit"], tracked).stderr).toContain("1 would change");
    expect(run([], tracked).stderr).toContain("1 file, 2 findings, 1 changed\n");
  });

  it("--quiet drops only the summary: the findings and the parts left unread are still listed", () => {
    const found = run(["--check", "--quiet"], tracked);
    expect(found.code).toBe(1);
    expect(found.stderr).toContain("<stdin>:3:3: (would be) removed-element");
    expect(found.stderr).not.toContain("strip-tracking:");
    const message = `From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=x-klingon\r\n\r\n${pixel}\r\n`;
    expect(run(["-q"], message).stderr).toBe('<stdin>#TEXT: skipped (not cleaned): unknown charset "x-klingon"\n');
    expect(run(["-q"], clean).stderr).toBe("");
  });
});

describe("strip-tracking (built binary): a part it can read but not write back", () => {
  const japanese = Buffer.concat([
    Buffer.from("From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=ISO-2022-JP\r\n\r\n<p>"),
    Buffer.from([0x1b, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1b, 0x28, 0x42]),
    Buffer.from(`</p>${pixel}\r\n`),
  ]);

  it("--check reads it, reports its pixel and exits 1; cleaning leaves it as it was and says so", () => {
    const check = run(["--check"], japanese);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/<stdin>#TEXT:1:\d+: \(would be\) removed-element 1x1 image/);
    expect(check.stderr).toContain('<stdin>#TEXT: skipped (not cleaned): charset "iso-2022-jp" can be read but not written back');
    const cleaned = run([], japanese);
    expect(cleaned.code).toBe(0);
    expect(cleaned.raw.equals(japanese)).toBe(true);
    expect(cleaned.stderr).toContain("skipped (not cleaned)");
    expect(cleaned.stderr).toContain("1 file, 0 findings, 0 changed");
  });
});
