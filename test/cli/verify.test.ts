// Runs `verify` itself, in Chromium, on two tracked mails of the shared corpus and one template.
// Skipped, with a message, when ../shared/corpus or /usr/bin/chromium is absent.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verify } from "../../src/cli/verify.js";

const corpus = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus");
const chromium = "/usr/bin/chromium";
const tracked = ["mailtrackerblocker__multibgcsstrackers.html", "omnivore__substack-email_source.html"].map((name) => join(corpus, "real-tracked", name));
const template = join(corpus, "templates", "leemunroe__email.html");
const present = existsSync(chromium) && [...tracked, template].every((file) => existsSync(file));
if (!present) console.warn(`verify.test: ${corpus} or ${chromium} is absent; skipping the verify run.`);

describe("verify argument and install errors (no browser)", () => {
  it("exits 2 on bad arguments, naming the flag and pointing at --help", async () => {
    const lines: string[] = [];
    expect(await verify(["--preset", "loose", "x.html"], { stderr: (text) => void lines.push(text) })).toBe(2);
    expect(lines.join("")).toBe('verify: --preset must be one of standard, strict, audit, not "loose" (see strip-tracking verify --help)\n');
    lines.length = 0;
    expect(await verify(["--ext", "hbs,,x", "x.html"], { stderr: (text) => void lines.push(text) })).toBe(2);
    expect(lines.join("")).toMatch(/^verify: --ext takes file name extensions/);
  });

  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await verify(argv, { stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) });
    return { code, stdout: out.join(""), stderr: err.join("") };
  };

  it("prints its usage and the version for --help and --version, exit 0", async () => {
    const help = await run(["--help"]);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: strip-tracking verify/) });
    for (const flag of ["--out", "--preset", "--recipient", "--ext", "--chromium", "--help", "Exit codes", ".xhtml"]) expect(help.stdout).toContain(flag);
    expect(await run(["x.html", "-h"])).toMatchObject({ code: 0 });
    const version = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "package.json"), "utf8")).version;
    expect(await run(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("names the flag of a bad option once, before starting Chromium", async () => {
    const { code, stderr } = await run(["x.html", "--recipient", "ann", "--chromium", "/nonexistent/chromium"]);
    expect(code).toBe(2);
    expect(stderr).toBe('verify: --recipient must be an email address, got "ann" (see strip-tracking verify --help)\n');
  });

  it("refuses a report folder that holds the mails given (its pages would replace them)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-in-"));
    writeFileSync(join(dir, "newsletter.html"), "<p>hi</p>");
    const { code, stderr } = await run([dir, "--out", dir]);
    expect(code).toBe(2);
    expect(stderr).toContain("which the report would overwrite");
    expect(readFileSync(join(dir, "newsletter.html"), "utf8")).toBe("<p>hi</p>");
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!existsSync("/bin/true"))("says in one line when the browser named does not start, and writes no folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-in-"));
    writeFileSync(join(dir, "a.html"), "<p>hi</p>");
    const out = join(dir, "report");
    const { code, stderr } = await run([join(dir, "a.html"), "--out", out, "--chromium", "/bin/true"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^verify: could not start Chromium at \/bin\/true: [^\n]*\n$/);
    expect(existsSync(out)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it("exits 2 and says how to get a browser when --chromium names nothing", async () => {
    const lines: string[] = [];
    expect(await verify(["x.html", "--chromium", "/nonexistent/chromium"], { stderr: (text) => void lines.push(text) })).toBe(2);
    expect(lines.join("")).toMatch(/no Chromium at \/nonexistent\/chromium/);
  });
});

describe.skipIf(!present)("verify on the corpus (Chromium)", () => {
  const out = mkdtempSync(join(tmpdir(), "verify-report-"));
  const lines: string[] = [];
  let code = -1;

  beforeAll(async () => {
    code = await verify([...tracked, template, "--out", out], { stderr: (text) => void lines.push(text) });
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("exits 0 and prints one line per mail and a summary", () => {
    expect(lines.join(""), lines.join("")).toMatch(/verify: 3 mail\(s\), 0 with failures/);
    expect(code).toBe(0);
    expect(lines.filter((line) => /^ok {3}/.test(line))).toHaveLength(3);
  });

  it("writes the index, one page per mail and the screenshots at both widths", () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual(["index.html", "leemunroe__email.html", "mailtrackerblocker__multibgcsstrackers.html", "omnivore__substack-email_source.html", "shots"]);
    expect(readdirSync(join(out, "shots"))).toHaveLength(6);
    const index = readFileSync(join(out, "index.html"), "utf8");
    for (const page of files.filter((file) => file.endsWith(".html") && file !== "index.html")) expect(index).toContain(`href="${page}"`);
  });

  it("lists the tracked mails' trackers as removed requests, matched to their findings", () => {
    const page = readFileSync(join(out, "mailtrackerblocker__multibgcsstrackers.html"), "utf8");
    expect(page).toMatch(/Requests removed \(4\)/);
    expect(page).toContain("https://dqmaer86.emltrk.com/v2/dqmaer86?d=Vyau4ZI</code> — Litmus open pixel (known endpoint) (known-tracker, Litmus;");
    expect(page).not.toContain("no finding names this URL");
    const substack = readFileSync(join(out, "omnivore__substack-email_source.html"), "utf8");
    expect(substack).toMatch(/mailgun\.substack\.com\/api\/v1\/email\/open\?token=[^<]*<\/code> — Substack open pixel \(known endpoint\) \(known-tracker, Substack;/);
    expect(substack).toMatch(/Requests added \(0\)/);
  });

  it("shows the template unchanged: nothing removed, no pixel differs", () => {
    const page = readFileSync(join(out, "leemunroe__email.html"), "utf8");
    expect(page).toMatch(/Requests removed \(0\)/);
    expect(page.match(/\(0 pixels differ\)/g)).toHaveLength(2);
    expect(readFileSync(join(out, "index.html"), "utf8")).toMatch(/leemunroe__email\.html<\/a><\/td><td><span class="ok">ok<\/span><\/td><td>none<\/td><td>(\d+) → \1<\/td><td>no change/);
  });
});
