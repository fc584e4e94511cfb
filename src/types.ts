// The public data shapes shared by the engine, detectors, rewriters and the report.

/** Which tracking policy to apply. */
export type Preset = "standard" | "strict" | "audit";

/** Where a URL sits in the markup, i.e. how a mail client would reach it. */
export type Vector =
  | "img"
  | "srcset"
  | "background"
  | "css-url"
  | "css-import"
  | "css-font-face"
  | "poster"
  | "video"
  | "audio"
  | "source"
  | "track"
  | "input-image"
  | "link"
  | "svg-image"
  | "vml"
  | "iframe"
  | "frame"
  | "object"
  | "embed"
  | "applet"
  | "script"
  | "bgsound"
  | "meta-refresh"
  | "ping"
  | "manifest"
  | "base"
  | "anchor";

/** A URL found in an element: in an attribute, a `srcset` candidate or an inline CSS value. */
export interface Resource {
  /** The URL as written, with HTML entities and CSS escapes decoded. */
  readonly url: string;
  /** The URL resolved against the document's first `<base href>`; undefined when it does not parse. */
  readonly absoluteUrl: string | undefined;
  readonly vector: Vector;
  /** The attribute that holds it (lower-case), e.g. `src`, `srcset`, `style`. Undefined for `<style>` text. */
  readonly attribute: string | undefined;
  /** `open`: fetched when the message is displayed; `click`: only when the reader follows it. */
  readonly fetch: "open" | "click";
}

/** One CSS declaration of an inline `style` attribute. */
export interface StyleDeclaration {
  /** Lower-case property name. */
  readonly name: string;
  /** Trimmed value without `!important`. */
  readonly value: string;
}

