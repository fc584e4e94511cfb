// verify drives a browser and compares screenshots; the library itself must not depend on either, so these are
// optional peer dependencies, loaded only when verify runs.

import type { Browser } from "playwright-core";

/** The optional packages verify needs. */
export interface VerifyDeps {
  readonly launch: (executablePath: string) => Promise<Browser>;
  readonly pixelmatch: typeof import("pixelmatch").default;
  readonly PNG: typeof import("pngjs").PNG;
}

/** The command that installs what verify needs. */
export const installHint = "npm install --save-dev playwright-core pixelmatch pngjs";

/** Chromium's switches: no sandbox (containers), no background traffic of the browser itself. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--hide-scrollbars",
  "--font-render-hinting=none",
];

/** Imports a package by name (a parameter so that tests can play a machine without it). */
type Importer = (name: string) => Promise<unknown>;

/** Loads the optional packages; lists the missing ones instead when any cannot be imported. */
export async function loadVerifyDeps(
  importer: Importer = (name) => import(name),
): Promise<VerifyDeps | { readonly missing: readonly string[] }> {
  const missing: string[] = [];
  const load = async <T>(name: string, load: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await load();
    } catch {
      missing.push(name);
      return undefined;
    }
  };
  const playwright = await load("playwright-core", () => importer("playwright-core") as Promise<typeof import("playwright-core")>);
  const pixelmatch = await load("pixelmatch", () => importer("pixelmatch") as Promise<typeof import("pixelmatch")>);
  const pngjs = await load("pngjs", () => importer("pngjs") as Promise<typeof import("pngjs")>);
  if (playwright === undefined || pixelmatch === undefined || pngjs === undefined) return { missing };
  return {
    launch: (executablePath) => playwright.chromium.launch({ executablePath, args: chromiumArgs, timeout: 60_000 }),
    pixelmatch: pixelmatch.default,
    PNG: pngjs.PNG ?? (pngjs as unknown as { default: typeof import("pngjs") }).default.PNG,
  };
}
