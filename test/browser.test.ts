// The real-browser check (ADVERSARIAL.md §8 P10, made a test): what Chromium itself fetches when it loads our
// output. The parse5 oracle (support/fetches.ts) says what a spec-conformant parser would fetch; this file asks
// Blink, which has its own parser quirks (customizable <select>, ...), its own CSS engine and its own loaders.
//
// How a mail is loaded: pages of a few dozen frames, each frame's document one mail, served byte for byte from
// https://mail.invalid/message/mail-<i>/ (so relative and scheme-relative URLs resolve as in a webmail frame).
// `page.route("**/*")` sees every request of the page and its frames: it records the URL for the mail whose frame
// made it and answers with an empty 200, so nothing leaves the machine. After `load` we wait until no request came
// for 300 ms (late fetches: CSS backgrounds, srcset, poster, meta refresh). Each browser context also goes through
// a local proxy that refuses every connection and records its target: a second net, for connections that bypass
// request interception (preconnect and other speculative connections).
//
// Two ways of loading, because scripting changes how <noscript> parses (L5): JavaScript on at device pixel
// ratio 1, and JavaScript off at ratio 2 (so srcset's 2x candidates are the ones fetched there).
//
// (a) every hostile case of adversarial.test.ts, stripped with `block: [{ url: "t.example" }]`: no request to
//     t.example, in both modes; (b) a control: the unstripped inputs, which must make Chromium fetch t.example
//     for a good number of them (else (a) proves nothing); (c) the real corpus (../shared/corpus/real-tracked,
//     default preset): no request to a URL the report says was removed, and no request the input did not make.
//
// Skipped, with a message, when /usr/bin/chromium is absent (.ci/run installs Debian's `chromium`).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Frame, type Page, type Request, type Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReportEntry, type StripOptions, stripTracking, stripTrackingWithReport } from "../src/index.js";
import { adversarialSections, fill, regressionInputs } from "./support/adversarial-cases.js";
import { blockedFetches, isBlocked, T } from "./support/fetches.js";

const executablePath = "/usr/bin/chromium";
const browserAvailable = existsSync(executablePath);
if (!browserAvailable) {
  console.warn(
    `browser.test: ${executablePath} is absent (install Debian's chromium: apt-get install -y chromium); ` +
      "skipping the real-browser checks.",
  );
}

const options: StripOptions = { block: [{ url: "t.example" }] };
const documentUrl = "https://mail.invalid/message/";
/** Pages loading at once in a browser context (four contexts, one after the other: two modes x stripped or not). */
const tabsPerLane = 2;
/** Mails per page (one frame each): hostile cases are tiny, corpus mails are not. */
const hostileBatch = 40;
const corpusBatch = 6;
/** After `load`, wait until no request came for this long (late fetches: CSS backgrounds, srcset, refresh). */
const settleMs = 300;

// ---- the cases --------------------------------------------------------------------------------------------------

interface HostileCase {
  readonly title: string;
  /** The input, `$T` filled in. */
  readonly html: string;
}

const hostileCases: HostileCase[] = [
  ...adversarialSections.flatMap(([section, cases]) =>
    cases.map((kase) => ({ title: `${section}: ${kase.title}`, html: kase.html })),
  ),
  ...Object.entries(regressionInputs).flatMap(([group, inputs]) =>
    (typeof inputs === "string" ? [[inputs] as [string]] : inputs).map(([html]) => ({
      title: `regression ${group}: ${html}`,
      html: fill(html),
    })),
  ),
];

