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
//     default preset): no request to a URL the report says was removed, and no request the input did not make;
//     and, with JavaScript off in frames 800 px and 375 px wide (a phone: `@media` applies), every image a reader
//     sees in the input is seen in the output unless the report names it as a tracker (issue 8, "Phones"); (d) the
//     same phone check on responsive patterns written for it (support/responsive-mails.ts).
//
// Quiet: nothing is printed; what a failure needs to be understood is in its assertion message.
//
// Skipped, with a message, when /usr/bin/chromium is absent (.ci/run installs Debian's `chromium`).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Frame, type Page, type Request, type Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absoluteUrl, unexplainedLosses } from "../../src/cli/verify/compare.js";
import { chromiumArgs } from "../../src/cli/verify/optional-deps.js";
import { type SeenImage, seenImagesScript } from "../../src/cli/verify/renderer.js";
import { type ReportEntry, type StripOptions, stripTracking, stripTrackingWithReport } from "../../src/index.js";
import { adversarialSections, fill, regressionInputs } from "../support/adversarial-cases.js";
import { adversarialResourceSections } from "../support/adversarial-resource-cases.js";
import { blockedFetches, isBlocked, T } from "../support/fetches.js";
import { responsiveMails, responsiveTracker } from "../support/responsive-mails.js";

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
// Hook timeouts below are generous on purpose: they bound a hang, not a speed (CPU contention on a shared 2-core
// machine stretched the hostile batch past 4 minutes once); nothing here asserts a time.
/** After `load`, wait until no request came for this long (late fetches: CSS backgrounds, srcset, refresh). */
const settleMs = 300;

// ---- the cases --------------------------------------------------------------------------------------------------

interface HostileCase {
  readonly title: string;
  /** The input, `$T` filled in. */
  readonly html: string;
}

const hostileCases: HostileCase[] = [
  ...[...adversarialSections, ...adversarialResourceSections].flatMap(([section, cases]) =>
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
  // @imports the CSS parser ignores and the preload scanner requests (test/support/fetches.test.ts, Chromium 156).
  ["style @import after /x", `<style>/x@import "$T";</style>`],
  ["style @import after //", `<style>//@import "$T";</style>`],
  ["style @import after @1", `<style>@1@import "$T";</style>`],
  ["style @import after a block and a string", `<style>@x{}"y";@import "$T";</style><p>kept</p>`],
  ["style @import unquoted", "<style>@import $T;</style>"],
  ["style @import unquoted to the end", "<style>@import $T</style>"],
  ["svg style @import after a block and a string", `<svg><style>@x{}"y";@import "$T";</style></svg>`],
  ["style @import after @-", "<style>@-@import $T;</style>"],
  ["style @import formed by cutting another out", `<style>@im@import "$T";port "$T";</style>`],
  ["style @import formed by cutting another out, no ;", `<style>@im@import "$T"port "$T";</style>`],
  ["style @import in a string", `<style>p:after{content:"@import $T"}</style><p>kept</p>`],
  // The scanner reads the text after a self-closing svg/math <style/> as style text, up to a </style>.
  ["svg self-closing style", `<svg><style/>@import "$T";</svg>`],
  ["math self-closing style", `<math><style/>@import "$T";</math>`],
  ["svg self-closing STYLE with a space", `<svg><STYLE />@import "$T";</svg>`],
  ["svg self-closing style, @import in a later paragraph", `<svg><style/></svg><p>@import "$T";</p>`],
  // An svg/math <style> is raw text to the scanner: a </style> in its CDATA ends it (adversarial review).
  ["svg style CDATA holding </style> and an img", "<svg><style><![CDATA[</style><img src=$T>]]></style></svg>"],
  ["math style CDATA holding </STYLE > and a link", "<math><style><![CDATA[</STYLE ><link rel=stylesheet href=$T>]]></style></math>"],
  ["svg style CDATA holding a base", "<svg><style><![CDATA[</style><base href=https://t.example/>]]></style></svg><img src=a.gif>"],
  // Cuts that joined the text around them into an end tag and a tag (adversarial review).
  ["cuts of scanner-only @imports form </style><img>", `<style><@import "$T"/style><@import "$T"img src=$T?leak></style><p>x</p>`],
  ["the same in a comment", `<style>/*<@import "$T"/style><@import "$T"img src=$T?leak>*/</style><p>x</p>`],
  ["a cut that would end a comment early", `<style>@x@import $T/*x;.a{background:url($T?bg)} */</style><p class=a>x</p>`],
].map(([title, html]) => ({ title: `Blink preload scanner: ${title!}`, html: fill(html!) }));

hostileCases.push(...preloadScannerCases);

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus", "real-tracked");
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
  /** The images a reader sees in the mail's document, when asked for. */
  readonly images?: SeenImage[];
  readonly error?: string;
}

