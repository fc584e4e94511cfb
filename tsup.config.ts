import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

// The fb55 stack (htmlparser2, domhandler, entities, css-what, ...) is ESM-only: a `require()` of it fails where
// require(esm) is off (Node 20 before 20.19, `--no-experimental-require-module`, Jest). Bundling it makes both
// builds self-contained, and one bundled file also imports faster than a tree of small modules.
const bundled = [/^htmlparser2/, /^domhandler/, /^domutils/, /^dom-serializer/, /^domelementtype/, /^entities/, /^css-what/, /^@csstools\//, /^tldts/, /^@noble\/hashes/];

/** Where the stand-in modules below resolve the packages they name from. */
const root = dirname(fileURLToPath(import.meta.url));

/**
 * Bundled packages evaluated on first use instead of at import, with the functions the sources import from them.
 * tldts (its public-suffix trie is a fifth of the bundle) is needed only for a host that contains a label some
 * "name.*" rule names: imported as is, it cost every import ~8 ms of CPU compiling and building the trie.
 * @noble/hashes' MD5, SHA-1 and SHA-2 are needed only with the `recipient` option (~1 ms).
 * test/suites/bundle-layout.test.ts checks the built entries answer as the sources do.
 */
const lazy: Readonly<Record<string, readonly string[]>> = {
  tldts: ["getDomainWithoutSuffix", "parse"],
  "@noble/hashes/legacy.js": ["md5", "sha1"],
  "@noble/hashes/sha2.js": ["sha224", "sha256", "sha384", "sha512"],
};

/**
 * Gives the sources' `import { f } from "pkg"` a stand-in module whose `f` loads the package on its first call.
 * The stand-in's `require` names a bundled ES module, so esbuild compiles it to a call of the module's lazy init
 * (`__esm`): nothing of `require` is left in the output, the call stays synchronous, and V8 only pre-parses the
 * package's code until then. The sources (and vitest, which runs them) import the package as usual.
 */
function lazyPackages(): Plugin {
  return {
    name: "lazy-packages",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) =>
        args.namespace === "lazy-package" || !Object.hasOwn(lazy, args.path) ? undefined : { path: args.path, namespace: "lazy-package" },
      );
      build.onLoad({ filter: /.*/, namespace: "lazy-package" }, (args) => ({
        resolveDir: root,
        loader: "js",
        contents: [
          "let loaded;",
          `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
          ...lazy[args.path]!.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
        ].join("\n"),
      }));
    },
  };
}

/**
 * The engine's `import { Tokenizer, QuoteType } from "htmlparser2"` read from htmlparser2's Tokenizer module alone.
 * Through the package's index they would tie that index (and with it Parser, domhandler and parseDocument, which
 * only the dom adapter uses) to every entry: esbuild puts a file shared by two entries, with all it imports, in
 * the chunk they share. The engine imports nothing else from htmlparser2; anything else fails the build here.
 */
function tokenizerOnly(): Plugin {
  const tokenizer = join(dirname(createRequire(join(root, "package.json")).resolve("htmlparser2")), "Tokenizer.js");
  return {
    name: "tokenizer-only",
    setup(build) {
      build.onResolve({ filter: /^htmlparser2$/ }, (args) =>
        args.importer.replaceAll("\\", "/").includes("/src/engine/") ? { path: "htmlparser2", namespace: "tokenizer-only" } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "tokenizer-only" }, () => ({
        resolveDir: root,
        loader: "js",
        contents: `export { default as Tokenizer, QuoteType } from ${JSON.stringify(tokenizer)};`,
      }));
    },
  };
}

const entry = {
  index: "src/index.ts",
  nodemailer: "src/adapters/nodemailer.ts",
  mime: "src/adapters/mime.ts",
  node: "src/adapters/node-stream.ts",
  dom: "src/adapters/dom.ts",
};

// `npm run demo` skips declarations: they take most of the build time and the demo does not read them.
const dts = process.env.STRIP_TRACKING_NO_DTS !== "1";

/**
 * Keeps every output file ASCII. One non-ASCII character anywhere in a file (a "§" in a bundled comment) makes V8
 * hold and scan the whole source as two-byte text, which cost ~4 ms of every cold import. esbuild's `charset:
 * "ascii"` escapes strings, regular expressions and identifiers; what is left is in comments, where an escape is
 * just text. test/suites/bundle-layout.test.ts checks the built files.
 */
function asciiOutput(): NonNullable<Options["plugins"]>[number] {
  return {
    name: "ascii-output",
    esbuildOptions: (options) => {
      options.charset = "ascii";
    },
    renderChunk: (code) => ({
      code: code.replace(/[^\0-\x7f]/gu, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`),
    }),
  };
}

const common: Options = {
  target: "node20",
  treeshake: true,
  sourcemap: false,
  noExternal: bundled,
  removeNodeProtocol: false,
  esbuildPlugins: [lazyPackages(), tokenizerOnly()],
  plugins: [asciiOutput()],
};

export default defineConfig([
  { ...common, entry, format: ["esm", "cjs"], dts, splitting: true, clean: true },
  // The CLI, its worker and `verify`: ESM only, with a shebang kept from the source.
  { ...common, entry: { "cli/main": "src/cli/main.ts", "cli/worker": "src/cli/worker.ts", "cli/verify": "src/cli/verify.ts" }, format: ["esm"], dts: false, splitting: true, clean: false },
]);