// ---- Regressions: leaks this file found, now fixed ----------------------------------------------------------------
//
// LEAK B1 (fixed) — Blink's speculative preload scanner reads a CDATA section in svg/math content as HTML.
// Minimal repro: stripTracking('<svg><![CDATA[><img src=https://t.example/p.gif>]]></svg>', { block: [{ url:
//   "t.example" }] }) returns its input unchanged, and Chromium 150 fetches https://t.example/p.gif when it loads it
//   (JavaScript on and off; a top-level document or a frame), although its DOM holds no <img> at all.
// Why: in foreign content `<![CDATA[ ... ]]>` is a real CDATA section (text), so the tree builder, parse5 and
//   htmlparser2 all agree there is no img (the ADVERSARIAL.md §7.1 "L1 control"). But Blink's HTMLPreloadScanner,
//   which tokenizes ahead of the parser to start fetches early, does not track foreign content for CDATA: it reads
//   `<![CDATA[` as a bogus comment that ends at the first `>`, and preloads what follows. Confirmed by launching with
//   `--blink-settings=doHtmlPreloadScanning=false`: the fetch disappears. The preload scanner fetches <img src>,
//   <img srcset>, <link rel=stylesheet|preload>, <input type=image>, <video poster>, <picture><source srcset>,
//   <style>@import, and a <base href> in the CDATA rebases the scanner's later relative URLs, even of real content
//   images after the </svg> (last case below: https://t.example/logo.png is fetched). Not fetched: <script src>,
//   <iframe>, <body background>, <meta refresh>. Inside svg <style> (raw text) nothing is fetched.
// Fix (engine): a CDATA section in foreign content is read as the preload scanner reads it, i.e. as the HTML
//   bogus comment it is in HTML content (L1): the markup after its first `>` is judged as live HTML, and a <base>
//   there is removed (fail closed, DESIGN.md principle 4).
const preloadScannerCases: HostileCase[] = [
  ["svg CDATA img (minimal)", "<svg><![CDATA[><img src=$T>]]></svg>"],
  ["math CDATA img", "<math><![CDATA[><img src=$T>]]></math>"],
  ["svg > g CDATA img", "<svg><g><![CDATA[><img src=$T>]]></g></svg>"],
  ["svg CDATA img srcset", `<svg><![CDATA[><img srcset="$T 1x">]]></svg>`],
  ["svg CDATA link stylesheet", "<svg><![CDATA[><link rel=stylesheet href=$T>]]></svg>"],
  ["svg CDATA input type=image", "<svg><![CDATA[><input type=image src=$T>]]></svg>"],
  ["svg CDATA video poster", "<svg><![CDATA[><video poster=$T>]]></svg>"],
  ["svg CDATA picture source", "<svg><![CDATA[><picture><source srcset=$T><img></picture>]]></svg>"],
  ["svg CDATA style @import", `<svg><![CDATA[><style>@import "$T";</style>]]></svg>`],
  ["svg CDATA base rebases a later content image", "<svg><![CDATA[><base href=https://t.example/>]]></svg><img src=logo.png>"],
].map(([title, html]) => ({ title: `Blink preload scanner: ${title!}`, html: fill(html!) }));

hostileCases.push(...preloadScannerCases);

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "corpus", "real-tracked");
const corpusFiles: [string, string][] = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => name.endsWith(".html"))
      .sort()
      .map((name) => [name, readFileSync(join(corpusDir, name), "utf8")])
  : [];
if (browserAvailable && !existsSync(corpusDir)) {
  console.warn(`browser.test: ${corpusDir} is absent; skipping the real-corpus browser check.`);
}

// ---- the browser --------------------------------------------------------------------------------------------------

type Mode = "js-on" | "js-off";
const modes: readonly Mode[] = ["js-on", "js-off"];
/** What a lane loads: our stripped output, or the unstripped input (the control). */
type Side = "output" | "input";

