import { defineConfig, type Options } from "tsup";

// The fb55 stack (htmlparser2, domhandler, entities, css-what, ...) is ESM-only: a `require()` of it fails where
// require(esm) is off (Node 20 before 20.19, `--no-experimental-require-module`, Jest). Bundling it makes both
// builds self-contained, and one bundled file also imports faster than a tree of small modules.
const bundled = [/^htmlparser2/, /^domhandler/, /^domutils/, /^dom-serializer/, /^domelementtype/, /^entities/, /^css-what/, /^@csstools\//, /^tldts/, /^@noble\/hashes/];

const entry = {
  index: "src/index.ts",
  nodemailer: "src/adapters/nodemailer.ts",
  mime: "src/adapters/mime.ts",
  node: "src/adapters/node-stream.ts",
  dom: "src/adapters/dom.ts",
};

// `npm run demo` skips declarations: they take most of the build time and the demo does not read them.
const dts = process.env.STRIP_TRACKING_NO_DTS !== "1";

const common: Options = { target: "node20", treeshake: true, sourcemap: false, noExternal: bundled, removeNodeProtocol: false };

export default defineConfig([
  { ...common, entry, format: ["esm", "cjs"], dts, splitting: true, clean: true },
  // The CLI, its worker and `verify`: ESM only, with a shebang kept from the source.
  { ...common, entry: { "cli/main": "src/cli/main.ts", "cli/worker": "src/cli/worker.ts", "cli/verify": "src/cli/verify.ts" }, format: ["esm"], dts: false, splitting: true, clean: false },
]);
