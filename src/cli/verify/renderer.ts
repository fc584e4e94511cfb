// Loads one mail in headless Chromium as a mail client would show it, with JavaScript off and every request
// answered locally: what it fetched, which images a reader sees, and a screenshot.

import type { Browser, BrowserContext, Page, Route } from "playwright-core";

/** Where a mail is loaded, so relative URLs resolve as in a webmail frame. */
export const mailUrl = "https://mail.invalid/message/";

/** A 1x1 light grey PNG: the answer to every image request, so images show as grey boxes of their layout size. */
const greyPixel = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4AWO4cOHCfwAIVANwprTNaAAAAABJRU5ErkJggg==",
  "base64",
);

/** An image with a non-zero box that is not hidden: one a reader sees. */
export interface SeenImage {
  /** The URL it shows (`currentSrc`, else `src`), absolute. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/** What Chromium did with one mail at one width. */
export interface Rendering {
  /** Every URL requested, in order, the mail document itself excepted (duplicates kept once). */
  readonly requests: readonly string[];
  readonly images: readonly SeenImage[];
  readonly screenshot: Buffer;
  /** Why the load did not finish, when it did not. */
  readonly error?: string;
}

/** After `load`, wait until no request came for this long (late fetches: CSS backgrounds of laid-out boxes). */
const settleMs = 250;
/** Screenshots stop at this height, so a long mail makes a report page, not a poster. */
const maxShotHeight = 3000;

/** Runs in a document: the images it shows (`SeenImage[]`). A string, so it is sent as written (no bundler helpers). */
export const seenImagesScript = `(() => [...document.querySelectorAll("img, input[type=image]")].flatMap((el) => {
  const box = el.getBoundingClientRect();
  const visible = box.width > 0 && box.height > 0 &&
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const url = el.currentSrc || el.src || "";
  return visible && url !== "" ? [{ url, width: Math.round(box.width), height: Math.round(box.height) }] : [];
}))()`;

/** One page per width, reused for every mail. */
export class Renderer {
  private job: { requests: Set<string>; html: string; servedDocument: boolean; lastRequest: number } | undefined;

  private constructor(
    private readonly page: Page,
    readonly width: number,
  ) {}

  /** A renderer at `width` CSS pixels in `context` (which must have JavaScript off). */
  static async open(context: BrowserContext, width: number): Promise<Renderer> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    const renderer = new Renderer(page, width);
    page.on("dialog", (dialog) => void dialog.dismiss().catch(() => {}));
    await page.route("**/*", (route) => renderer.answer(route));
    return renderer;
  }

  /** A context as verify uses it: JavaScript off, device pixel ratio 1, offline except for our answers. */
  static context(browser: Browser): Promise<BrowserContext> {
    return browser.newContext({ javaScriptEnabled: false, deviceScaleFactor: 1, serviceWorkers: "block" });
  }

  private async answer(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    const job = this.job;
    const isMainNavigation = request.isNavigationRequest() && this.isMainFrame(route);
    if (job !== undefined && isMainNavigation && url === mailUrl && !job.servedDocument) {
      job.servedDocument = true;
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: Buffer.from(job.html, "utf8") });
      return;
    }
    // The browser's own favicon look-up is not the mail's doing.
    if (job !== undefined && url !== new URL("/favicon.ico", mailUrl).href && url !== "about:blank") {
      job.requests.add(url);
      job.lastRequest = Date.now();
    }
    // A meta refresh would leave the mail: it is recorded, and the mail stays on screen.
    if (isMainNavigation) await route.abort().catch(() => {});
    else if (request.resourceType() === "image") await route.fulfill({ status: 200, contentType: "image/png", body: greyPixel }).catch(() => {});
    else await route.fulfill({ status: 200, body: "" }).catch(() => {});
  }

  private isMainFrame(route: Route): boolean {
    try {
      return route.request().frame() === this.page.mainFrame();
    } catch {
      // The navigation of a frame that does not exist yet (an out-of-process iframe): not the main frame.
      return false;
    }
  }

  /** Loads `html` as the top-level document and reports what happened. */
  async render(html: string): Promise<Rendering> {
    const job = { requests: new Set<string>(), html, servedDocument: false, lastRequest: Date.now() };
    this.job = job;
    let error: string | undefined;
    try {
      await this.page.goto(mailUrl, { waitUntil: "load", timeout: 60_000 });
    } catch (e) {
      error = String(e).split("\n")[0];
    }
    await this.settle(job);
    const images = (await this.page.evaluate(seenImagesScript).catch(() => [])) as SeenImage[];
    const height = (await this.page.evaluate("document.documentElement.scrollHeight").catch(() => 800)) as number;
    const screenshot = await this.page.screenshot({
      fullPage: true,
      clip: { x: 0, y: 0, width: this.width, height: Math.max(1, Math.min(height, maxShotHeight)) },
      animations: "disabled",
      caret: "hide",
    });
    // The screenshot lays out the whole page: fetches that starts are the mail's too.
    await this.settle(job);
    this.job = undefined;
    await this.page.goto("about:blank").catch(() => {});
    return { requests: [...job.requests], images, screenshot, ...(error === undefined ? {} : { error }) };
  }

  private async settle(job: { lastRequest: number }): Promise<void> {
    job.lastRequest = Math.max(job.lastRequest, Date.now());
    const deadline = Date.now() + 5_000;
    while (Date.now() - job.lastRequest < settleMs && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