/** A proxy that refuses every connection and keeps its first line (`CONNECT t.example:443 HTTP/1.1`). */
class RefusingProxy {
  readonly lines: string[] = [];
  private readonly server: Server = createServer((socket: Socket) => {
    socket.once("data", (data) => {
      this.lines.push(data.toString("latin1").split("\r\n")[0] ?? "");
      socket.destroy();
    });
    socket.on("error", () => {});
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Loaded {
  /** Every request URL of the page and its frames, the document's own request excepted. */
  readonly requests: string[];
  readonly error?: string;
}

/**
 * A reusable page that loads a batch of mails at once: a parent document at `documentUrl` holds one `<iframe>` per
 * mail, each mail served, byte for byte, as the frame's document `documentUrl + "mail-<i>/"` (a navigation per
 * mail would cost ~150 ms of CPU each; a frame costs a few). Every other request is recorded for the mail whose
 * frame (or a frame inside it) made it, and answered with an empty 200.
 */
class Tab {
  private job:
    | { mails: readonly string[]; served: Set<number>; requests: string[][]; lastActivity: number }
    | undefined;

  private constructor(
    private readonly page: Page,
    private readonly lane: { unattributed: string[] },
  ) {}

  static async open(context: BrowserContext, lane: { unattributed: string[] }): Promise<Tab> {
    const tab = new Tab(await context.newPage(), lane);
    tab.page.on("dialog", (dialog) => void dialog.dismiss().catch(() => {}));
    await tab.page.route("**/*", (route) => tab.handle(route));
    return tab;
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    const job = this.job;
    if (job !== undefined && request.isNavigationRequest()) {
      if (url === documentUrl && !job.served.has(-1)) {
        job.served.add(-1);
        const frames = job.mails.map(
          (_, i) => `<iframe name="mail-${i}" src="${documentUrl}mail-${i}/" style="width:100px;height:60px;border:0"></iframe>`,
        );
        await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: `<!DOCTYPE html>${frames.join("")}` });
        return;
      }
      const mail = /^mail-(\d+)\/$/.exec(url.startsWith(documentUrl) ? url.slice(documentUrl.length) : "");
      const i = mail ? Number(mail[1]) : -1;
      if (mail && !job.served.has(i) && i < job.mails.length) {
        job.served.add(i);
        await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: Buffer.from(job.mails[i]!, "utf8") });
        return;
      }
    }
    if (job === undefined) {
      strayRequests.push(url);
    } else {
      const i = this.mailOf(request);
      if (i === undefined) this.lane.unattributed.push(url);
      else job.requests[i]!.push(url);
      job.lastActivity = Date.now();
    }
    await route.fulfill({ status: 200, body: "" }).catch(() => {});
  }

  /** The mail whose frame made `request`: the child of the parent document that holds the requesting frame. */
  private mailOf(request: Request): number | undefined {
    try {
      let frame: Frame | null = request.frame();
      while (frame !== null && frame.parentFrame() !== null && frame.parentFrame() !== this.page.mainFrame()) {
        frame = frame.parentFrame();
      }
      const match = frame === null ? null : /^mail-(\d+)$/.exec(frame.name());
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  async load(mails: readonly string[]): Promise<Loaded[]> {
    const started = Date.now();
    const job = { mails, served: new Set<number>(), requests: mails.map((): string[] => []), lastActivity: started };
    this.job = job;
    let error: string | undefined;
    try {
      await this.page.goto(documentUrl, { waitUntil: "load", timeout: 30_000 });
    } catch (e) {
      // A meta refresh or a frame can interrupt the navigation; the requests made so far still count.
      error = String(e).split("\n")[0];
    }
    // Late fetches (CSS backgrounds, meta refresh): wait until no request came for `settleMs` (at most 5 s).
    job.lastActivity = Math.max(job.lastActivity, Date.now());
    const deadline = Date.now() + 5_000;
    while (Date.now() - job.lastActivity < settleMs && Date.now() < deadline) await sleep(50);
    // Leave the document, so that nothing it does later lands in the next batch.
    await this.page.goto("about:blank").catch(() => {});
    this.job = undefined;
    const missing = mails.flatMap((_, i) => (job.served.has(i) ? [] : [i]));
    if (missing.length > 0) error = `${error ?? ""} mails never loaded: ${missing.join(",")}`.trim();
    return job.requests.map((requests) => (error === undefined ? { requests } : { requests, error }));
  }
}

/** One browser context (a mode and a side) with its own refusing proxy and a few tabs. */
interface Lane {
  readonly mode: Mode;
  readonly side: Side;
  readonly proxy: RefusingProxy;
  readonly tabs: Tab[];
  /** Requests no mail's frame could be found for. */
  readonly unattributed: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
let browser: Browser | undefined;
/** Catches connections of the browser itself (outside every context). */
const browserProxy = new RefusingProxy();
const lanes: Lane[] = [];
/** Requests that arrived while a tab had no batch: should stay empty. */
const strayRequests: string[] = [];

/** Runs `jobs` in batches of `batchSize` on the tabs of their lanes; results in the order of `jobs`. */
async function loadAll(jobs: readonly { mode: Mode; side: Side; html: string }[], batchSize: number): Promise<Loaded[]> {
  const results: Loaded[] = new Array(jobs.length);
  const runLane = async (l: Lane): Promise<void> => {
      const mine = jobs.flatMap((job, i) => (job.mode === l.mode && job.side === l.side ? [i] : []));
      const batches: number[][] = [];
      for (let at = 0; at < mine.length; at += batchSize) batches.push(mine.slice(at, at + batchSize));
      let next = 0;
      await Promise.all(
        l.tabs.map(async (tab) => {
          while (next < batches.length) {
            const batch = batches[next++]!;
            const loaded = await tab.load(batch.map((i) => jobs[i]!.html));
            batch.forEach((i, k) => (results[i] = loaded[k]!));
          }
        }),
      );
  };
  // One context at a time: on two cores, more pages at once only make each frame slower (measured).
  for (const l of lanes) await runLane(l);
  return results;
}

const blockedRequests = (requests: readonly string[]): string[] => requests.filter((url) => isBlocked(url));

beforeAll(async () => {
  if (!browserAvailable) return;
  browser = await chromium.launch({
    executablePath,
    timeout: 60_000,
    proxy: { server: await browserProxy.start() },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  for (const mode of modes) {
    for (const side of ["output", "input"] as const) {
      const proxy = new RefusingProxy();
      const context = await browser.newContext({
        javaScriptEnabled: mode === "js-on",
        deviceScaleFactor: mode === "js-on" ? 1 : 2,
        proxy: { server: await proxy.start() },
      });
      const unattributed: string[] = [];
      const tabs = await Promise.all(Array.from({ length: tabsPerLane }, () => Tab.open(context, { unattributed })));
      lanes.push({ mode, side, proxy, tabs, unattributed });
    }
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([browserProxy, ...lanes.map((l) => l.proxy)].map((proxy) => proxy.close().catch(() => {})));
}, 60_000);

// ---- (a) stripped hostile cases, (b) the control ------------------------------------------------------------------

interface CaseResult {
  readonly output: string;
  /** Requests to t.example, per mode: of the stripped output and of the input. */
  readonly outputBlocked: Record<Mode, string[]>;
  readonly inputBlocked: Record<Mode, string[]>;
  readonly errors: string[];
}

describe.skipIf(!browserAvailable)("Chromium: no request to t.example from any stripped hostile case", () => {
  const results = new Map<string, CaseResult>();

  beforeAll(async () => {
    const started = Date.now();
    const outputs = new Map(hostileCases.map((kase) => [kase.title, stripTracking(kase.html, options)]));
    const jobs = hostileCases.flatMap((kase) =>
      modes.flatMap((mode) =>
        (["output", "input"] as const).map((side) => ({
          kase,
          mode,
          side,
          html: side === "output" ? outputs.get(kase.title)! : kase.html,
        })),
      ),
    );
    const loaded = await loadAll(jobs, hostileBatch);
    for (const kase of hostileCases) {
      results.set(kase.title, {
        output: outputs.get(kase.title)!,
        outputBlocked: { "js-on": [], "js-off": [] },
        inputBlocked: { "js-on": [], "js-off": [] },
        errors: [],
      });
    }
    jobs.forEach(({ kase, mode, side }, i) => {
      const result = results.get(kase.title)!;
      const { requests, error } = loaded[i]!;
      (side === "output" ? result.outputBlocked : result.inputBlocked)[mode].push(...blockedRequests(requests));
      if (error !== undefined) result.errors.push(`${side} ${mode}: ${error}`);
    });
    console.log(
      `browser.test: ${hostileCases.length} hostile cases x ${modes.length} modes x (stripped + unstripped) = ` +
        `${jobs.length} mails loaded (${hostileBatch} frames a page) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 240_000);

  it("self-check: a reused tab fetches the same URL again (no cache), and requests go to the right mail", async () => {
    const tab = lanes[0]!.tabs[0]!;
    for (let i = 0; i < 2; i++) {
      const loaded = await tab.load([`<img src=${T}><div style="background:url(${T}?bg)">x</div>`, "<p>x", `<img src=${T}?2>`]);
      expect(loaded.map(({ requests }) => requests.sort())).toEqual([[T, `${T}?bg`], [], [`${T}?2`]]);
    }
  });

  it.each(hostileCases.map((kase) => [kase.title, kase] as const))("%s", (_title, kase) => {
    const result = results.get(kase.title)!;
    expect(result.outputBlocked, `output: ${JSON.stringify(result.output)} ${result.errors.join("; ")}`).toEqual({
      "js-on": [],
      "js-off": [],
    });
    // A page that did not finish loading may not have made all its requests: that proves nothing, so it fails.
    expect(result.errors.filter((error) => error.startsWith("output")), "load errors").toEqual([]);
  });

  it("control: Chromium fetches t.example for many unstripped inputs (the check is not vacuous)", () => {
    const positive = (mode: Mode): HostileCase[] =>
      hostileCases.filter((kase) => results.get(kase.title)!.inputBlocked[mode].length > 0);
    const on = positive("js-on");
    const off = positive("js-off");
    const either = hostileCases.filter((kase) => modes.some((mode) => results.get(kase.title)!.inputBlocked[mode].length > 0));
    const silent = hostileCases.filter((kase) => !either.includes(kase));
    // Where Blink and the parse5 oracle disagree about the input: worth knowing in both directions.
    const oracleOnly = silent.filter((kase) => blockedFetches(kase.html).length > 0);
    const browserOnly = either.filter((kase) => blockedFetches(kase.html).length === 0);
    console.log(
      `browser.test control: unstripped inputs that fetch t.example in Chromium: ${on.length}/${hostileCases.length} ` +
        `with JavaScript on, ${off.length}/${hostileCases.length} with it off, ${either.length} in either mode.\n` +
        `  parse5 sees a fetch but Chromium makes none (${oracleOnly.length}): ` +
        `${oracleOnly.map((kase) => kase.title).join(" | ")}\n` +
        `  Chromium fetches but parse5 sees none (${browserOnly.length}): ` +
        `${browserOnly.map((kase) => kase.title).join(" | ")}`,
    );
    expect(on.length).toBeGreaterThanOrEqual(200);
    expect(off.length).toBeGreaterThanOrEqual(200);
  });
});

// ---- (c) the real corpus --------------------------------------------------------------------------------------------

/** A URL as Chromium requests it: resolved against the document, without its fragment. */
function absolute(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim(), documentUrl);
    parsed.hash = "";
    return parsed.href;
  } catch {
    return undefined;
  }
}

interface CorpusResult {
  readonly removed: Set<string>;
  readonly rewritten: Set<string>;
  readonly input: Record<Mode, string[]>;
  readonly output: Record<Mode, string[]>;
  readonly errors: string[];
}

describe.skipIf(!browserAvailable || corpusFiles.length === 0)(`Chromium on the real corpus (${corpusDir})`, () => {
  const results = new Map<string, CorpusResult>();
  const keptElsewhere: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    const stripped = new Map(corpusFiles.map(([name, html]) => [name, stripTrackingWithReport(html)]));
    const jobs = corpusFiles.flatMap(([name, html]) =>
      modes.flatMap((mode) => [
        { name, mode, side: "input" as const, html },
        { name, mode, side: "output" as const, html: stripped.get(name)!.html },
      ]),
    );
    const loaded = await loadAll(jobs, corpusBatch);
    for (const [name] of corpusFiles) {
      const { html: output, report } = stripped.get(name)!;
      const urls = (keep: (entry: ReportEntry) => boolean, field: "url" | "newUrl"): Set<string> =>
        new Set(
          report.findings
            .filter((entry) => keep(entry) && entry[field] !== undefined)
            .map((entry) => absolute(entry[field]!))
            .filter((url): url is string => url !== undefined),
        );
      // A URL removed from one element may stay, legitimately, in another that was not judged (a `rel=preload`
      // hint removed, the stylesheet it preloads kept): those are not counted as removed, and are listed.
      const removedHere = (entry: ReportEntry): boolean => entry.action.startsWith("removed-");
      const stillWritten = (entry: ReportEntry): boolean => entry.url !== undefined && output.includes(entry.url);
      for (const entry of report.findings) {
        if (removedHere(entry) && stillWritten(entry)) keptElsewhere.push(`${name}: <${entry.tag}> ${entry.url}`);
      }
      results.set(name, {
        removed: urls((entry) => removedHere(entry) && !stillWritten(entry), "url"),
        rewritten: urls((entry) => entry.action === "rewrote-url", "newUrl"),
        input: { "js-on": [], "js-off": [] },
        output: { "js-on": [], "js-off": [] },
        errors: [],
      });
    }
    jobs.forEach(({ name, mode, side }, i) => {
      const result = results.get(name)!;
      result[side][mode].push(...loaded[i]!.requests);
      if (loaded[i]!.error !== undefined) result.errors.push(`${side} ${mode}: ${loaded[i]!.error}`);
    });
    const removed = [...results.values()].reduce((n, r) => n + r.removed.size, 0);
    const requests = (which: "input" | "output"): number =>
      [...results.values()].reduce((n, r) => n + r[which]["js-on"].length, 0);
    console.log(
      `browser.test corpus: ${corpusFiles.length} files x ${modes.length} modes x (input + output) = ${jobs.length} ` +
        `mails loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; ${removed} removed URLs in the reports; ` +
        `requests with JavaScript on: ${requests("input")} from the inputs, ${requests("output")} from the outputs.\n` +
        `  removed from one element but still written in another, so not counted (${keptElsewhere.length}): ` +
        keptElsewhere.join(" | "),
    );
  }, 240_000);

  it.each(corpusFiles.map(([name]) => [name]))("%s: no request to a removed URL, nothing new", (name) => {
    const result = results.get(name)!;
    // A page that did not finish loading may not have made all its requests: both checks below need them all.
    expect(result.errors, "load errors").toEqual([]);
    for (const mode of modes) {
      const made = result.output[mode].map((url) => absolute(url) ?? url);
      const toRemoved = made.filter((url) => result.removed.has(url));
      expect(toRemoved, `${mode}: requests to removed URLs: ${JSON.stringify(toRemoved)}`).toEqual([]);
      const before = new Set(result.input[mode].map((url) => absolute(url) ?? url));
      const added = made.filter((url) => !before.has(url) && !result.rewritten.has(url));
      expect(added, `${mode}: requests the input did not make: ${JSON.stringify(added)}`).toEqual([]);
    }
  });

  it("the corpus check is not vacuous: the inputs fetch removed URLs", () => {
    const fetchingRemoved = [...results.values()].filter((result) =>
      result.input["js-on"].some((url) => result.removed.has(absolute(url) ?? url)),
    );
    console.log(`browser.test corpus: ${fetchingRemoved.length}/${results.size} inputs fetch a URL the stripper removes`);
    expect(fetchingRemoved.length).toBeGreaterThan(0);
  });
});

// Runs last, over the whole file: connections that went around request interception, per browser context.
it.skipIf(!browserAvailable)("nothing went around request interception to t.example (refusing proxies)", () => {
  const summary = [
    `browser: ${JSON.stringify([...new Set(browserProxy.lines)])}`,
    ...lanes.map((l) => `${l.side} ${l.mode}: ${JSON.stringify([...new Set(l.proxy.lines)])}`),
  ];
  console.log(`browser.test: connections that reached the refusing proxies:\n  ${summary.join("\n  ")}`);
  const blocked = (lines: readonly string[]): string[] => lines.filter((line) => /t\.example/i.test(line));
  expect(blocked(browserProxy.lines)).toEqual([]);
  for (const l of lanes.filter((l) => l.side === "output")) expect(blocked(l.proxy.lines), l.mode).toEqual([]);
  expect(strayRequests, "requests that came when no mail was loading").toEqual([]);
  for (const l of lanes) {
    if (l.unattributed.length > 0) console.log(`browser.test: unattributed requests, ${l.side} ${l.mode}: ${l.unattributed.join(" ")}`);
  }
  for (const l of lanes.filter((l) => l.side === "output")) {
    expect(l.unattributed.filter((url) => isBlocked(url)), `unattributed, ${l.mode}`).toEqual([]);
  }
});
