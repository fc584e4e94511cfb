// The splice invariant (issue 6, item 4): a removal never changes how the bytes around it tokenize. Tokenizing the
// output yields a subsequence of the input's tokens (start tags, end tags, comments, CDATA, declarations):
// removed ones may go, nothing new may appear. Both sides are read by the same tokenizer (htmlparser2's, with no
// foreign context rules of a browser), and comments are compared by kind only, since their bodies are
// stripped. The tokenizer is told when it is in svg/math content by the engine's own tree simulator, so that
// both sides are read with the same raw-text rules (the tree model itself is proved against parse5 in
// tree-model.differential.test.ts). Fixed seed; FUZZ_RUNS=<n> (or `npm run fuzz`) runs it longer.

import { fc, test } from "@fast-check/vitest";
import { Tokenizer } from "htmlparser2";
import { describe, expect } from "vitest";
import { OpenElement } from "../../src/engine/open-element.js";
import { OpenElements } from "../../src/engine/open-elements.js";
import { stripTracking } from "../../src/index.js";
import { treeSoup } from "../support/tree-arbitraries.js";

const fuzzRuns = Number(process.env["FUZZ_RUNS"] ?? "0");
const seed = Number(process.env["FUZZ_SEED"] ?? "20261202");
const options = { block: [{ url: "t.example" }] };

/** The tokens of `html`: tag names and construct kinds, in order. */
function tokens(html: string): string[] {
  const found: string[] = [];
  const noop = (): void => {};
  const tree = new OpenElements();
  let name = "";
  const open = (selfClosing: boolean): void => {
    const namespace = tree.prepareStartTag(name, []);
    tree.push(new OpenElement(name, namespace, [], undefined), selfClosing);
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: () => found.push("cdata"),
      onclosetag: (start, end) => {
        found.push(`/${html.slice(start, end).toLowerCase()}`);
        tree.end(html.slice(start, end).toLowerCase());
      },
      oncomment: () => found.push("comment"),
      ondeclaration: () => found.push("declaration"),
      onend: noop,
      onopentagend: () => open(false),
      onopentagname: (start, end) => {
        name = html.slice(start, end).toLowerCase();
        found.push(name);
      },
      onprocessinginstruction: () => found.push("pi"),
      onselfclosingtag: () => open(true),
      isInForeignContext: () => tree.isInForeignContent(),
      ontext: noop,
      ontextentity: noop,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return found;
}

/** The first token of `output` that is not matched, in order, in `input`; undefined when it is a subsequence. */
function newToken(input: readonly string[], output: readonly string[]): string | undefined {
  let i = 0;
  for (const token of output) {
    while (i < input.length && input[i] !== token) i++;
    if (i === input.length) return token;
    i++;
  }
  return undefined;
}

const removable = fc.constantFrom(
  "<img src=https://t.example/p.gif width=1 height=1>",
  "<script></script>",
  "<script src=https://t.example/s.js></script>",
  "<iframe src=x></iframe>",
  "<img src=https://t.example/p.gif>",
  '<div style="background:url(https://t.example/p.gif)">x</div>',
);
const joiner = fc.constantFrom("<", "<!", "-", "--", "->", "]", "]]", "]>", ">", "!--", "img src=https://t.example/q.gif>", "/p>", "x");
const wrapper = fc.constantFrom(["", ""], ["<!--[if mso]>", "<![endif]-->"], ["<svg><![CDATA[>", "]]></svg>"], ["<div>", "</div>"]);

const spliceSoup = fc
  .tuple(wrapper, fc.array(fc.oneof({ arbitrary: removable, weight: 2 }, { arbitrary: joiner, weight: 3 }, { arbitrary: treeSoup, weight: 1 }), { maxLength: 12 }))
  .map(([[open, close], parts]) => open + parts.join("") + close);

describe("splice invariant: stripping adds no token", () => {
  test.prop([spliceSoup], { seed, numRuns: fuzzRuns > 0 ? fuzzRuns : 1000 })("generated removals and joins", (html) => {
    const output = stripTracking(html, options);
    expect(newToken(tokens(html), tokens(output)), JSON.stringify({ html, output })).toBeUndefined();
  });
});