/** One batch of mails on a tab. Requests are filed here by generation, so a late one never lands in a later batch. */
interface Job {
  readonly generation: number;
  readonly mails: readonly string[];
  readonly served: Set<number>;
  readonly requests: string[][];
  /** Navigation requests of frames not yet attached when they were issued: filed once the frames exist. */
  readonly pending: Request[];
  lastActivity: number;
}

/** How a batch is laid out: the width of each mail's frame (what `@media` sees), and whether to list seen images. */
interface LoadOptions {
  readonly width: number;
  readonly images: boolean;
}

/**
 * A reusable page that loads a batch of mails at once: a parent document at `documentUrl` holds one `<iframe>` per
 * mail, each mail served, byte for byte, as the frame's document `documentUrl + "mail-<i>/"` (a navigation per
 * mail would cost ~150 ms of CPU each; a frame costs a few). Every other request is recorded for the mail whose
 * frame (or a frame inside it) made it, and answered with an empty 200.
 *
 * Frames are named `mail-<generation>-<i>`, so that a request that arrives late (Playwright delivers route events
 * asynchronously; on a loaded machine, after the batch has settled) is filed under its own batch, not under the mail
 * with the same index in the next one. A navigation request may come before Playwright knows its frame (a
 * cross-site iframe inside a mail: `request.frame()` throws); it is filed once the batch has loaded, when the frame
 * exists. Both used to drop requests from a mail's record at random, failing the corpus check once in a while.
 */
class Tab {
  private current: Job | undefined;
  private readonly jobs = new Map<number, Job>();
  private generation = 0;

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

