import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "cli/verify": "src/cli/verify.ts" },
  format: ["esm", "cjs"],
  // Types for the library only: the verify command is run, not imported (and a second entry doubles the DTS time).
  dts: { entry: { index: "src/index.ts" } },
  target: "node20",
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: false,
});
