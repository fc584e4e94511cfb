import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "cli/verify": "src/cli/verify.ts" },
  format: ["esm", "cjs"],
  dts: true,
  target: "node20",
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: false,
});