  private width = 100;

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    const job = this.current;
    if (job !== undefined && request.isNavigationRequest()) {
      if (url === documentUrl && !job.served.has(-1)) {
        job.served.add(-1);
        const frames = job.mails.map(
          (_, i) =>
            `<iframe name="mail-${job.generation}-${i}" src="${documentUrl}mail-${i}/" ` +
            `style="width:${this.width}px;height:60px;border:0"></iframe>`,
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
    const owner = this.mailOf(request);
    if (owner === "not-yet" && job !== undefined) {
      job.pending.push(request);
      job.lastActivity = Date.now();
    } else if (typeof owner === "object") {
      owner.job.requests[owner.i]!.push(url);
      owner.job.lastActivity = Date.now();
    } else if (job === undefined) {
      strayRequests.push(url);
    } else {
      this.lane.unattributed.push(url);
      job.lastActivity = Date.now();
    }
    await route.fulfill({ status: 200, body: "" }).catch(() => {});
  }

  /** The batch and mail whose frame made `request`: the child of the parent document that holds the frame. */
  private mailOf(request: Request): { job: Job; i: number } | "not-yet" | undefined {
    let frame: Frame | null;
    try {
      frame = request.frame();
    } catch {
      return request.isNavigationRequest() ? "not-yet" : undefined;
    }
    while (frame !== null && frame.parentFrame() !== null && frame.parentFrame() !== this.page.mainFrame()) {
      frame = frame.parentFrame();
    }
    const match = frame === null ? null : /^mail-(\d+)-(\d+)$/.exec(frame.name());
    const job = match ? this.jobs.get(Number(match[1])) : undefined;
    return match && job ? { job, i: Number(match[2]) } : undefined;
  }

  async load(mails: readonly string[], options: LoadOptions = { width: 100, images: false }): Promise<Loaded[]> {
    const started = Date.now();
    const generation = ++this.generation;
    const job: Job = {
      generation,
      mails,
      served: new Set<number>(),
      requests: mails.map((): string[] => []),
      pending: [],
      lastActivity: started,
    };
    this.jobs.set(generation, job);
    this.current = job;
    this.width = options.width;
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
    // Every frame of the batch exists now: file the navigations that came before their frame.
    for (const request of job.pending.splice(0)) {
      const owner = this.mailOf(request);
      if (typeof owner === "object") owner.job.requests[owner.i]!.push(request.url());
      else this.lane.unattributed.push(request.url());
    }
    const images = options.images ? await this.seenImages(job) : undefined;
    // Leave the document, so that nothing it does later lands in the next batch.
    await this.page.goto("about:blank").catch(() => {});
    this.current = undefined;
    const missing = mails.flatMap((_, i) => (job.served.has(i) ? [] : [i]));
    if (missing.length > 0) error = `${error ?? ""} mails never loaded: ${missing.join(",")}`.trim();
    return job.requests.map((requests, i) => ({
      requests,
      ...(images === undefined ? {} : { images: images[i]! }),
      ...(error === undefined ? {} : { error }),
    }));
  }

  /** The images a reader sees in each mail's document (not in frames inside it). */
  private async seenImages(job: Job): Promise<SeenImage[][]> {
    const frames = new Map(this.page.frames().map((frame) => [frame.name(), frame]));
    return Promise.all(
      job.mails.map(async (_, i) => {
        const frame = frames.get(`mail-${job.generation}-${i}`);
        return frame === undefined ? [] : ((await frame.evaluate(seenImagesScript).catch(() => [])) as SeenImage[]);
      }),
    );
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

/** One mail to load: in which lane, and (for the phone check) at which frame width, listing the images seen. */
interface LoadJob {
  readonly mode: Mode;
  readonly side: Side;
  readonly html: string;
  readonly view?: LoadOptions;
}

/** Runs `jobs` in batches of `batchSize` on the tabs of their lanes; results in the order of `jobs`. */
async function loadAll(jobs: readonly LoadJob[], batchSize: number): Promise<Loaded[]> {
  const results: Loaded[] = new Array(jobs.length);
  const runLane = async (l: Lane): Promise<void> => {
    // A batch holds mails of one view (frames of one width).
    const groups = new Map<string, number[]>();
    jobs.forEach((job, i) => {
      if (job.mode !== l.mode || job.side !== l.side) return;
      const key = JSON.stringify(job.view ?? null);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    const batches: number[][] = [];
    for (const mine of groups.values()) {
      for (let at = 0; at < mine.length; at += batchSize) batches.push(mine.slice(at, at + batchSize));
    }
    let next = 0;
    await Promise.all(
      l.tabs.map(async (tab) => {
        while (next < batches.length) {
          const batch = batches[next++]!;
          const loaded = await tab.load(
            batch.map((i) => jobs[i]!.html),
            jobs[batch[0]!]!.view,
          );
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
    args: [...chromiumArgs],
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
}, 300_000);

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
  }, 900_000);

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
    const summary =
      `unstripped inputs that fetch t.example in Chromium: ${on.length}/${hostileCases.length} with JavaScript on, ` +
      `${off.length}/${hostileCases.length} with it off, ${either.length} in either mode; parse5 sees a fetch but ` +
      `Chromium makes none: ${oracleOnly.length}; Chromium fetches but parse5 sees none: ${browserOnly.length}`;
    expect(on.length, summary).toBeGreaterThanOrEqual(200);
    expect(off.length, summary).toBeGreaterThanOrEqual(200);
  });
});

// ---- (c) the real corpus --------------------------------------------------------------------------------------------

/** A URL as Chromium requests it (resolved, no fragment, `http:` upgraded to `https:` in an https document). */
const absolute = absoluteUrl;

/**
 * How the corpus is loaded: JavaScript on in frames 800 px wide; JavaScript off in frames 800 px and 375 px wide (a
 * phone: `@media (max-width: ...)` rules apply), where the images a reader sees are listed too.
 */
const corpusViews = [
  { name: "js-on 800px", mode: "js-on", view: { width: 800, images: false } },
  { name: "js-off 800px", mode: "js-off", view: { width: 800, images: true } },
  { name: "js-off 375px", mode: "js-off", view: { width: 375, images: true } },
] as const;
type ViewName = (typeof corpusViews)[number]["name"];

interface CorpusResult {
  readonly findings: readonly ReportEntry[];
  readonly removed: Set<string>;
  readonly rewritten: Set<string>;
  readonly input: Partial<Record<ViewName, Loaded>>;
  readonly output: Partial<Record<ViewName, Loaded>>;
  readonly errors: string[];
}

/** Strips `mails` (name, html) and loads inputs and outputs in every corpus view. */
async function loadCorpus(mails: readonly (readonly [string, string])[], stripOptions: StripOptions = {}): Promise<Map<string, CorpusResult>> {
  const results = new Map<string, CorpusResult>();
  const stripped = new Map(mails.map(([name, html]) => [name, stripTrackingWithReport(html, stripOptions)]));
  const jobs = mails.flatMap(([name, html]) =>
    corpusViews.flatMap(({ name: view, mode, view: options }) => [
      { name, mode, side: "input" as const, html, view: options, viewName: view },
      { name, mode, side: "output" as const, html: stripped.get(name)!.html, view: options, viewName: view },
    ]),
  );
  const loaded = await loadAll(jobs, corpusBatch);
  for (const [name] of mails) {
    const { html: output, report } = stripped.get(name)!;
    const urls = (keep: (entry: ReportEntry) => boolean, field: "url" | "newUrl"): Set<string> =>
      new Set(
        report.findings
          .filter((entry) => keep(entry) && entry[field] !== undefined)
          .map((entry) => absolute(entry[field]!))
          .filter((url): url is string => url !== undefined),
      );
    // A URL removed from one element may stay, legitimately, in another that was not judged (a `rel=preload`
    // hint removed, the stylesheet it preloads kept): those are not counted as removed.
    const removedHere = (entry: ReportEntry): boolean => entry.action.startsWith("removed-");
    const stillWritten = (entry: ReportEntry): boolean => entry.url !== undefined && output.includes(entry.url);
    results.set(name, {
      findings: report.findings,
      removed: urls((entry) => removedHere(entry) && !stillWritten(entry), "url"),
      rewritten: urls((entry) => entry.action === "rewrote-url", "newUrl"),
      input: {},
      output: {},
      errors: [],
    });
  }
  jobs.forEach(({ name, side, viewName }, i) => {
    const result = results.get(name)!;
    result[side][viewName] = loaded[i]!;
    if (loaded[i]!.error !== undefined) result.errors.push(`${side} ${viewName}: ${loaded[i]!.error}`);
  });
  // Scripts and late style make some requests only sometimes (timers, a loaded machine): a request the output made
  // and one load of the input did not is not "new" until the input, loaded twice more, never makes it either.
  for (let retry = 0; retry < 2; retry++) {
    const again = jobs.filter(({ name, side, viewName }) => side === "input" && newRequests(results.get(name)!, viewName).length > 0);
    if (again.length === 0) break;
    const reloaded = await loadAll(again, corpusBatch);
    again.forEach(({ name, viewName }, i) => {
      const input = results.get(name)!.input;
      input[viewName] = { ...input[viewName]!, requests: [...input[viewName]!.requests, ...reloaded[i]!.requests] };
    });
  }
  return results;
}

/** Requests the output made in a view that the input did not (URLs the report says were rewritten excepted). */
function newRequests(result: CorpusResult, view: ViewName): string[] {
  const before = new Set(result.input[view]!.requests.map((url) => absolute(url) ?? url));
  return result.output[view]!.requests.map((url) => absolute(url) ?? url).filter((url) => !before.has(url) && !result.rewritten.has(url));
}

/** Images a reader sees at a width in the input and not in the output, that no finding names as a tracker. */
function phoneLosses(result: CorpusResult): string[] {
  return corpusViews
    .filter(({ view }) => view.images)
    .flatMap(({ name }) =>
      unexplainedLosses(result.findings, result.input[name]?.images ?? [], result.output[name]?.images ?? []).map(
        (url) => `${name}: ${url}`,
      ),
    );
}

describe.skipIf(!browserAvailable || corpusFiles.length === 0)(`Chromium on the real corpus (${corpusDir})`, () => {
  let results = new Map<string, CorpusResult>();

  beforeAll(async () => {
    results = await loadCorpus(corpusFiles);
  }, 1_200_000);

  it.each(corpusFiles.map(([name]) => [name]))("%s: no request to a removed URL, nothing new", (name) => {
    const result = results.get(name)!;
    // A page that did not finish loading may not have made all its requests: both checks below need them all.
    expect(result.errors, "load errors").toEqual([]);
    for (const { name: view } of corpusViews) {
      const made = result.output[view]!.requests.map((url) => absolute(url) ?? url);
      const toRemoved = made.filter((url) => result.removed.has(url));
      expect(toRemoved, `${view}: requests to removed URLs: ${JSON.stringify(toRemoved)}`).toEqual([]);
      const added = newRequests(result, view);
      expect(added, `${view}: requests the input did not make: ${JSON.stringify(added)}`).toEqual([]);
    }
  });

  // Issue 8, "Phones": most mail is read on a phone, where `@media` reveals blocks that are hidden on a desktop.
  it.each(corpusFiles.map(([name]) => [name]))("%s: every image a reader sees at 800 px and 375 px stays, unless the report names it as a tracker", (name) => {
    const result = results.get(name)!;
    expect(result.errors, "load errors").toEqual([]);
    expect(phoneLosses(result)).toEqual([]);
  });

  it("the corpus checks are not vacuous: the inputs fetch removed URLs, and phones see other images than desktops", () => {
    const fetchingRemoved = [...results.values()].filter((result) =>
      result.input["js-on 800px"]!.requests.some((url) => result.removed.has(absolute(url) ?? url)),
    );
    expect(fetchingRemoved.length).toBeGreaterThan(results.size / 4);
    const phoneOnly = [...results.values()].filter((result) => {
      const desktop = new Set(result.input["js-off 800px"]!.images!.map((image) => image.url));
      return result.input["js-off 375px"]!.images!.some((image) => !desktop.has(image.url));
    });
    expect(phoneOnly.length).toBeGreaterThan(0);
  });
});

// ---- (d) responsive patterns, written for this check -------------------------------------------------------------

describe.skipIf(!browserAvailable)("Chromium: responsive mails keep every image a phone or a desktop shows", () => {
  let results = new Map<string, CorpusResult>();

  beforeAll(async () => {
    results = await loadCorpus(responsiveMails.map(({ title, html }) => [title, html] as const));
  }, 600_000);

  it.each(responsiveMails.map((mail) => [mail.title, mail] as const))("%s", (title, mail) => {
    const result = results.get(title)!;
    expect(result.errors, "load errors").toEqual([]);
    // The fixture shows what it says it shows (else the check proves nothing) ...
    const seen = (view: ViewName, side: "input" | "output"): string[] =>
      result[side][view]!.images!.map((image) => image.url).sort();
    expect(seen("js-off 375px", "input"), "images a phone shows").toEqual(mail.phone.map((url) => absolute(url)).sort());
    expect(seen("js-off 800px", "input"), "images a desktop shows").toEqual(mail.desktop.map((url) => absolute(url)).sort());
    // ... and every image a reader sees stays, while the tracker goes.
    expect(phoneLosses(result)).toEqual([]);
    expect(result.removed, "removed URLs").toEqual(new Set([absolute(responsiveTracker)]));
  });
});

// ---- (e) two readers, one email (issue 8): after stripping, Chromium makes the same requests for both -----------

const pairsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "recipient-pairs");
const pairRecipients = JSON.parse(readFileSync(join(pairsDir, "recipients.json"), "utf8")) as Record<string, { a: string; b: string }>;
const pairNames = Object.keys(pairRecipients).sort();

describe.skipIf(!browserAvailable)("Chromium: two readers of the same mail make the same requests once it is stripped", () => {
  const requests = new Map<string, string[]>();

  beforeAll(async () => {
    const jobs = pairNames.flatMap((name) =>
      (["a", "b"] as const).flatMap((reader) => {
        const input = readFileSync(join(pairsDir, `${name}.${reader}.html`), "utf8");
        const output = stripTracking(input, { recipient: pairRecipients[name]![reader] });
        return modes.flatMap((mode) => [
          { key: `${name} ${reader} ${mode} input`, mode, side: "input" as const, html: input },
          { key: `${name} ${reader} ${mode} output`, mode, side: "output" as const, html: output },
        ]);
      }),
    );
    const loaded = await loadAll(jobs, corpusBatch);
    jobs.forEach(({ key }, i) => requests.set(key, [...new Set(loaded[i]!.requests.map((url) => absolute(url) ?? url))].sort()));
  }, 600_000);

  it.each(pairNames.flatMap((name) => modes.map((mode) => [name, mode] as const)))("%s (%s)", (name, mode) => {
    const of = (reader: "a" | "b", side: "input" | "output"): string[] => requests.get(`${name} ${reader} ${mode} ${side}`)!;
    expect(of("a", "output")).toEqual(of("b", "output"));
  });

  it("is not vacuous: most unstripped pairs fetch different URLs on open (print, :hover and Outlook-only ones do not)", () => {
    const telling = pairNames.filter((name) =>
      modes.every((mode) => JSON.stringify(requests.get(`${name} a ${mode} input`)) !== JSON.stringify(requests.get(`${name} b ${mode} input`))),
    );
    expect(telling.length).toBeGreaterThanOrEqual(pairNames.length - 3);
  });
});

// Runs last, over the whole file: connections that went around request interception, per browser context.
it.skipIf(!browserAvailable)("nothing went around request interception to t.example (refusing proxies)", () => {
  const summary = [
    `browser: ${JSON.stringify([...new Set(browserProxy.lines)])}`,
    ...lanes.map((l) => `${l.side} ${l.mode}: ${JSON.stringify([...new Set(l.proxy.lines)])}`),
  ];
  const blocked = (lines: readonly string[]): string[] => lines.filter((line) => /t\.example/i.test(line));
  expect(blocked(browserProxy.lines), summary.join("; ")).toEqual([]);
  for (const l of lanes.filter((l) => l.side === "output")) expect(blocked(l.proxy.lines), summary.join("; ")).toEqual([]);
  expect(strayRequests, "requests that came when no mail was loading").toEqual([]);
  for (const l of lanes.filter((l) => l.side === "output")) {
    expect(l.unattributed.filter((url) => isBlocked(url)), `unattributed, ${l.mode}`).toEqual([]);
  }
});
