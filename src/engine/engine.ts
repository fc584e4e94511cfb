// The single-pass engine. It drives htmlparser2's Tokenizer, keeps a light model of the tree, and hands each
// construct to the piece that decides it (`start-tag.ts`, `style-element.ts`, `comments.ts`); the pieces return
// plans, and only the engine applies them: `Output` copies the input through with only the planned spans
// replaced. Every position is an offset into the whole input.

import { QuoteType, Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { documentMode } from "../html/doctype.js";
import { isBlank } from "../html/whitespace.js";
import type { Report, Warning } from "../types.js";
import {
  bufferLimit,
  formattingListLimit,
  heldRawText,
  markupInForeignStyle,
  nestingLimit,
  quotedEndTag,
  rawTextContext,
  selfClosingForeignStyle,
  styleRulesLimit,
  scannerRawText,
  tagShapedText,
  type Verdict,
} from "./ambiguous-markup.js";
import { type CommentPlan, planCdata, planComment } from "./comments.js";
import { type EngineConfig } from "./config.js";
import { type ElementContext, ElementView } from "./element-view.js";
import { PendingEndTag } from "./end-tag.js";
import { htmlElementFacts } from "./html-elements.js";
import { OpenElement } from "./open-element.js";
import { maxListed, OpenElements } from "./open-elements.js";
import { LineIndex } from "./line-index.js";
import { Output } from "./output.js";
import { type Plan, plan, type Scope } from "./plan.js";
import { attributeValue } from "./raw-tag.js";
import { ElementRemoval } from "./removal.js";
import { ownedEntry, reportEntries } from "./report-entry.js";
import { ReportLog } from "./report-log.js";
import { planStartTag } from "./start-tag.js";
import { type HeldStyle, planStyle, sheetApplies, styleSheetText } from "./style-element.js";
import { TagCollector } from "./tag-collector.js";
import { type Hiding, hidingOf, mayHaveZeroSize, readingOf, sheetDisplaysFlex } from "./visibility.js";
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

/** An HTML raw-text element (not `<style>`, not `<script>`) whose text is held until its end tag. */
interface HeldRawText {
  readonly name: string;
  /** Offset just past the start tag. */
  readonly contentStart: number;
  /** The text outgrew the buffer limit: it is dropped, whatever it holds. */
  overflowed: boolean;
}

const maxInheritedDepth = 512;

export class Engine implements TokenizerCallbacks, Scope {
  private readonly tokenizer: Tokenizer;
  private readonly tree: OpenElements;
  private readonly findings: ReportLog;
  private readonly warnings: Warning[] = [];

  private readonly output: Output;
  /** Line and column of findings, counted as the input passes. */
  private readonly lines: LineIndex;
  /**
   * The outermost run feeds the line index and forgets what it no longer holds; nested runs only read it. A run
   * whose findings no one describes (`stripTracking`) feeds none.
   */
  private readonly ownsLines: boolean;
  /** End of the last complete construct: the input before it is decided. */
  private safe = 0;

  /** The element being removed: its content is dropped until it closes. */
  private readonly removal = new ElementRemoval();
  /** A `<noscript>` start tag was seen and no `</noscript>` yet: with scripting on, this is all raw text. */
  noscriptOpen = false;
  /** What some reader takes as raw text up to its first `</name` here: `<noscript>`, or svg `<xmp>`, `<title>`... */
  readonly rawTextEnds: string[] = [];
  /** The construct in progress outgrew the buffer limit: it is dropped when it completes. */
  private discarding = false;

  /** The start tag the tokenizer is reading. */
  private readonly tagInProgress: TagCollector;
  private endTag: PendingEndTag | undefined;
  /** The document's mode is decided: by a doctype before anything else, or by content before any (quirks). */
  private modeDecided = false;
  private style: HeldStyle | undefined;
  private rawText: HeldRawText | undefined;
  /** The first `<base href>` as written. */
  baseHref: string | undefined;
  private ended = false;
  private readonly styleRules: StyleRules;
  /** The open elements nested runs start inside, for one state of the stack (see `nestedAncestors`). */
  private sharedElementContext: ElementContext | undefined;
  private inheritedTree: { readonly version: number; readonly tree: OpenElements } | undefined;

  constructor(
    readonly config: EngineConfig,
    sink: (chunk: string) => void,
    private readonly context: EngineContext = {
      openElements: new OpenElements(),
      baseHref: undefined,
      inConditionalComment: false,
      inCdata: false,
      offset: 0,
      depth: 0,
      findings: new ReportLog(config.onFinding, config.reportLines),
    },
  ) {
    this.findings = context.findings;
    this.output = new Output(sink, context.depth > 0);
    this.ownsLines = context.lines === undefined && this.findings.makesLines;
    this.lines = context.lines ?? new LineIndex(context.offset);
    this.tree = context.openElements.clone();
    this.baseHref = context.baseHref;
    this.styleRules = context.styleRules ?? new StyleRules();
    this.tokenizer = new Tokenizer({ decodeEntities: true }, this);
    this.tagInProgress = new TagCollector(this.output);
  }

  // ---- what the deciding pieces read (the engine is their `Scope`) -------------------------------------------

  get inCdata(): boolean {
    return this.context.inCdata;
  }

  rawTextContext(): "noscript" | "select" | undefined {
    return rawTextContext(this.noscriptOpen, this.tree.has("select"));
  }

  inSelect(): boolean {
    return this.tree.has("select");
  }

  inHtmlElement(): boolean {
    return this.tree.isInHtmlElement();
  }

  slice(start: number, end: number): string {
    return this.output.slice(start, end);
  }

  /**
   * Runs the same judgement on `text` read as live HTML (a nested run that changes nothing) and says whether it
   * would remove or change a fetch there. Past the nesting limit, anything tag-shaped counts.
   */
  probe(text: string, at: number): boolean {
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

  // ---- input ---------------------------------------------------------------------------------------------

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

  ontext(start: number, endIndex: number): void {
    if (!this.modeDecided && !isBlank(this.textBeforeMode(start, endIndex))) this.modeDecided = true;
    if (this.style || this.rawText) return; // <style> and raw text are judged whole, at their end tag
    if (this.tree.readsTextInBody()) this.reopenFormatting();
    this.safe = endIndex;
  }

  ontextentity(_codepoint: number, endIndex: number): void {
    this.modeDecided = true;
    if (this.style || this.rawText) return;
    this.safe = endIndex;
  }

  onopentagname(start: number, endIndex: number): void {
    this.modeDecided = true;
    if (this.style) this.dropHeldStyle(markupInForeignStyle("markup"));
    this.tagInProgress.openTag(start, endIndex);
  }

  onattribname(start: number, endIndex: number): void {
    this.tagInProgress.attributeName(start, endIndex);
  }

  onattribdata(start: number, endIndex: number): void {
    this.tagInProgress.attributeData(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    this.tagInProgress.attributeEntity(codepoint);
  }

  onattribend(quote: QuoteType, endIndex: number): void {
    this.tagInProgress.attributeEnd(quote, endIndex);
  }

  onopentagend(endIndex: number): void {
    this.finishStartTag(endIndex + 1, false);
  }

  onselfclosingtag(endIndex: number): void {
    this.finishStartTag(endIndex + 1, true);
  }

  onclosetag(start: number, endIndex: number): void {
    this.modeDecided = true;
    // `start` is the name; for raw-text elements too, the tokenizer reports `</` two characters before it.
    const lowerCase = this.slice(start, endIndex).toLowerCase();
    const facts = htmlElementFacts(lowerCase);
    const name = facts.name ?? lowerCase;
    if (this.style && name !== "style") this.dropHeldStyle(markupInForeignStyle("markup"));
    this.endTag = new PendingEndTag(start - 2, endIndex, name, facts);
    this.resolveEndTag();
  }

  oncomment(start: number, endIndex: number, offset: number): void {
    if (this.style) this.dropHeldStyle(markupInForeignStyle("a comment"));
    const end = this.constructEnd(endIndex);
    if (this.completeDiscarded(end)) return;
    if (!this.removal.active) this.applyCommentPlan(this.safe, end, planComment(start, Math.max(start, endIndex - offset), this));
    this.safe = end;
  }

  oncdata(start: number, endIndex: number, offset: number): void {
    if (this.style) return; // CDATA in an svg <style> is part of its text
    const end = this.constructEnd(endIndex);
    if (this.completeDiscarded(end)) return;
    if (!this.removal.active) {
      this.applyCommentPlan(start - "<![CDATA[".length, end, planCdata(start, Math.max(start, endIndex - offset), this));
    }
    this.safe = end;
  }

  ondeclaration(start: number, endIndex: number): void {
    const end = this.constructEnd(endIndex);
    if (this.completeDiscarded(end)) return;
    // A doctype before anything else decides whether `<style>` rules match class and id names ignoring case (quirks
    // mode); browsers ignore any later one.
    if (!this.modeDecided && this.context.depth === 0) {
      const quirks = documentMode(this.slice(start, endIndex)) === "quirks";
      this.styleRules.caseSensitive = !quirks; // class and id names match ignoring case in quirks mode only
      this.tree.quirks = quirks;
    }
    this.modeDecided = true;
    this.safe = end;
  }

  onprocessinginstruction(_start: number, endIndex: number): void {
    this.safe = endIndex + 2;
  }

  onend(): void {}

  /** Text that may come before the doctype: a byte order mark at the very start is not text (decoders drop it). */
  private textBeforeMode(start: number, end: number): string {
    const text = this.slice(start, end);
    return start === 0 && this.context.depth === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  // ---- start tags ----------------------------------------------------------------------------------------

  private finishStartTag(end: number, selfClosing: boolean): void {
    const tag = this.tagInProgress.take();
    if (!tag) return;
    const attributes = tag.attributes;
    const brokeOut = this.tree.breaksOut(tag.name, attributes);
    // An <input> closes an open <select>: removed, it must still close it, or the next parse reads on inside it.
    const closesSelect = tag.name === "input" && this.tree.hasSelectInScope();
    const bodyRules = brokeOut || !this.tree.isInForeignContent();
    const namespace = this.tree.prepareStartTag(tag.name, attributes, tag.facts);
    this.rehideMoved();
    if (bodyRules && tag.facts.reopensFormatting) this.reopenFormatting();
    this.checkRemovalEnded(tag.start);
    const renamed = namespace === "html" && tag.name === "image";
    const name = renamed ? "img" : tag.name;
    const facts = renamed ? undefined : tag.facts;

    if (this.discarding || tag.oversized) {
      this.completeDiscarded(end);
      this.tree.push(new OpenElement(name, namespace, attributes, undefined, facts), selfClosing);
      return;
    }
    if (this.removal.active) {
      // Inside an element being removed: only the tree matters, to know where the removal ends.
      this.tree.push(new OpenElement(name, namespace, attributes, undefined, facts), selfClosing);
      this.safe = end;
      return;
    }
    // Content of a table outside its cells goes before the table: its parent is the element below the table.
    const fosteredFrom = this.tree.fosterTable(name, attributes);
    const below = fosteredFrom >= 0 ? fosteredFrom : this.tree.depth;
    const parent = this.tree.stack[below - 1];
    let sheet = this.styleRules.match(name, attributes, this.tree, below);
    // The rules that only give a zero-size box room (padding) matter where it may have a zero size of its own.
    if (sheet.openersLeft && mayHaveZeroSize(attributes, sheet)) sheet = this.styleRules.match(name, attributes, this.tree, below, true);
    // Class names that match case mean a standards (or limited-quirks) document, which drops sizes without a unit.
    const reading = readingOf(this.context.inConditionalComment, !this.styleRules.caseSensitive);
    const hiding = hidingOf(name, attributes, sheet, parent?.hiding, parent, reading, this.styleRules.keyframes);
    const open = new OpenElement(name, namespace, attributes, hiding, facts);
    if (fosteredFrom >= 0) open.fosteredFrom = fosteredFrom;
    if (sheet.declarations.length > 0 || sheet.mayApply.length > 0) open.displaysFlexBySheet = sheetDisplaysFlex(sheet);
    const view = new ElementView(open, this.elementContext(), this.context.offset + tag.start, undefined, undefined, sheet.declarations, sheet.onSomeScreens);

    const href = name === "base" && this.baseHref === undefined ? attributeValue(attributes, "href") : undefined;
    if (href !== undefined) {
      this.baseHref = href; // as written: resolveUrl reads it in every document scheme
      this.sharedElementContext = undefined;
    }
    if (name === "style") {
      this.tree.push(open, selfClosing);
      if (namespace !== "html" && selfClosing) {
        this.dropConstruct(tag.start, end, selfClosingForeignStyle());
        this.safe = end;
      } else {
        // Hold the whole <style> element: its CSS is judged once its text is complete.
        this.style = { tag, foreign: namespace !== "html", contentStart: end, view };
      }
      return;
    }
    const plan = planStartTag(tag, end, view, brokeOut || closesSelect, this);
    if (name === "noscript" && namespace === "html") this.noscriptOpen = true;
    if ((namespace !== "html" || name === "noscript") && scannerRawText.has(name) && !this.rawTextEnds.includes(name)) this.rawTextEnds.push(name);
    this.apply(plan);
    const pushed = this.tree.push(open, selfClosing);
    if (this.tree.takeListOverflow()) this.warnVerdict(formattingListLimit(maxListed), tag.start);
    if (plan.removesElement) {
      // In audit too: what a removed element holds is not judged, so both presets report the same findings.
      if (pushed) this.beginRemoval(name, tag.start, brokeOut);
    } else if (pushed && namespace === "html" && heldRawText.has(name)) {
      this.rawText = { name, contentStart: end, overflowed: false };
    }
    this.safe = end;
  }

  /** Reads again the rules and hiding of the open elements the adoption agency moved under new ancestors. */
  private rehideMoved(): void {
    for (let index = this.tree.takeMoved(); index >= 0 && index < this.tree.depth; index++) {
      this.tree.replaceHiding(index, this.hidingAt(this.tree, index));
    }
  }

  /** The hiding of the open element at `index` of `tree`, read from its rules and its parent there. */
  private hidingAt(tree: OpenElements, index: number): Hiding | undefined {
    const element = tree.stack[index]!;
    const parent = tree.stack[index - 1];
    const sheet = this.styleRules.match(element.name, element.rawAttributes, tree, index);
    const reading = readingOf(this.context.inConditionalComment, !this.styleRules.caseSensitive);
    return hidingOf(element.name, element.rawAttributes, sheet, parent?.hiding, parent, reading, this.styleRules.keyframes);
  }

  /**
   * Reopens the formatting elements closed implicitly before this content (see `OpenElements.formattingToReopen`),
   * each read afresh where it now stands: its rules and hiding from its new parent.
   */
  private reopenFormatting(): void {
    for (const entry of this.tree.formattingToReopen()) {
      this.tree.reopen(entry, new OpenElement(entry.name, "html", entry.rawAttributes, undefined, entry.facts));
      const reopened = this.tree.depth - 1;
      this.tree.replaceHiding(reopened, this.hidingAt(this.tree, reopened));
    }
  }

  // ---- end tags ------------------------------------------------------------------------------------------

  /** An end tag is complete at its `>`, which may arrive in a later chunk. */
  private resolveEndTag(): void {
    const endTag = this.endTag;
    if (!endTag) return;
    const end = endTag.findEnd(this.output);
    if (end < 0) return;
    this.endTag = undefined;
    this.finishEndTag(endTag, end);
  }

  private finishEndTag(endTag: PendingEndTag, end: number): void {
    if (this.completeDiscarded(end)) {
      this.tree.end(endTag.name, endTag.facts);
      this.rehideMoved();
      this.checkRemovalEnded(endTag.start);
      return;
    }
    if (this.style && endTag.name === "style") {
      const style = this.style;
      this.style = undefined;
      this.tree.end(endTag.name, endTag.facts);
      this.rehideMoved();
      if (this.finishStyle(style, endTag.start, end)) this.keepBareEndTag(endTag, end);
      this.safe = end;
      return;
    }
    if (this.rawText && endTag.name === this.rawText.name) this.finishRawText(endTag.start);
    const removal = this.removal;
    const closesRemoved = removal.active && this.tree.stack[removal.depth]?.name === endTag.name && !removal.keepsEndTag;
    if (endTag.name === "noscript") this.noscriptOpen = false;
    if (this.rawTextEnds.includes(endTag.name)) this.rawTextEnds.splice(this.rawTextEnds.indexOf(endTag.name), 1);
    this.tree.end(endTag.name, endTag.facts);
    this.rehideMoved();
    if (this.checkRemovalEnded(closesRemoved ? end : endTag.start)) {
      if (!closesRemoved) this.keepBareEndTag(endTag, end);
      this.safe = end;
      return;
    }
    if (!removal.active) this.keepBareEndTag(endTag, end);
    this.safe = end;
  }

  /** Writes a kept end tag without the quoted attributes a browser reads as hiding markup (ADVERSARIAL.md L2). */
  private keepBareEndTag(endTag: PendingEndTag, end: number): void {
    const verdict = quotedEndTag(this.slice(endTag.nameEnd, end - 1));
    if (!verdict) return;
    const bare = `</${this.slice(endTag.start + 2, endTag.nameEnd)}>`;
    this.apply(plan({ from: endTag.start, to: end, text: bare }, undefined, [{ verdict, at: endTag.start }]));
  }

  /** Starts removing the current element: the tree keeps its depth (and those below) in place until it closes. */
  private beginRemoval(name: string, start: number, keepsEndTag: boolean): void {
    this.removal.begin(this.tree.depth - 1, name, start, keepsEndTag);
    this.tree.heldDepth = this.removal.depth;
  }

  private finishRemoval(): void {
    this.removal.finish();
    this.tree.heldDepth = -1;
  }

  /** When the element being removed is no longer open, stop dropping at `at`. Returns true when it ended. */
  private checkRemovalEnded(at: number): boolean {
    // The tree may have moved the element being removed (an element below it left the stack).
    if (this.removal.active) this.removal.depth = this.tree.heldDepth;
    if (!this.removal.endedAt(this.tree.depth)) return false;
    this.finishRemoval();
    this.dropUndecided(at, "removal");
    return true;
  }

  // ---- <style> -------------------------------------------------------------------------------------------

  /** Judges a held `<style>` at its end tag. Returns true when its end tag is kept (the element was not removed). */
  private finishStyle(style: HeldStyle, contentEnd: number, end: number): boolean {
    const css = this.slice(style.contentStart, contentEnd);
    const applies = sheetApplies(style.view, this.tree.has("template"), this.noscriptOpen);
    const limit =
      applies === "nowhere" ? undefined : this.styleRules.add(styleSheetText(style, css), applies === "on some screens", this.context.inConditionalComment);
    if (limit !== undefined) {
      this.apply(plan({ from: style.tag.start, to: end, text: "" }, undefined, [{ verdict: styleRulesLimit(limit), at: style.tag.start }]));
      return false;
    }
    const stylePlan = planStyle(style, css, contentEnd, end, this);
    this.apply(stylePlan);
    return stylePlan.replace === undefined || stylePlan.replace.to < end;
  }

  // ---- comments and CDATA --------------------------------------------------------------------------------

  /** Applies what `comments.ts` decided about the comment or CDATA construct [start, end). */
  private applyCommentPlan(start: number, end: number, commentPlan: CommentPlan): void {
    if (commentPlan === undefined) return;
    switch (commentPlan.kind) {
      case "drop":
        this.dropConstruct(start, end, commentPlan.verdict);
        return;
      case "read-nested":
        this.stripNested(commentPlan.from, commentPlan.to, commentPlan.what, start, end);
        return;
      case "blocked-url": {
        const offset = this.context.offset + start;
        const line = ownedEntry({
          vector: "element",
          tag: "!--",
          url: commentPlan.url,
          detector: "block-rule",
          rewriter: "engine",
          action: "removed-element",
          applied: this.config.applyEdits,
          reason: "comment names a blocked URL",
          offset,
          ...this.lines.position(offset),
        });
        this.findings.push([line]);
        this.apply(plan({ from: start, to: end, text: "" }, undefined, undefined));
      }
    }
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
    // The nested run decided its own edits (none in audit) and its fail-closed drops (in every preset): its output
    // replaces the body as it is, whatever the preset.
    if (output !== body) this.output.replace(start, end, output);
  }

  /**
   * The open elements a nested run starts inside: the HTML ones among the innermost 512 (browsers stop nesting
   * at 512 open elements, so deeper ancestors cannot matter, and copying them could). Built once per state of
   * the stack: consecutive conditional comments share it, and each nested run clones it whole.
   */
  private nestedAncestors(): OpenElements {
    // The usual case, HTML all the way down and not too deep: the stack as it is (the nested run clones it).
    const stack = this.tree.stack;
    if (stack.length <= maxInheritedDepth && stack.every((element) => element.namespace === "html")) return this.tree;
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
    const text = { from: held.contentStart, to: contentEnd, text: "" };
    if (held.overflowed) {
      this.apply(plan(text, undefined, undefined)); // warned when it overflowed
      return;
    }
    const verdict = tagShapedText(held.name, this.slice(held.contentStart, contentEnd), (text) => this.probe(text, held.contentStart));
    if (verdict) this.apply(plan(text, undefined, [{ verdict, at: held.contentStart }]));
  }

  /** Fails closed on a whole comment or CDATA construct: it goes, with the rule's warning. */
  private dropConstruct(start: number, end: number, verdict: Verdict): void {
    this.apply(plan({ from: start, to: end, text: "" }, undefined, [{ verdict, at: start }]));
  }

  // ---- end of input and limits ---------------------------------------------------------------------------

  private finishAtEof(): void {
    if (this.endTag) {
      const endTag = this.endTag;
      this.endTag = undefined;
      this.finishEndTag(endTag, this.output.total);
    }
    if (this.tagInProgress.tag) {
      // A tag cut off by the end of input is dropped by browsers, but bytes appended later (a footer, a MIME
      // boundary) could complete it: judge it as if it ended here.
      this.tagInProgress.attributeEndAtEof(this.output.total);
      this.finishStartTag(this.output.total, false);
    }
    if (this.style) {
      const style = this.style;
      this.style = undefined;
      this.finishStyle(style, this.output.total, this.output.total);
    }
    if (this.rawText) this.finishRawText(this.output.total);
    if (this.removal.active) {
      this.warn("unclosed-removed-element", `<${this.removal.name}> was removed up to the end of input`, this.removal.start);
      this.finishRemoval();
      this.dropUndecided(this.output.total, "removal");
    }
    if (this.discarding) {
      this.discarding = false;
      this.dropUndecided(this.output.total, "limit");
    }
    this.safe = this.output.total;
  }

  /** Fails closed when an incomplete construct holds more than the limit: it will be dropped. */
  private enforceLimit(): void {
    if (this.discarding || this.output.total - this.safe <= this.config.maxBufferSize) return;
    if (this.style) {
      this.dropHeldStyle(bufferLimit("a <style> block"));
      this.safe = this.output.total;
      return;
    }
    if (this.rawText) {
      const { name, contentStart, overflowed } = this.rawText;
      this.rawText.overflowed = true;
      const warnings = overflowed ? undefined : [{ verdict: bufferLimit(`the text of a <${name}>`), at: contentStart }];
      this.apply(plan({ from: contentStart, to: this.output.total, text: "" }, undefined, warnings));
      this.safe = this.output.total;
      return;
    }
    if (this.tagInProgress.tag) this.tagInProgress.tag.oversized = true;
    this.warnVerdict(bufferLimit("a construct"), this.safe);
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
    this.beginRemoval("style", style.tag.start, false);
  }

  /** When the construct ending at `end` was being discarded, drop it and return true. */
  private completeDiscarded(end: number): boolean {
    if (!this.discarding) return false;
    this.discarding = false;
    this.dropUndecided(end, "limit");
    this.safe = end;
    return true;
  }

  // ---- output --------------------------------------------------------------------------------------------

  /** The end of a construct whose last character is at `endIndex` (or the end of input when it is unclosed). */
  private constructEnd(endIndex: number): number {
    return endIndex >= this.output.total ? this.output.total : endIndex + 1;
  }

  /** Decides the input up to `to`: copied, or dropped inside a removed element or a discarded construct. */
  private flush(to: number): void {
    this.output.advance(to, !((this.removal.active && this.config.applyEdits) || this.discarding));
    // Keep what an incomplete tag or a held <style> still needs.
    const tag = this.tagInProgress.tag;
    const tagStart = tag && !tag.oversized ? tag.start : to;
    const heldFrom = Math.min(this.style?.tag.start ?? to, this.rawText && !this.rawText.overflowed ? this.rawText.contentStart : to);
    this.output.flush(Math.min(heldFrom, tagStart));
    if (this.ownsLines) this.lines.forget(Math.min(heldFrom, tagStart, this.output.cursor));
  }

  /** What every element's view shares; made again only when the `<base>` changes it. */
  private elementContext(): ElementContext {
    const tree = this.tree;
    this.sharedElementContext ??= {
      // Read live: a removal from the middle of the stack (adoption agency, `</form>`) makes it a new array.
      get ancestors() {
        return tree.stack;
      },
      inConditionalComment: this.context.inConditionalComment,
      baseHref: this.baseHref,
      recipients: this.config.recipients,
      recipientsAsGiven: this.config.recipientsAsGiven,
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

  /**
   * Drops the input from the cursor up to `to`: the rest of an element being removed (not in audit, where only
   * its start tag is reported), or a construct that outgrew the buffer limit (always: fail closed).
   */
  private dropUndecided(to: number, why: "removal" | "limit"): void {
    if (why === "limit" || this.config.applyEdits) this.output.drop(this.output.cursor, to);
  }

  /**
   * Applies a plan: its warnings, its report lines (placed in the whole input), then its edit of the bytes. With
   * `dropUndecided`, `flush` and the splice of a nested run's output, the only places that write.
   */
  private apply(plan: Plan): void {
    if (plan.warnings) for (const { verdict, at } of plan.warnings) this.warnVerdict(verdict, at);
    const report = plan.report;
    if (report && report.decisions.length > 0) {
      const at = this.context.offset + report.at;
      if (this.findings.wantsLines) {
        const position = this.lines.position(at);
        this.findings.push(reportEntries(report.decisions, report.tag, at, this.config.applyEdits, report.outcomes, position));
      } else {
        this.findings.drop(report.decisions.length, at);
      }
    }
    if (plan.replace && this.config.applyEdits) this.output.replace(plan.replace.from, plan.replace.to, plan.replace.text);
  }
}

/** The open elements as Outlook's Word engine sees them: HTML only (it knows nothing of svg or math). */
function htmlAncestors(stack: readonly OpenElement[]): OpenElement[] {
  return stack.filter((element) => element.namespace === "html");
}
