// The tree-model oracle: what parse5's tree builder (the WHATWG algorithm) builds at each start tag, against what
// the engine assumes there. Used by the differential property (test/engine/tree-model.differential.test.ts) and
// `npm run fuzz`.
//
// For every element parse5 builds from a start tag, the engine must have judged a start tag at the same offset,
// with the same name and namespace; and the engine must never read a start tag where parse5 reads text (the
// engine would then be in the wrong tokenizer state: raw text where a browser reads markup, or the reverse).
//
// Known, documented relaxations (each is neutralised elsewhere, and checked by the fetch oracle instead):
// - parse5 runs with scripting off, which is how htmlparser2 tokenizes `<noscript>`; scripting on (noscript as
//   raw text) is the engine's `noscript` fail-closed rules' job (ADVERSARIAL.md L5).
// - Comparison stops at the first HTML `<script>` start tag: htmlparser2 has no script-data escape states (L3),
//   and the built-in `fetching-element` detector always removes `<script>`, so its content never survives.
// - Comparison stops at the first `ambiguous-markup` warning: from there the engine failed closed (dropped the
//   construct), which the fetch oracle checks.
// - The engine also judges the text of raw-text elements and comments as if it were markup (defense in depth,
//   src/engine/ambiguous-markup.ts `tagShapedText`): elements it judges inside parse5's raw text are not compared.
// - Comparison stops at the first `<select>` and `<frameset>` parse5 builds. parse5 8 ignores svg/math and most
//   other start tags in a select (the pre-2025 rules); Chromium's customizable `<select>` builds them, and so does
//   the engine (ADVERSARIAL.md §1.2). A frameset document renders no body content: parse5 ignores `<svg>` in it,
//   the engine reads the svg (it cannot know whether the frameset was honoured), so it over-reads markup there.

import { parse, type DefaultTreeAdapterMap } from "parse5";
import { stripTrackingWithReport, type Detector } from "../../src/index.js";

type Node = DefaultTreeAdapterMap["node"];

export interface BuiltElement {
  readonly offset: number;
  readonly name: string;
  readonly namespace: "html" | "svg" | "math";
}

const namespaces: Readonly<Record<string, BuiltElement["namespace"]>> = {
  "http://www.w3.org/1999/xhtml": "html",
  "http://www.w3.org/2000/svg": "svg",
  "http://www.w3.org/1998/Math/MathML": "math",
};

const rawTextParents = new Set(["style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

/** The elements parse5 builds from start tags (by offset), and the spans it reads as text. */
export function parse5Reading(html: string): { elements: Map<number, BuiltElement>; text: [number, number, string][] } {
  const document = parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const elements = new Map<number, BuiltElement>();
  const text: [number, number, string][] = [];
  // Text anywhere inside a raw-text element (also inside the formatting elements `<plaintext>` text reopens).
  const walk = (node: Node, inRawText = false): void => {
    if ("tagName" in node) {
      const offset = node.sourceCodeLocation?.startTag?.startOffset;
      // Clones made by the adoption agency or by reconstructing formatting elements carry their original start
      // tag's location: keep the first element built at an offset.
      if (offset !== undefined && !elements.has(offset)) {
        elements.set(offset, { offset, name: node.tagName.toLowerCase().replaceAll("\uFFFD", "\0"), namespace: namespaces[node.namespaceURI] ?? "html" });
      }
      if (node.tagName === "template" && "content" in node) walk(node.content as Node, inRawText);
    } else if (node.nodeName === "#text" && node.sourceCodeLocation && !inRawText && !rawTextParents.has(node.parentNode?.nodeName ?? "")) {
      text.push([node.sourceCodeLocation.startOffset, node.sourceCodeLocation.endOffset, node.value]);
    }
    const holdsRawText = inRawText || ("tagName" in node && node.tagName === "plaintext");
    if ("childNodes" in node) for (const child of node.childNodes) walk(child as Node, holdsRawText);
  };
  walk(document as Node);
  return { elements, text };
}

/** The elements the engine judges (by offset), and where its comparison with parse5 must stop. */
export function engineReading(html: string): { elements: Map<number, BuiltElement>; stopAt: number } {
  const elements = new Map<number, BuiltElement>();
  const recorder: Detector = {
    name: "tree-recorder",
    detect(element) {
      if (!elements.has(element.offset)) {
        elements.set(element.offset, { offset: element.offset, name: element.name, namespace: element.namespace });
      }
      return undefined;
    },
  };
  const { report } = stripTrackingWithReport(html, {
    disable: ["pixel", "fetching-element", "click-tracking"],
    detectors: [recorder],
  });
  let stopAt = html.length;
  for (const warning of report.warnings) if (warning.code === "ambiguous-markup") stopAt = Math.min(stopAt, warning.offset);
  for (const element of elements.values()) {
    if (element.name === "script" && element.namespace === "html") stopAt = Math.min(stopAt, element.offset);
  }
  return { elements, stopAt };
}

/** Every place where the engine's model of the tree differs from parse5's, as readable lines (empty: none). */
export function treeDivergences(html: string): string[] {
  const browser = parse5Reading(html);
  const engine = engineReading(html);
  for (const built of browser.elements.values()) {
    if (built.namespace === "html" && (built.name === "select" || built.name === "frameset")) {
      engine.stopAt = Math.min(engine.stopAt, built.offset);
    }
  }
  const found: string[] = [];
  const show = (element: BuiltElement): string =>
    `${element.namespace === "html" ? "" : `${element.namespace}:`}${element.name}@${element.offset}`;
  for (const built of browser.elements.values()) {
    if (built.offset >= engine.stopAt) continue;
    const seen = engine.elements.get(built.offset);
    if (!seen) found.push(`parse5 builds ${show(built)}, the engine never judged it`);
    else if (seen.namespace !== built.namespace || seen.name !== built.name) {
      found.push(`parse5 builds ${show(built)}, the engine judged ${show(seen)}`);
    }
  }
  for (const seen of engine.elements.values()) {
    if (seen.offset >= engine.stopAt || browser.elements.has(seen.offset) || insideCdata(html, seen.offset)) continue;
    // parse5 merges adjacent text (around an ignored tag): only text that still holds the tag counts.
    const tag = `<${seen.name}`;
    const inText = browser.text.some(
      ([start, end, value]) => seen.offset >= start && seen.offset < end && value.toLowerCase().includes(tag),
    );
    if (inText) {
      found.push(`the engine judged ${show(seen)} where parse5 reads text`);
    }
  }
  return found;
}

/** True inside a `<![CDATA[` section: the engine reads its tail the way Blink's preload scanner does, on purpose. */
function insideCdata(html: string, offset: number): boolean {
  const open = html.lastIndexOf("<![CDATA[", offset);
  return open >= 0 && !html.slice(open, offset).includes("]]>");
}
