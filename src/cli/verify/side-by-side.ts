// before | after | difference, as one PNG: what a reader of the report compares at a glance.

import type { PNG as PNGClass } from "pngjs";
import type { VerifyDeps } from "./optional-deps.js";

/** Pixels between the three panels. */
const gap = 8;

/** The composed image and how many pixels differ between before and after. */
export interface SideBySide {
  readonly png: Buffer;
  readonly changedPixels: number;
}

/** Puts `before`, `after` and their pixelmatch difference side by side (screenshots of one width). */
export function sideBySide(deps: Pick<VerifyDeps, "PNG" | "pixelmatch">, before: Buffer, after: Buffer): SideBySide {
  const { PNG, pixelmatch } = deps;
  const a = PNG.sync.read(before);
  const b = PNG.sync.read(after);
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const left = pad(PNG, a, width, height);
  const right = pad(PNG, b, width, height);
  const diff = new PNG({ width, height });
  const changedPixels = pixelmatch(left.data, right.data, diff.data, width, height, { threshold: 0.1, alpha: 0.3 });
  const out = new PNG({ width: width * 3 + gap * 2, height });
  out.data.fill(255);
  for (const [panel, x] of [[left, 0], [right, width + gap], [diff, 2 * (width + gap)]] as const) {
    PNG.bitblt(panel, out, 0, 0, width, height, x, 0);
  }
  return { png: PNG.sync.write(out), changedPixels };
}

/** `image` on a white canvas of `width` x `height` (screenshots of a shorter page are shorter). */
function pad(PNG: typeof PNGClass, image: PNGClass, width: number, height: number): PNGClass {
  if (image.width === width && image.height === height) return image;
  const canvas = new PNG({ width, height });
  canvas.data.fill(255);
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas;
}
