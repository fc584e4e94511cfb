// The single-pass engine. It drives htmlparser2's Tokenizer, keeps a light model of the tree, asks the judge
// about each element, and has `Output` copy the input through with only the edited spans replaced. Every
// position is an offset into the whole input.

import { QuoteType, Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { removeSpans } from "../css/remove-spans.js";
import { foreignStyleText } from "../html/foreign-style-text.js";
import { isHtmlSpace } from "../html/whitespace.js";
import type { Report, Resource, StyleDeclaration, Warning } from "../types.js";
import { resolveUrl } from "../url/resolve-url.js";
import { type EngineConfig } from "./config.js";
import { type ElementContext, ElementView } from "./element-view.js";
import {
  baseInCdata,
  cdataInHtmlContent,
  heldRawText,
  markupInForeignStyle,
  nestingLimit,
  noscriptAttributeVerdict,
  noscriptEndInAttributes,
  noscriptEndInComment,
  quotedEndTag,
  rawTextContext,
  rawTextInAmbiguousContext,
  styleInAmbiguousContext,
  tagShapedText,
  type Verdict,
} from "./ambiguous-markup.js";
import { rawTextElements } from "./html-elements.js";
import { type Decision, judge } from "./judge.js";
import { type OpenElement, OpenElements } from "./open-elements.js";
import { LineIndex } from "./line-index.js";
import { Output } from "./output.js";
import { attributeRecord, type RawAttribute, type RawTag } from "./raw-tag.js";
import { ownedEntry, reportEntries } from "./report-entry.js";
import { ReportLog } from "./report-log.js";
import { type LocatedResource, stylesheetResources } from "./resources.js";
import { type AttributeOutcome, editTag, type ResourceEdit } from "./tag-editor.js";
import { hidingReason, inlineStyle } from "./visibility.js";
import { StyleRules } from "./style-rules.js";

/** Where a nested run (the body of a conditional comment) sits in the document. */
export interface EngineContext {
  /** The open elements the run starts inside; the run changes its own copy. */
  readonly openElements: OpenElements;
  readonly baseHref: string | undefined;
  readonly inConditionalComment: boolean;
  /** True inside the tail of a CDATA section, which only some browser readers see as markup. */
  readonly inCdata: boolean;
  /** Offset of the nested input in the whole document, so report offsets stay document offsets. */
  readonly offset: number;
  readonly depth: number;
  /** Size and hiding rules of earlier `<style>` blocks, shared with nested runs. */
  readonly styleRules?: StyleRules;
  /** The report lines of the whole run, shared by nested runs. */
  readonly findings: ReportLog;
  /** Line and column of the whole input, shared by nested runs (only the outermost run feeds it). */
  readonly lines?: LineIndex;
}

/** An attribute while the tokenizer reads it: it becomes the `RawAttribute` itself once its end is known. */
interface AttributeInProgress {
  name: string;
  nameStart: number;
  valueStart: number;
  valueEnd: number;
  end: number;
  quote: QuoteType;
  value: string;
}

interface HeldStyle {
  readonly tag: RawTag;
  /** An svg/math <style>: its text is markup (entities, CDATA), not raw text. */
  readonly foreign: boolean;
  /** Offset just past the start tag. */
  readonly contentStart: number;
  readonly view: ElementView;
}

/** An HTML raw-text element (not `<style>`, not `<script>`) whose text is held until its end tag. */
interface HeldRawText {
  readonly name: string;
  /** Offset just past the start tag. */
  readonly contentStart: number;
  /** The text outgrew the buffer limit: it is dropped, whatever it holds. */
  overflowed: boolean;
}

interface PendingEndTag {
  /** Offset of `</`. */
  readonly start: number;
  readonly nameEnd: number;
  readonly name: string;
  /** Where the search for its `>` goes on: no input is scanned twice. */
  searchFrom: number;
}

const conditionalCommentStart = /^\s*\[if\s[^\]]*\]>/i;
const conditionalCommentEnd = /<!\[endif\]\s*$/i;
const commentUrl = /(?:https?:)?\/\/[^\s"'<>()]+/gi;
const maxInheritedDepth = 512;

export class Engine implements TokenizerCallbacks {
  private readonly tokenizer: Tokenizer;
  private readonly tree: OpenElements;
  private readonly findings: ReportLog;
  private readonly warnings: Warning[] = [];

  private readonly output: Output;
  /** Line and column of findings, counted as the input passes. */
  private readonly lines: LineIndex;
  /** The outermost run feeds the line index and forgets what it no longer holds; nested runs only read it. */
  private readonly ownsLines: boolean;
  /** End of the last complete construct: the input before it is decided. */
  private safe = 0;

  /** Depth of the element being removed (its content is dropped until it closes); -1 when none. */
  private removalDepth = -1;
  /** Name and start of the element being removed. */
  private removalName = "";
  private removalStart = 0;
  /** The element being removed broke out of svg/math: its tags stay (bare), only its content goes. */
  private removalKeepsEndTag = false;
  /** A `<noscript>` start tag was seen and no `</noscript>` yet: with scripting on, this is all raw text. */
  private noscriptOpen = false;
  /** The construct in progress outgrew the buffer limit: it is dropped when it completes. */
  private discarding = false;

  private tag: RawTag | undefined;
  private attribute: AttributeInProgress | undefined;
  private endTag: PendingEndTag | undefined;
  private style: HeldStyle | undefined;
  private rawText: HeldRawText | undefined;
  private baseHref: string | undefined;
  private ended = false;
  private readonly styleRules: StyleRules;
  /** The open elements nested runs start inside, for one state of the stack (see `nestedAncestors`). */
  private sharedElementContext: ElementContext | undefined;
  private inheritedTree: { readonly version: number; readonly tree: OpenElements } | undefined;

  constructor(
    private readonly config: EngineConfig,
    sink: (chunk: string) => void,
    private readonly context: EngineContext = {
      openElements: new OpenElements(),
      baseHref: undefined,
      inConditionalComment: false,
      inCdata: false,
      offset: 0,
      depth: 0,
      findings: new ReportLog(config.onFinding),
    },
  ) {
    this.findings = context.findings;
    this.output = new Output(sink, context.depth > 0);
    this.ownsLines = context.lines === undefined;
    this.lines = context.lines ?? new LineIndex(context.offset);
    this.tree = context.openElements.clone();
    this.baseHref = context.baseHref;
    this.styleRules = context.styleRules ?? new StyleRules();
    this.tokenizer = new Tokenizer({ decodeEntities: true }, this);
  }

  write(chunk: string): void {
    if (this.ended) throw new Error("strip-tracking: write() after end()");
    if (typeof chunk !== "string") throw new TypeError("strip-tracking: write() takes a string chunk");
    if (chunk === "") return;
    this.output.append(chunk);
    if (this.ownsLines) this.lines.append(chunk);
    this.resolveEndTag();
    this.tokenizer.write(chunk);
    this.enforceLimit();
    this.flush(this.discarding ? this.output.total : this.safe);
  }

  end(): Report {
    if (this.ended) throw new Error("strip-tracking: end() called twice");
    this.tokenizer.end();
    this.ended = true;
    this.finishAtEof();
    this.flush(this.output.total);
    const truncation = this.context.depth === 0 ? this.findings.truncation() : undefined;
    if (truncation) this.warnings.push(truncation);
    return {
      preset: this.config.preset,
      changed: this.output.changed,
      findings: this.findings.findings,
      warnings: this.warnings,
    };
  }

  // ---- tokenizer callbacks -------------------------------------------------------------------------------

  isInForeignContext(): boolean {
    return this.tree.isInForeignContent();
  }

  ontext(_start: number, endIndex: number): void {
    if (this.style || this.rawText) return; // <style> and raw text are judged whole, at their end tag
    this.safe = endIndex;
  }

  ontextentity(_codepoint: number, endIndex: number): void {
    if (this.style || this.rawText) return;
    this.safe = endIndex;
  }

  onopentagname(start: number, endIndex: number): void {
    if (this.style) this.dropHeldStyle(markupInForeignStyle("markup"));
    this.tag = {
      name: this.slice(start, endIndex).toLowerCase(),
      start: start - 1,
      nameEnd: endIndex,
      attributes: [],
      oversized: false,
    };
  }

  onattribname(start: number, endIndex: number): void {
    // The spans are filled in by `finishAttribute`; until then they hold the name's end.
    this.attribute = {
      name: this.slice(start, endIndex).toLowerCase(),
      nameStart: start,
      valueStart: endIndex,
      valueEnd: endIndex,
      end: endIndex,
      quote: QuoteType.NoValue,
      value: "",
    };
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.attribute && !this.tag?.oversized) this.attribute.value += this.slice(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    if (this.attribute && !this.tag?.oversized) this.attribute.value += String.fromCodePoint(codepoint);
  }

  onattribend(quote: QuoteType, endIndex: number): void {
    const attribute = this.attribute;
    this.attribute = undefined;
    if (!attribute || !this.tag || this.tag.oversized) return;
    this.tag.attributes.push(this.finishAttribute(attribute, quote, endIndex));
  }

  onopentagend(endIndex: number): void {
    this.finishStartTag(endIndex + 1, false);
  }

  onselfclosingtag(endIndex: number): void {
    this.finishStartTag(endIndex + 1, true);
  }

  onclosetag(start: number, endIndex: number): void {
    // `start` is the name; for raw-text elements too, the tokenizer reports `</` two characters before it.
    const name = this.slice(start, endIndex).toLowerCase();
    if (this.style && name !== "style") this.dropHeldStyle(markupInForeignStyle("markup"));
    this.endTag = { start: start - 2, nameEnd: endIndex, name, searchFrom: endIndex };
    this.resolveEndTag();
  }

  oncomment(start: number, endIndex: number, offset: number): void {
    if (this.style) this.dropHeldStyle(markupInForeignStyle("a comment"));
    const end = this.constructEnd(endIndex);
    if (this.completeDiscarded(end)) return;
    const dataEnd = Math.max(start, endIndex - offset);
    if (this.removalDepth < 0) this.judgeComment(this.safe, start, dataEnd, end);
    this.safe = end;
  }

  oncdata(start: number, endIndex: number, offset: number): void {
    if (this.style) return; // CDATA in an svg <style> is part of its text
    const end = this.constructEnd(endIndex);
    if (this.completeDiscarded(end)) return;
    if (this.removalDepth < 0) this.neutraliseCdata(start - "<![CDATA[".length, start, Math.max(start, endIndex - offset), end);
    this.safe = end;
  }

  ondeclaration(_start: number, endIndex: number): void {
    const end = this.constructEnd(endIndex);
    if (this.completeDiscarded(end)) return;
    this.safe = end;
  }

  onprocessinginstruction(_start: number, endIndex: number): void {
    this.safe = endIndex + 2;
  }

  onend(): void {}

  // ---- start tags ----------------------------------------------------------------------------------------

  private finishAttribute(attribute: AttributeInProgress, quote: QuoteType, endIndex: number): RawAttribute {
    attribute.quote = quote;
    if (quote === QuoteType.NoValue) return attribute; // its spans all hold the name's end
    // The tokenizer reports where the value ends; find where it starts: after `=`, spaces and the quote.
    const output = this.output;
    let valueStart = attribute.end;
    while (valueStart < endIndex && output.charCodeAt(valueStart) !== 0x3d /* = */) valueStart++;
    valueStart++;
    while (valueStart < endIndex && isHtmlSpace(output.charCodeAt(valueStart))) valueStart++;
    const quoted = quote === QuoteType.Double || quote === QuoteType.Single;
    if (quoted) valueStart++;
    const valueEnd = quoted ? endIndex - 1 : endIndex;
    attribute.valueStart = Math.min(valueStart, valueEnd);
    attribute.valueEnd = valueEnd;
    attribute.end = endIndex;
    return attribute;
  }

  private finishStartTag(end: number, selfClosing: boolean): void {
    const tag = this.tag;
    this.tag = undefined;
    if (!tag) return;
    const attributes = attributeRecord(tag.attributes);
    const brokeOut = this.tree.breaksOut(tag.name, attributes);
    const namespace = this.tree.prepareStartTag(tag.name, attributes);
    this.checkRemovalEnded(tag.start);
    const name = namespace === "html" && tag.name === "image" ? "img" : tag.name;

    if (this.discarding || tag.oversized) {
      this.completeDiscarded(end);
      this.tree.push({ name, namespace, attributes, hiddenBy: undefined }, selfClosing);
      return;
    }
    if (this.removalDepth >= 0) {
      // Inside an element being removed: only the tree matters, to know where the removal ends.
      this.tree.push({ name, namespace, attributes, hiddenBy: undefined }, selfClosing);
      this.safe = end;
      return;
    }
    let style: readonly StyleDeclaration[] | undefined;
    const styleOf = (): readonly StyleDeclaration[] => (style ??= inlineStyle(attributes["style"]));
    const sheet = this.styleRules.match(name, attributes);
    const hiddenBy = hidingReason(name, attributes, styleOf, sheet) ?? this.tree.current?.hiddenBy;
    const open: OpenElement = { name, namespace, attributes, hiddenBy };
    const view = new ElementView(
      name,
      namespace,
      attributes,
      tag.attributes,
      hiddenBy,
      this.elementContext(),
      this.context.offset + tag.start,
      undefined,
      style,
      sheet.declarations,
    );

    if (name === "base" && this.baseHref === undefined && attributes["href"] !== undefined) {
      this.baseHref = attributes["href"]; // as written: resolveUrl reads it in every document scheme
      this.sharedElementContext = undefined;
    }
    if (name === "style" && (namespace === "html" || !selfClosing)) {
      // Hold the whole <style> element: its CSS is judged once its text is complete.
      this.tree.push(open, selfClosing);
      this.style = { tag, foreign: namespace !== "html", contentStart: end, view };
      return;
    }
    const ambiguous = noscriptEndInAttributes(this.noscriptOpen, () => this.slice(tag.start, end), tag.attributes);
    const decisions = judge(view, this.config);
    const context = namespace === "html" && rawTextElements.has(name) ? this.rawTextContext() : undefined;
    const cdataBase = baseInCdata(name, this.context.inCdata);
    const rawText = rawTextInAmbiguousContext(name, context);
    if (cdataBase) {
      this.warnVerdict(cdataBase, tag.start);
      decisions.unshift(ambiguousRemoval(name, "![CDATA["));
    } else if (rawText && !decisions.some(isRemoval)) {
      this.warnVerdict(rawText, tag.start);
      decisions.unshift(ambiguousRemoval(name, context));
    }
    if (name === "noscript" && namespace === "html") this.noscriptOpen = true;
    this.applyStartTag(tag, end, open, selfClosing, decisions, ambiguous, brokeOut);
  }

  /** Where a raw-text element here would be read as markup by some browsers (see `rawTextContext`). */
  private rawTextContext(): "noscript" | "select" | undefined {
    return rawTextContext(this.noscriptOpen, this.tree.has("select"));
  }

  private applyStartTag(
    tag: RawTag,
    end: number,
    open: OpenElement,
    selfClosing: boolean,
    decisions: readonly Decision[],
    ambiguous: readonly RawAttribute[],
    brokeOut: boolean,
  ): void {
    const apply = this.config.applyEdits;
    const removal = decisions.find(isRemoval);
    if (removal) {
      const pushed = this.tree.push(open, selfClosing);
      this.record(open.name, tag.start, decisions);
      // A tag that broke out of svg/math must stay, bare, or what follows would be parsed as svg/math.
      if (apply) this.output.replace(tag.start, end, brokeOut ? bareTag(this.slice(tag.start + 1, tag.nameEnd)) : "");
      // In audit too: what a removed element holds is not judged, so both presets report the same findings.
      if (pushed) {
        this.removalDepth = this.tree.depth - 1;
        this.removalName = open.name;
        this.removalStart = tag.start;
        this.removalKeepsEndTag = brokeOut;
      }
      this.safe = end;
      return;
    }

    const edits: ResourceEdit[] = [];
    for (const { edit } of decisions) {
      if (edit.kind === "remove-resource" || edit.kind === "replace-url") {
        edits.push({
          resource: edit.resource as LocatedResource,
          url: edit.kind === "replace-url" ? edit.url : undefined,
        });
      }
    }
    for (const attribute of ambiguous) {
      this.warnVerdict(noscriptAttributeVerdict(attribute.name), tag.start);
    }
    if (edits.length > 0 || ambiguous.length > 0) {
      const source = this.slice(tag.start, end);
      const edited = editTag(source, tag.start, tag.nameEnd, tag.attributes, edits, ambiguous);
      this.record(open.name, tag.start, decisions, edited.outcomes);
      if (apply && edited.text !== source) this.output.replace(tag.start, end, edited.text);
    } else {
      this.record(open.name, tag.start, decisions);
    }
    if (this.tree.push(open, selfClosing) && open.namespace === "html" && heldRawText.has(open.name)) {
      this.rawText = { name: open.name, contentStart: end, overflowed: false };
    }
    this.safe = end;
  }

  // ---- end tags ------------------------------------------------------------------------------------------

  /** An end tag is complete at its `>`, which may arrive in a later chunk. */
  private resolveEndTag(): void {
    const endTag = this.endTag;
    if (!endTag) return;
    const gt = this.output.indexOf(">", endTag.searchFrom);
    if (gt < 0) {
      endTag.searchFrom = this.output.total;
      return;
    }
    this.endTag = undefined;
    this.finishEndTag(endTag, gt + 1);
  }

  private finishEndTag(endTag: PendingEndTag, end: number): void {
    if (this.completeDiscarded(end)) {
      this.tree.end(endTag.name);
      this.checkRemovalEnded(endTag.start);
      return;
    }
    if (this.style && endTag.name === "style") {
      const style = this.style;
      this.style = undefined;
      this.tree.end(endTag.name);
      this.finishStyle(style, endTag.start, end);
      this.safe = end;
      return;
    }
    if (this.rawText && endTag.name === this.rawText.name) this.finishRawText(endTag.start);
    const closesRemoved =
      this.removalDepth >= 0 && this.tree.stack[this.removalDepth]?.name === endTag.name && !this.removalKeepsEndTag;
    if (endTag.name === "noscript") this.noscriptOpen = false;
    this.tree.end(endTag.name);
    if (this.checkRemovalEnded(closesRemoved ? end : endTag.start)) {
      this.safe = end;
      return;
    }
    if (this.removalDepth < 0) {
      const verdict = quotedEndTag(this.slice(endTag.nameEnd, end - 1));
      if (verdict) {
        const bare = `</${this.slice(endTag.start + 2, endTag.nameEnd)}>`;
        if (this.config.applyEdits) this.output.replace(endTag.start, end, bare);
        this.warnVerdict(verdict, endTag.start);
      }
    }
    this.safe = end;
  }

  /** When the element being removed is no longer open, stop dropping at `at`. Returns true when it ended. */
  private checkRemovalEnded(at: number): boolean {
    if (this.removalDepth < 0 || this.tree.depth > this.removalDepth) return false;
    this.removalDepth = -1;
    this.removalName = "";
    if (this.config.applyEdits) this.output.drop(this.output.cursor, at);
    return true;
  }

  // ---- <style> -------------------------------------------------------------------------------------------

  private finishStyle(style: HeldStyle, contentEnd: number, end: number): void {
    const css = this.slice(style.contentStart, contentEnd);
    this.styleRules.add(style.foreign ? foreignStyleText(css) : css);
    const baseHref = this.baseHref;
    const sheet = () => stylesheetResources(style.foreign ? foreignStyleText(css) : css, baseHref);
    const decisions = judge(style.view.withResources(sheet), this.config);
    const context = this.rawTextContext();
    const tagShaped = style.foreign ? undefined : tagShapedText("style", css, (text) => this.probe(text, style.contentStart));
    if (tagShaped) {
      this.warn(tagShaped.code, tagShaped.message, style.tag.start);
      decisions.unshift(ambiguousRemoval("style", "style text"));
    } else {
      const inContext = styleInAmbiguousContext(context, css);
      if (inContext) {
        this.warnVerdict(inContext, style.tag.start);
        decisions.unshift(ambiguousRemoval("style", context));
      }
    }
    if (style.foreign) {
      // Spans in decoded svg CSS do not map back onto its source: remove the element instead.
      const cssEdit = decisions.find(({ edit }) => edit.kind === "remove-resource" && isStylesheetResource(edit.resource));
      if (cssEdit) decisions.unshift({ ...cssEdit, edit: { kind: "remove-element" } });
    }
    const removal = decisions.find(isRemoval);
    const tagEdits: ResourceEdit[] = [];
    const cssSpans = [];
    for (const { edit } of decisions) {
      if (edit.kind !== "remove-resource" && edit.kind !== "replace-url") continue;
      const resource = edit.resource as LocatedResource;
      if (resource.location.kind === "stylesheet") {
        if (edit.kind === "remove-resource") cssSpans.push(resource.location.declaration);
      } else {
        tagEdits.push({ resource, url: edit.kind === "replace-url" ? edit.url : undefined });
      }
    }
    const startTagSource = this.slice(style.tag.start, style.contentStart);
    const edited = tagEdits.length > 0 ? editTag(startTagSource, style.tag.start, style.tag.nameEnd, style.tag.attributes, tagEdits) : undefined;
    this.record("style", style.tag.start, decisions, edited?.outcomes);
    if (!this.config.applyEdits) return;
    if (removal) {
      this.output.replace(style.tag.start, end, "");
      return;
    }
    const newCss = cssSpans.length > 0 ? removeSpans(css, cssSpans) : css;
    if (edited || newCss !== css) {
      this.output.replace(style.tag.start, contentEnd, (edited?.text ?? startTagSource) + newCss);
    }
  }

  // ---- comments and CDATA --------------------------------------------------------------------------------

  private judgeComment(constructStart: number, dataStart: number, dataEnd: number, end: number): void {
    const data = this.slice(dataStart, dataEnd);
    const noscriptEnd = noscriptEndInComment(this.noscriptOpen, data);
    if (noscriptEnd) {
      this.dropConstruct(constructStart, end, noscriptEnd);
      return;
    }
    if (data.startsWith("[CDATA[")) {
      // An unterminated `<![CDATA[` reaches here as a comment; browsers still end it at the first `>`.
      this.neutraliseCdata(constructStart, dataStart + 7, dataEnd, end);
      return;
    }
    const opening = conditionalCommentStart.exec(data);
    if (!opening) {
      this.judgePlainComment(constructStart, data, end);
      return;
    }
    // Outlook reads the body of `<!--[if mso]>...<![endif]-->` as HTML: strip it like the rest of the document.
    const bodyStart = dataStart + opening[0].length;
    const closing = conditionalCommentEnd.exec(data);
    const bodyEnd = closing ? dataStart + closing.index : dataEnd;
    if (bodyEnd > bodyStart) this.stripNested(bodyStart, bodyEnd, "conditional-comment", constructStart, end);
  }

  /**
   * Word's comment parser is undocumented (ADVERSARIAL.md §4): a plain comment naming a blocked URL goes,
   * whole. Comments render nothing, so nothing visible is lost.
   */
  private judgePlainComment(constructStart: number, data: string, end: number): void {
    const verdict = tagShapedText("!--", data, (text) => this.probe(text, constructStart + 4));
    if (verdict) {
      this.dropConstruct(constructStart, end, verdict);
      return;
    }
    if (this.config.block.isEmpty || !data.includes("//")) return;
    for (const [url] of data.matchAll(commentUrl)) {
      if (!this.config.block.matchesUrl(resolveUrl(url, this.baseHref))) continue;
      const offset = this.context.offset + constructStart;
      this.findings.push([ownedEntry({
        vector: "element",
        tag: "!--",
        url,
        detector: "block-rule",
        rewriter: "engine",
        action: "removed-element",
        applied: this.config.applyEdits,
        reason: "comment names a blocked URL",
        offset,
        ...this.lines.position(offset),
      })]);
      if (this.config.applyEdits) this.output.replace(constructStart, end, "");
      return;
    }
  }

  /**
   * Browsers end `<![CDATA[` in HTML content at the first `>`, as a bogus comment; what follows is live markup
   * to them though htmlparser2 reads it as CDATA (ADVERSARIAL.md L1). In svg/math it is real CDATA, but Blink's
   * preload scanner still reads it the HTML way and fetches what follows the `>`.
   */
  private neutraliseCdata(constructStart: number, dataStart: number, dataEnd: number, end: number): void {
    const data = this.slice(dataStart, dataEnd);
    const gt = data.indexOf(">");
    // Before the first `>` is text to every reader: unjudged, so it must not hold a fetch.
    const head = tagShapedText("![CDATA[", gt < 0 ? data : data.slice(0, gt), (text) => this.probe(text, dataStart));
    if (head) {
      this.dropConstruct(constructStart, end, head);
      return;
    }
    if (gt < 0 || !data.includes("<", gt)) return; // no markup after the `>`: nothing is read differently
    const verdict = cdataInHtmlContent(this.tree.isInHtmlElement());
    if (verdict) {
      this.dropConstruct(constructStart, end, verdict);
      return;
    }
    this.stripNested(dataStart + gt + 1, dataEnd, "cdata", constructStart, end);
  }

  /**
   * Runs a nested engine over [start, end) of the input and splices its output in. It starts from the HTML
   * ancestors only: Outlook's Word engine (conditional comments) knows no svg or math, and what a browser reads
   * out of a CDATA section it reads as HTML. The construct is [constructStart, constructEnd).
   */
  private stripNested(
    start: number,
    end: number,
    what: "conditional-comment" | "cdata",
    constructStart: number,
    constructEnd: number,
  ): void {
    const body = this.slice(start, end);
    if (!body.includes("<")) return; // no tag in it: nothing to judge
    const limit = nestingLimit(this.context.depth);
    if (limit) {
      this.dropConstruct(constructStart, constructEnd, limit);
      return;
    }
    let output = "";
    const nested = new Engine(this.config, (chunk) => (output += chunk), {
      openElements: this.nestedAncestors(),
      baseHref: this.baseHref,
      inConditionalComment: what === "conditional-comment" || this.context.inConditionalComment,
      inCdata: what === "cdata" || this.context.inCdata,
      offset: this.context.offset + start,
      depth: this.context.depth + 1,
      styleRules: this.styleRules,
      findings: this.findings,
      lines: this.lines,
    });
    nested.write(body);
    const report = nested.end();
    for (const warning of report.warnings) this.warnings.push(warning);
    if (output !== body) this.output.replace(start, end, output);
  }

  /**
   * The open elements a nested run starts inside: the HTML ones among the innermost 512 (browsers stop nesting
   * at 512 open elements, so deeper ancestors cannot matter, and copying them could). Built once per state of
   * the stack: consecutive conditional comments share it, and each nested run clones it whole.
   */
  private nestedAncestors(): OpenElements {
    const version = this.tree.version;
    if (this.inheritedTree?.version !== version) {
      this.inheritedTree = { version, tree: new OpenElements(htmlAncestors(this.tree.stack.slice(-maxInheritedDepth))) };
    }
    return this.inheritedTree.tree;
  }

  /** Decides a held raw-text element's text, which ends at `contentEnd`: kept, or dropped when tag-shaped. */
  private finishRawText(contentEnd: number): void {
    const held = this.rawText!;
    this.rawText = undefined;
    if (held.overflowed) {
      if (this.config.applyEdits) this.output.replace(held.contentStart, contentEnd, "");
      return;
    }
    const verdict = tagShapedText(held.name, this.slice(held.contentStart, contentEnd), (text) => this.probe(text, held.contentStart));
    if (!verdict) return;
    this.warn(verdict.code, verdict.message, held.contentStart);
    if (this.config.applyEdits) this.output.replace(held.contentStart, contentEnd, "");
  }

  /**
   * Runs the same judgement on `text` read as live HTML (a nested run that changes nothing) and says whether it
   * would remove or change a fetch there. Past the nesting limit, anything tag-shaped counts.
   */
  private probe(text: string, at: number): boolean {
    if (nestingLimit(this.context.depth)) return true;
    const nested = new Engine({ ...this.config, applyEdits: false }, () => {}, {
      openElements: new OpenElements(),
      baseHref: this.baseHref,
      inConditionalComment: this.context.inConditionalComment,
      inCdata: this.context.inCdata,
      offset: this.context.offset + at,
      depth: this.context.depth + 1,
      findings: new ReportLog(undefined),
      lines: this.lines,
    });
    nested.write(text);
    const report = nested.end();
    return (
      report.findings.some((finding) => finding.action !== "kept" && finding.vector !== "anchor") ||
      report.warnings.length > 0
    );
  }

  /** Fails closed on a whole comment or CDATA construct: it goes, with the rule's warning. */
  private dropConstruct(start: number, end: number, verdict: Verdict): void {
    this.warnVerdict(verdict, start);
    if (this.config.applyEdits) this.output.replace(start, end, "");
  }

  // ---- end of input and limits ---------------------------------------------------------------------------

  private finishAtEof(): void {
    if (this.endTag) {
      const endTag = this.endTag;
      this.endTag = undefined;
      this.finishEndTag(endTag, this.output.total);
    }
    if (this.tag) {
      // A tag cut off by the end of input is dropped by browsers, but bytes appended later (a footer, a MIME
      // boundary) could complete it: judge it as if it ended here.
      if (this.attribute) this.onattribend(QuoteType.Unquoted, this.output.total);
      this.finishStartTag(this.output.total, false);
    }
    if (this.style) {
      const style = this.style;
      this.style = undefined;
      this.finishStyle(style, this.output.total, this.output.total);
    }
    if (this.rawText) this.finishRawText(this.output.total);
    if (this.removalDepth >= 0) {
      this.warn("unclosed-removed-element", `<${this.removalName}> was removed up to the end of input`, this.removalStart);
      this.removalDepth = -1;
      if (this.config.applyEdits) this.output.drop(this.output.cursor, this.output.total);
    }
    if (this.discarding) {
      this.discarding = false;
      this.output.drop(this.output.cursor, this.output.total);
    }
    this.safe = this.output.total;
  }

  /** Fails closed when an incomplete construct holds more than the limit: it will be dropped. */
  private enforceLimit(): void {
    if (this.discarding || this.output.total - this.safe <= this.config.maxBufferSize) return;
    const at = this.context.offset + this.safe;
    if (this.style) {
      this.dropHeldStyle({ code: "limit-exceeded", message: "a <style> block exceeded maxBufferSize and was removed" });
      this.safe = this.output.total;
      return;
    }
    if (this.rawText) {
      if (!this.rawText.overflowed) {
        this.warn("limit-exceeded", `the text of a <${this.rawText.name}> exceeded maxBufferSize and was removed`, this.rawText.contentStart);
      }
      this.rawText.overflowed = true;
      if (this.config.applyEdits) this.output.replace(this.rawText.contentStart, this.output.total, "");
      this.safe = this.output.total;
      return;
    }
    if (this.tag) this.tag.oversized = true;
    this.warn("limit-exceeded", "a construct exceeded maxBufferSize and was removed", at);
    this.flush(this.safe);
    this.discarding = true;
  }

  /** Stops holding a <style> element and removes it whole (fail closed): its start tag is not yet emitted. */
  private dropHeldStyle(verdict: Verdict): void {
    const style = this.style;
    if (!style) return;
    this.style = undefined;
    this.warnVerdict(verdict, style.tag.start);
    this.flush(style.tag.start);
    // Nothing is pushed while a <style> is held: it is still the current element.
    this.removalDepth = this.tree.depth - 1;
    this.removalName = "style";
    this.removalStart = style.tag.start;
    this.removalKeepsEndTag = false;
  }

  /** When the construct ending at `end` was being discarded, drop it and return true. */
  private completeDiscarded(end: number): boolean {
    if (!this.discarding) return false;
    this.discarding = false;
    this.output.drop(this.output.cursor, end);
    this.safe = end;
    return true;
  }

  // ---- output --------------------------------------------------------------------------------------------

  private slice(start: number, end: number): string {
    return this.output.slice(start, end);
  }

  /** The end of a construct whose last character is at `endIndex` (or the end of input when it is unclosed). */
  private constructEnd(endIndex: number): number {
    return endIndex >= this.output.total ? this.output.total : endIndex + 1;
  }

  /** Decides the input up to `to`: copied, or dropped inside a removed element or a discarded construct. */
  private flush(to: number): void {
    this.output.advance(to, !((this.removalDepth >= 0 && this.config.applyEdits) || this.discarding));
    // Keep what an incomplete tag or a held <style> still needs.
    const tagStart = this.tag && !this.tag.oversized ? this.tag.start : to;
    const heldFrom = Math.min(this.style?.tag.start ?? to, this.rawText && !this.rawText.overflowed ? this.rawText.contentStart : to);
    this.output.flush(Math.min(heldFrom, tagStart));
    if (this.ownsLines) this.lines.forget(Math.min(heldFrom, tagStart, this.output.cursor));
  }

  /** What every element's view shares; made again only when the `<base>` changes it. */
  private elementContext(): ElementContext {
    this.sharedElementContext ??= {
      ancestors: this.tree.stack,
      inConditionalComment: this.context.inConditionalComment,
      baseHref: this.baseHref,
      recipients: this.config.recipients,
      preset: this.config.preset,
    };
    return this.sharedElementContext;
  }

  private warn(code: Warning["code"], message: string, offset: number): void {
    this.warnings.push({ code, message, offset: this.context.offset + offset });
  }

  private warnVerdict(verdict: Verdict, offset: number): void {
    this.warn(verdict.code, verdict.message, offset);
  }

  /** Reports the decisions about the element at `offset` (a nested run's lines are placed in the whole input). */
  private record(
    tag: string,
    offset: number,
    decisions: readonly Decision[],
    outcomes?: ReadonlyMap<string, AttributeOutcome>,
  ): void {
    if (decisions.length === 0) return;
    const at = this.context.offset + offset;
    this.findings.push(reportEntries(decisions, tag, at, this.config.applyEdits, outcomes, this.lines.position(at)));
  }
}

/** The open elements as Outlook's Word engine sees them: HTML only (it knows nothing of svg or math). */
function htmlAncestors(stack: readonly OpenElement[]): OpenElement[] {
  return stack.filter((element) => element.namespace === "html");
}

/** A start tag with no attributes: it still breaks out of svg/math, and fetches nothing. */
function bareTag(name: string): string {
  // `<font>` breaks out only with color, face or size.
  return name.toLowerCase() === "font" ? `<${name} color>` : `<${name}>`;
}

function isRemoval(decision: Decision): boolean {
  return decision.edit.kind === "remove-element";
}

function isStylesheetResource(resource: Resource): boolean {
  return (resource as LocatedResource).location.kind === "stylesheet";
}

/** The engine's own decision to remove an element whose content browsers may read differently. */
function ambiguousRemoval(tag: string, context = "noscript"): Decision {
  return {
    finding: { detector: "ambiguous-markup", reason: `<${tag}> inside <${context}> is read as markup by some browsers` },
    edit: { kind: "remove-element" },
    rewriter: "engine",
  };
}

