// The package's version, for `--version`.

import { createRequire } from "node:module";

/**
 * The version in the package's own package.json, asked for by the package's name (Node resolves a package's name
 * to itself): the same from whichever built chunk this code lands in.
 */
export function packageVersion(): string {
  return (createRequire(import.meta.url)("strip-tracking/package.json") as { version: string }).version;
}
