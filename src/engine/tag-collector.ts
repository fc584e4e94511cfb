// The start tag in progress, collected from the tokenizer's callbacks: its lower-case name, and every attribute
// with its decoded value and its exact source spans (the tag editor edits by those spans).

import { decodeHTMLAttribute } from "entities/decode";
import { QuoteType } from "htmlparser2";
import { isHtmlSpace } from "../html/whitespace.js";
import { htmlElementFacts } from "./html-elements.js";
import type { Output } from "./output.js";
import type { RawAttribute, RawTag } from "./raw-tag.js";

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

export class TagCollector {
  /** The tag being read, until `take` hands it on. */
  tag: RawTag | undefined;
  private attribute: AttributeInProgress | undefined;

  /** @param input the engine's input window (offsets are whole-input offsets). */
  constructor(private readonly input: Output) {}

  /** The name runs over [start, end); `<` is just before it. */
  openTag(start: number, end: number): void {
    const name = this.input.slice(start, end).toLowerCase();
    const facts = htmlElementFacts(name);
    this.tag = { name: facts.name ?? name, facts, start: start - 1, nameEnd: end, attributes: [], oversized: false };
  }

  attributeName(start: number, end: number): void {
    // The spans are filled in by `finishAttribute`; until then they hold the name's end.
    this.attribute = {
      name: this.input.slice(start, end).toLowerCase(),
      nameStart: start,
      valueStart: end,
      valueEnd: end,
      end,
      quote: QuoteType.NoValue,
      value: "",
    };
  }

  attributeData(start: number, end: number): void {
    if (this.attribute && !this.tag?.oversized) this.attribute.value += this.input.slice(start, end);
  }

  attributeEntity(codepoint: number): void {
    if (this.attribute && !this.tag?.oversized) this.attribute.value += String.fromCodePoint(codepoint);
  }

  /** True while an attribute is open (a tag cut off by the end of input). */
  get inAttribute(): boolean {
    return this.attribute !== undefined;
  }

  attributeEnd(quote: QuoteType, endIndex: number): void {
    const attribute = this.attribute;
    this.attribute = undefined;
    if (!attribute || !this.tag || this.tag.oversized) return;
    this.tag.attributes.push(this.finishAttribute(attribute, quote, endIndex));
  }

  /**
   * Ends the open attribute of a tag cut off by the end of input, its value read from the source: the tokenizer
   * holds back what may start a character reference (`src=https://t.example/p.gif&` handed over nothing when
   * written at once, all of it when written a character at a time), so the callbacks cannot be trusted here.
   */
  attributeEndAtEof(endIndex: number): void {
    const attribute = this.attribute;
    if (!attribute) return;
    const input = this.input;
    let valueStart = attribute.end;
    while (valueStart < endIndex && isHtmlSpace(input.charCodeAt(valueStart))) valueStart++;
    if (valueStart >= endIndex || input.charCodeAt(valueStart) !== 0x3d /* = */) {
      this.attributeEnd(QuoteType.NoValue, endIndex);
      return;
    }
    valueStart++;
    while (valueStart < endIndex && isHtmlSpace(input.charCodeAt(valueStart))) valueStart++;
    const first = input.charCodeAt(valueStart);
    const quote = first === 0x22 /* " */ ? QuoteType.Double : first === 0x27 /* ' */ ? QuoteType.Single : QuoteType.Unquoted;
    if (quote !== QuoteType.Unquoted) valueStart++;
    attribute.value = decodeHTMLAttribute(input.slice(Math.min(valueStart, endIndex), endIndex));
    this.attribute = undefined;
    if (!this.tag || this.tag.oversized) return;
    attribute.quote = quote;
    attribute.valueStart = Math.min(valueStart, endIndex);
    attribute.valueEnd = endIndex;
    attribute.end = endIndex;
    this.tag.attributes.push(attribute);
  }

  /** The finished tag (and forgets it). */
  take(): RawTag | undefined {
    const tag = this.tag;
    this.tag = undefined;
    return tag;
  }

  private finishAttribute(attribute: AttributeInProgress, quote: QuoteType, endIndex: number): RawAttribute {
    attribute.quote = quote;
    if (quote === QuoteType.NoValue) return attribute; // its spans all hold the name's end
    // The tokenizer reports where the value ends; find where it starts: after `=`, spaces and the quote.
    const input = this.input;
    let valueStart = attribute.end;
    while (valueStart < endIndex && input.charCodeAt(valueStart) !== 0x3d /* = */) valueStart++;
    valueStart++;
    while (valueStart < endIndex && isHtmlSpace(input.charCodeAt(valueStart))) valueStart++;
    const quoted = quote === QuoteType.Double || quote === QuoteType.Single;
    if (quoted) valueStart++;
    const valueEnd = quoted ? endIndex - 1 : endIndex;
    attribute.valueStart = Math.min(valueStart, valueEnd);
    attribute.valueEnd = valueEnd;
    attribute.end = endIndex;
    return attribute;
  }
}
