// Builds dist/ only when a source is newer than it, so `npm run demo` on a built tree starts at once.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const built = join(root, "dist", "index.js");

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const inputs = ["src", "tsup.config.ts", "package.json"].map((path) => join(root, path));
const stale = !existsSync(built) || inputs.some((input) => existsSync(input) && newest(input) > statSync(built).mtimeMs);
if (stale) execFileSync("npx", ["tsup", "--silent"], { cwd: root, stdio: "inherit" });