/** An open ancestor element, as selectors and detectors see it. */
export interface Ancestor {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** An element as detectors see it: plain data plus its context in the document. */
export interface Element {
  /** Lower-case tag name (`image` is reported as `img`, as browsers build it). */
  readonly name: string;
  readonly namespace: "html" | "svg" | "math";
  /** Attributes by lower-case name, entity-decoded; the first of duplicate attributes wins, as in browsers. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Every URL this element (with its inline style, or its `<style>` text) would fetch or link to. */
  readonly resources: readonly Resource[];
  /** The inline `style` declarations, parsed. */
  readonly style: readonly StyleDeclaration[];
  /** Why this element is hidden (by itself or an ancestor), e.g. `display:none on <div>`; undefined when visible. */
  readonly hiddenBy: string | undefined;
  /** Open ancestors, outermost first. */
  readonly ancestors: readonly Ancestor[];
  /** True inside an Outlook conditional comment (`<!--[if mso]>...<![endif]-->`). */
  readonly inConditionalComment: boolean;
  /** The document's first `<base href>`, when one came before this element. */
  readonly baseHref: string | undefined;
  /** The recipient addresses given in the options, lower-cased. */
  readonly recipients: readonly string[];
  /** The active preset. */
  readonly preset: Preset;
  /** Offset of this element's `<` in the input. */
  readonly offset: number;
}

/** A detector's judgement: this element, or one of its resources, is tracking. */
export interface Finding {
  /** The detector's name. */
  readonly detector: string;
  /** Short and human: "1x1 image", "hidden image with a per-recipient token". */
  readonly reason: string;
  /** The resource that tracks; absent when the element itself is the problem (e.g. `<script>`). */
  readonly resource?: Resource;
  /** The vendor, when known ("Mailchimp"). */
  readonly vendor?: string;
  /** Ask that the construct be kept and only reported (e.g. an opaque click redirect). */
  readonly keep?: boolean;
  /** For findings that rewrite a URL: the replacement URL (decoded) and what changed. */
  readonly replacement?: { readonly url: string; readonly changes: readonly string[] };
}

/** Judges one element. Pure: no I/O, no output, no mutation of its argument. */
export interface Detector {
  /** Kebab-case name, shown in the report. */
  readonly name: string;
  /** Lower-case tag names this detector wants; omit to see every element. */
  readonly tags?: readonly string[];
  detect(element: Element): Finding | readonly Finding[] | undefined;
}

/** A change to one element. The engine applies it to the original bytes. */
export type Edit =
  /** Remove the element: the tag, and for non-void elements everything up to its end tag. */
  | { readonly kind: "remove-element" }
  /** Remove the smallest construct that holds the resource: its attribute, `srcset` candidate or CSS declaration. */
  | { readonly kind: "remove-resource"; readonly resource: Resource }
  /** Replace the resource's URL (a decoded URL; the engine encodes it for its attribute). */
  | { readonly kind: "replace-url"; readonly resource: Resource; readonly url: string }
  /** Change nothing; report the finding as kept. */
  | { readonly kind: "keep" };

/** Turns a finding into an edit. The first rewriter that returns an edit wins. */
export interface Rewriter {
  readonly name: string;
  rewrite(finding: Finding, element: Element): Edit | undefined;
}

/** What was done about a finding. */
export type Action =
  | "removed-element"
  | "removed-attribute"
  | "removed-srcset-candidate"
  | "removed-css-declaration"
  | "rewrote-url"
  | "kept";

/** One line of the report. */
export interface ReportEntry {
  /** Where the URL sat, or `element` for a finding about a whole element. */
  readonly vector: Vector | "element";
  /** The tag name of the element. */
  readonly tag: string;
  /** The URL concerned, as written (decoded). */
  readonly url?: string;
  /** The replacement URL, for `rewrote-url`. */
  readonly newUrl?: string;
  /** For `rewrote-url`: the removed parameters and unwrapped redirect rules. */
  readonly changes?: readonly string[];
  readonly vendor?: string;
  readonly detector: string;
  readonly rewriter?: string;
  readonly action: Action;
  /** False in the `audit` preset: the action is what would have been done. */
  readonly applied: boolean;
  readonly reason: string;
  /** Offset of the element's `<` in the input. */
  readonly offset: number;
}

/** Something the engine could not do as asked, and what it did instead. */
export interface Warning {
  readonly code: "limit-exceeded" | "unclosed-removed-element" | "ambiguous-markup" | "report-truncated";
  readonly message: string;
  readonly offset: number;
}

/** Everything that was found and done in one run. */
export interface Report {
  readonly preset: Preset;
  /** True when the output differs from the input. */
  readonly changed: boolean;
  readonly findings: readonly ReportEntry[];
  readonly warnings: readonly Warning[];
}

/** A block or allow rule: a CSS selector string (`img[src*="/beacon/"]`) or a URL pattern. */
export type Rule = string | { readonly selector: string } | { readonly url: string };

export interface StripOptions {
  /** @default "standard" */
  readonly preset?: Preset;
  /** The recipient address(es), so detectors can find them (and their hashes) in URLs. */
  readonly recipient?: string | readonly string[];
  /** Extra detectors, run after the preset's built-in ones. */
  readonly detectors?: readonly Detector[];
  /** Names of built-in detectors to turn off, e.g. `["pixel"]`. */
  readonly disable?: readonly string[];
  /** Extra rewriters, tried before the built-in one. */
  readonly rewriters?: readonly Rewriter[];
  /** Elements or URLs that are always tracking. URL patterns apply to fetched resources, never to links. */
  readonly block?: readonly Rule[];
  /** Elements or URLs that are never touched; wins over `block` and over every detector. */
  readonly allow?: readonly Rule[];
  /** Link parameters never removed (case-insensitive), e.g. `["ref"]`; wins over every parameter rule. */
  readonly keepParams?: readonly string[];
  /** Extra link parameters to remove (case-insensitive). */
  readonly removeParams?: readonly string[];
  /**
   * Unwrap click redirects whose destination is written in the URL (Amazon SES, Google, Proofpoint, ...).
   * @default true
   */
  readonly unwrapRedirects?: boolean;
  /**
   * The most input (in UTF-16 code units) held while one construct (a tag, a comment, a `<style>` block) is
   * incomplete. Past it, that construct is dropped (fail closed) and a `limit-exceeded` warning is reported.
   * @default 16777216
   */
  readonly maxBufferSize?: number;
  /**
   * Receives each report line as soon as it is made, for callers that do not want the report kept (a relay
   * streaming a mailbox). When given, `report.findings` stays empty. Without it, the report keeps at most
   * 10,000 findings and adds a `report-truncated` warning when there were more.
   */
  readonly onFinding?: (entry: ReportEntry) => void;
}

export interface StripperOptions extends StripOptions {
  /** Receives output as soon as it is safe to emit. */
  readonly onData: (chunk: string) => void;
}

/** The streaming core: feed chunks, then end. */
export interface Stripper {
  write(chunk: string): void;
  end(): Report;
}
