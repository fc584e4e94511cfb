// `strip-tracking verify`: strips each mail, loads input and output in headless Chromium at a desktop and a phone
// width, and writes a report of what went (requests, trackers) and what must not have (images a reader sees).

import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { stripTrackingWithReport } from "../strip-tracking.js";
import type { StripOptions } from "../types.js";
import { describeExtensions } from "./extensions.js";
import { checkOptions } from "./usage-error.js";
import { packageVersion } from "./version.js";
import { parseVerifyArgs, verifyUsage, type VerifyArgs } from "./verify/args.js";
import { compareMail, type MailVerdict, type WidthPair } from "./verify/compare.js";
import { findMailFiles, pageName, readMail } from "./verify/emails.js";
import { installHint, loadVerifyDeps, type VerifyDeps } from "./verify/optional-deps.js";
import { Renderer } from "./verify/renderer.js";
import { indexPage, mailPage, type MailResult, vendorCounts } from "./verify/report-html.js";
import { sideBySide } from "./verify/side-by-side.js";

/** The widths every mail is rendered at: a desktop client's reading pane and a phone. */
export const verifyWidths = [800, 375] as const;

/** Where verify writes: its help and version (stdout), its one-line summaries and errors (stderr). */
export interface VerifyIo {
  readonly stdout?: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: VerifyIo = { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text) };

/**
 * Runs `strip-tracking verify` with `argv` (the arguments after `verify`). Resolves to the exit code: 0 when no mail
 * has a failure, 1 when one has, 2 when verify could not run (bad arguments, no Chromium, playwright-core missing).
 */
