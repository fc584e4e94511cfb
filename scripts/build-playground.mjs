// `npm run playground [-- OUT_DIR]`: builds playground/ into a folder of static files (default playground-dist/):
// the page, its style sheet, and one script bundling the library for the browser. Open OUT_DIR/index.html.
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(process.argv[2] ?? join(root, "playground-dist"));

await mkdir(out, { recursive: true });
await build({
  entry: { playground: join(root, "playground", "app.ts") },
  outDir: out,
  format: ["iife"],
  platform: "browser",
  target: "es2022",
  minify: true,
  dts: false,
  clean: false,
  sourcemap: false,
  splitting: false,
  silent: true,
  config: false,
  outExtension: () => ({ js: ".js" }),
  // Everything in one file: the page must work from disk, without a server or a CDN.
  noExternal: [/.*/],
});
for (const file of ["index.html", "playground.css"]) await copyFile(join(root, "playground", file), join(out, file));
if (process.argv[2] === undefined) process.stdout.write(`playground: open ${join(out, "index.html")}\n`);
