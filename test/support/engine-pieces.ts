// Builds what the engine's deciding pieces take (a finished raw tag, an element view, a scope) from a snippet,
// so each piece can be tested on its own.

import { Tokenizer } from "htmlparser2";
import { ElementView } from "../../src/engine/element-view.js";
import { Output } from "../../src/engine/output.js";
import type { Scope } from "../../src/engine/plan.js";
import { OpenElement } from "../../src/engine/open-element.js";
import type { RawTag } from "../../src/engine/raw-tag.js";
import { TagCollector } from "../../src/engine/tag-collector.js";
import { resolveOptions } from "../../src/options.js";
import type { StripOptions } from "../../src/types.js";

/** The first start tag of `html` as the engine collects it, with the offset just past it. */
export function readStartTag(html: string): { tag: RawTag; end: number; selfClosing: boolean; input: Output } {
  const input = new Output(() => {});
  input.append(html);
  const collector = new TagCollector(input);
  let found: { tag: RawTag; end: number; selfClosing: boolean } | undefined;
  const finish = (endIndex: number, selfClosing: boolean): void => {
    const tag = collector.take();
    if (tag && !found) found = { tag, end: endIndex + 1, selfClosing };
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, {
    onopentagname: (start, end) => collector.openTag(start, end),
    onattribname: (start, end) => collector.attributeName(start, end),
    onattribdata: (start, end) => collector.attributeData(start, end),
    onattribentity: (codepoint) => collector.attributeEntity(codepoint),
    onattribend: (quote, end) => collector.attributeEnd(quote, end),
    onopentagend: (endIndex) => finish(endIndex, false),
    onselfclosingtag: (endIndex) => finish(endIndex, true),
    onclosetag() {},
    oncomment() {},
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    ontext() {},
    ontextentity() {},
    onend() {},
  });
  tokenizer.write(html);
  tokenizer.end();
  if (!found) throw new Error(`no start tag in ${html}`);
  return { ...found, input };
}

/** A scope over `input` with the given options; every other reading is the plain one unless overridden. */
export function scopeFor(input: Output, options?: StripOptions, overrides: Partial<Scope> = {}): Scope {
  return {
    config: resolveOptions(options),
    noscriptOpen: false,
    rawTextEnds: [],
    inCdata: false,
    baseHref: undefined,
    slice: (start, end) => input.slice(start, end),
    rawTextContext: () => undefined,
    inSelect: () => false,
    inHtmlElement: () => true,
    probe: () => false,
    ...overrides,
  };
}

/** The element detectors would see for `tag`, in HTML, at the top of the document. */
export function viewOf(tag: RawTag, scope: Scope): ElementView {
  return new ElementView(new OpenElement(tag.name, "html", tag.attributes, undefined), {
    ancestors: [],
    inConditionalComment: false,
    baseHref: scope.baseHref,
    recipients: scope.config.recipients,
    recipientsAsGiven: scope.config.recipientsAsGiven,
    preset: scope.config.preset,
  }, tag.start);
}