export async function verify(argv: string[], io: VerifyIo = processIo): Promise<number> {
  const stdout = io.stdout ?? io.stderr;
  if (argv.includes("--help") || argv.includes("-h")) {
    stdout(`${verifyUsage}\n`);
    return 0;
  }
  if (argv.includes("--version") || argv.includes("-v")) {
    stdout(`${packageVersion()}\n`);
    return 0;
  }
  let args: VerifyArgs;
  let options: StripOptions;
  try {
    args = parseVerifyArgs(argv, process.env);
    options = { preset: args.preset, ...(args.recipients.length === 0 ? {} : { recipient: args.recipients }) };
    checkOptions(options); // before Chromium starts: a bad --recipient is a usage error naming the flag
  } catch (error) {
    io.stderr(`verify: ${(error as Error).message} (see strip-tracking verify --help)\n`);
    return 2;
  }
  const deps = await loadVerifyDeps();
  if ("missing" in deps) {
    io.stderr(
      `verify: needs ${deps.missing.join(", ")}, which ${deps.missing.length === 1 ? "is" : "are"} not installed. ` +
        `Install with: ${installHint}\n`,
    );
    return 2;
  }
  if (!existsSync(args.chromium)) {
    io.stderr(
      `verify: no Chromium at ${args.chromium}. Install it (Debian: apt-get install chromium) or name it with ` +
        `--chromium PATH or CHROMIUM_PATH.\n`,
    );
    return 2;
  }
  let files: string[];
  try {
    files = await findMailFiles(args.inputs, args.extensions);
  } catch (error) {
    io.stderr(`verify: ${(error as Error).message}\n`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr(`verify: no file to read in ${args.inputs.join(", ")}: none named ${describeExtensions(args.extensions)}; add extensions with --ext\n`);
    return 2;
  }
  // The report's pages are named after the mails: written into the mails' own folder, they would replace them.
  const out = resolve(args.out);
  const inOut = files.find((file) => dirname(resolve(file)) === out || dirname(resolve(file)) === join(out, "shots"));
  if (inOut !== undefined) {
    io.stderr(`verify: --out ${args.out} holds ${inOut}, which the report would overwrite; name another folder\n`);
    return 2;
  }
  let browser: Awaited<ReturnType<VerifyDeps["launch"]>>;
  try {
    browser = await deps.launch(args.chromium);
  } catch (error) {
    const reason = String((error as Error).message ?? error).split("\n")[0];
    io.stderr(`verify: could not start Chromium at ${args.chromium}: ${reason}\n`);
    return 2;
  }
  return run(args, files, options, deps, browser, io);
}

async function run(
  args: VerifyArgs,
  files: readonly string[],
  options: StripOptions,
  deps: VerifyDeps,
  browser: Awaited<ReturnType<VerifyDeps["launch"]>>,
  io: VerifyIo,
): Promise<number> {
  const results: MailResult[] = [];
  try {
    await mkdir(join(args.out, "shots"), { recursive: true });
    const context = await Renderer.context(browser);
    const renderers = await Promise.all(verifyWidths.map((width) => Renderer.open(context, width)));
    const pages = new Set<string>(["index"]);
    for (const file of files) {
      const result = await verifyMail(file, pageName(file, pages), options, renderers, deps, args.out);
      results.push(result);
      await writeFile(join(args.out, `${result.page}.html`), mailPage(result));
      io.stderr(`${summaryLine(result)}\n`);
    }
  } finally {
    await browser.close();
  }
  await writeFile(join(args.out, "index.html"), indexPage(results, args.preset));
  const failing = results.filter((result) => result.verdict.failures.length > 0).length;
  io.stderr(`verify: ${results.length} mail(s), ${failing} with failures; report: ${join(args.out, "index.html")}\n`);
  return failing > 0 ? 1 : 0;
}

const emptyVerdict: MailVerdict = { removed: [], kept: [], rewritten: [], added: [], lostImages: [], failures: [] };

async function verifyMail(
  file: string,
  page: string,
  options: StripOptions,
  renderers: readonly Renderer[],
  deps: VerifyDeps,
  out: string,
): Promise<MailResult> {
  const { html, recipients } = await readMail(file);
  if (html === undefined) {
    const skipped = "no HTML part";
    return { file, page, skipped, findings: [], changed: false, verdict: emptyVerdict, requestsBefore: 0, requestsAfter: 0, shots: [] };
  }
  // A message's own recipients, as cleaning it does (stripTrackingFromMime), unless --recipient named them.
  const mailOptions = options.recipient === undefined && recipients.length > 0 ? { ...options, recipient: recipients } : options;
  const { html: output, report } = stripTrackingWithReport(html, mailOptions);
  // The widths render in parallel (one page each); input and output one after the other on each.
  const pairs: WidthPair[] = await Promise.all(
    renderers.map(async (renderer) => ({ width: renderer.width, before: await renderer.render(html), after: await renderer.render(output) })),
  );
  const shots = [];
  for (const pair of pairs) {
    const { png, changedPixels } = sideBySide(deps, pair.before.screenshot, pair.after.screenshot);
    const shot = `shots/${page}-${pair.width}.png`;
    await writeFile(join(out, shot), png);
    shots.push({ width: pair.width, file: shot, changedPixels });
  }
  const count = (side: "before" | "after"): number => new Set(pairs.flatMap((pair) => pair[side].requests)).size;
  return {
    file,
    page,
    findings: report.findings,
    changed: report.changed,
    verdict: compareMail(report.findings, pairs),
    requestsBefore: count("before"),
    requestsAfter: count("after"),
    shots,
  };
}

/** `ok   mail.html: 3 trackers removed (Mailchimp 2, unknown vendor 1); requests 12 -> 9` */
function summaryLine(result: MailResult): string {
  if (result.skipped !== undefined) return `skip ${result.file}: ${result.skipped}`;
  const vendors = vendorCounts(result.findings);
  const removed = vendors.reduce((n, [, count]) => n + count, 0);
  const head = `${result.verdict.failures.length === 0 ? "ok  " : "FAIL"} ${result.file}: ${removed} removed` +
    `${vendors.length === 0 ? "" : ` (${vendors.map(([vendor, n]) => `${vendor} ${n}`).join(", ")})`}; ` +
    `requests ${result.requestsBefore} -> ${result.requestsAfter}`;
  const { failures } = result.verdict;
  return failures.length === 0 ? head : `${head}; ${failures.length} failure(s), first: ${failures[0]}`;
}
