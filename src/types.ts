// The public data shapes shared by the engine, detectors, rewriters and the report.

/**
 * Which tracking policy to apply: `standard` (the default), `strict` (also remote stylesheets, fonts and any
 * remote resource with an opaque token), or `audit`, an alias of `standard` with `dryRun: true`.
 */
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
  | "attributionsrc"
  | "manifest"
  | "base"
  | "anchor";

/** A URL found in an element: in an attribute, a `srcset` candidate or an inline CSS value. */
export interface Resource {
  /** The URL as written, with HTML entities and CSS escapes decoded. */
  readonly url: string;
  /**
   * The URL resolved against the document's first `<base href>`, as a browser would fetch it; undefined when it
   * does not parse or names no remote host (a path-relative URL without a base). Where the reading depends on the
   * scheme of the page showing the mail (`https:host/p` is a path in an https page, `https://host/p` in an http,
   * file or about:blank one), this is the reading that reaches a remote host.
   */
  readonly absoluteUrl: string | undefined;
  /** How a mail client reaches the URL. */
  readonly vector: Vector;
  /** The attribute that holds it (lower-case), e.g. `src`, `srcset`, `style`. Undefined for `<style>` text. */
  readonly attribute: string | undefined;
  /** `open`: fetched when the message is displayed; `click`: only when the reader follows it. */
  readonly fetch: "open" | "click";
  /** For a URL in a `<style>` sheet: the rule around it, so a detector can tell when it fires. */
  readonly cssRule?: CssRule;
}

/** The rule around a URL in a style sheet. */
export interface CssRule {
  /** The preludes of the enclosing blocks, outermost first: `["@media print", ".footer a:hover"]`. */
  readonly preludes: readonly string[];
  /** The declarations of the innermost block (the rule that holds the URL). */
  readonly declarations: readonly StyleDeclaration[];
  /**
   * What `@media` rules for screens (a phone's) give the same selector and may win over the rule's own, in cascade
   * order: there they may show or size up what the rule hides (`.mob{display:none}` and a phone's
   * `@media (max-width:480px){.mob{display:block!important}}`).
   */
  readonly onSomeScreens?: readonly StyleDeclaration[];
}

/** One CSS declaration of an inline `style` attribute. */
export interface StyleDeclaration {
  /** Lower-case property name. */
  readonly name: string;
  /** Trimmed value without `!important`. */
  readonly value: string;
  /** Declared `!important` (told for `sheetStyle` declarations; an inline style's leave it out). */
  readonly important?: boolean;
}

/** An open ancestor element, as selectors and detectors see it. */
export interface Ancestor {
  /** Lower-case tag name. */
  readonly name: string;
  /** Attributes by lower-case name, entity-decoded. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** An element as detectors see it: plain data plus its context in the document. */
export interface Element {
  /** Lower-case tag name (`image` is reported as `img`, as browsers build it). */
  readonly name: string;
  /** The namespace the tree builder puts the element in. */
  readonly namespace: "html" | "svg" | "math";
  /**
   * Attributes by lower-case name, entity-decoded; the first of duplicate attributes wins, as in browsers. Built
   * when first read: a detector that wants one or two attributes is faster with `attribute(name)`.
   */
  readonly attributes: Readonly<Record<string, string>>;
  /**
   * The value of the first attribute with this lower-case name, entity-decoded (as `attributes[name]`, without
   * building the record); undefined when the element has none.
   * @example
   * element.attribute("width") //=> "1" for <img width=1 WIDTH=2>
   */
  attribute(name: string): string | undefined;
  /** Every URL this element (with its inline style, or its `<style>` text) would fetch or link to. */
  readonly resources: readonly Resource[];
  /** The inline `style` declarations, parsed. */
  readonly style: readonly StyleDeclaration[];
  /**
   * Size and hiding declarations (`width`, `height`, `display`, ...) of earlier `<style>` rules with simple
   * selectors (`.px`, `#id`, `img.px`) that match this element, in cascade order (by specificity, then source
   * order); inline `style` wins over them, but for their `!important` ones.
   */
  readonly sheetStyle?: readonly StyleDeclaration[];
  /**
   * Size declarations of matching `<style>` rules that apply on some screens or elements only (`@media`, nested
   * rules, `@supports`), in cascade order: there the element may take that size too.
   */
  readonly sheetStyleOnSomeScreens?: readonly StyleDeclaration[];
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
  /**
   * The same addresses in the case the caller wrote them (trimmed), for encodings that keep case (base64).
   * Optional so that an `Element` made by hand need not have it; `recipients` then stands for it.
   */
  readonly recipientsAsGiven?: readonly string[];
  /** The active preset, as given (`audit` included). */
  readonly preset: Preset;
  /** Offset of this element's `<` in the input. */
  readonly offset: number;
}

/** A detector's judgement: this element, or one of its resources, is tracking. */
export interface Finding {
  /** Ignored: the report names the detector that returned the finding (its `name`). */
  readonly detector?: string;
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
  /**
   * `"resources"`: the detector only finds things in `element.resources`, so the engine may skip, without
   * computing anything, the elements (of its `tags`, or any) that cannot have a resource: no attribute that can
   * hold a URL, no inline style with a CSS URL, not a `<style>`.
   */
  readonly needs?: "resources";
  /** Judges one element: a finding, several, or undefined when it is not tracking. Must not throw. */
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
  /** Kebab-case name, shown in the report. */
  readonly name: string;
  /**
   * The edit for one finding, or undefined to let the next rewriter decide. An edit's `resource` must be one of
   * `element.resources` (anything else is a TypeError naming the rewriter).
   */
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
  /** The vendor, when known ("Mailchimp"). */
  readonly vendor?: string;
  /** The name of the detector that found it (`block-rule` for a block rule, `ambiguous-markup` for the engine). */
  readonly detector: string;
  /** The name of the rewriter that decided the edit (`default`, `engine`, or a user rewriter's name). */
  readonly rewriter?: string;
  /** What was done (or, when `applied` is false, would have been done). */
  readonly action: Action;
  /** False with `dryRun` (and the `audit` preset) and for `kept`: the action is what would have been done. */
  readonly applied: boolean;
  /** Short and human: "1x1 image", "unwrapped Google redirect; removed utm_source". */
  readonly reason: string;
  /** Offset of the element's `<` in the input (UTF-16 code units). */
  readonly offset: number;
  /** 1-based line of `offset` (lines end at "\n"). */
  readonly line: number;
  /** 1-based column of `offset`, in UTF-16 code units from the start of its line. */
  readonly column: number;
}

/** Something the engine could not do as asked, and what it did instead. */
export interface Warning {
  /** `limit-exceeded`: a construct outgrew `maxBufferSize` and was dropped (or nesting went too deep, or the
   * `<style>` that would bring a stream's rules past 10,000 was removed); `unclosed-removed-element`: a
   * removed element ran to the end of input; `ambiguous-markup`: markup browsers read differently was neutralised;
   * `report-truncated`: the kept report reached its cap (pass `onFinding` to receive every line). */
  readonly code: "limit-exceeded" | "unclosed-removed-element" | "ambiguous-markup" | "report-truncated";
  /** What happened, for a human. */
  readonly message: string;
  /** Where it happened in the input (UTF-16 code units). */
  readonly offset: number;
}

/** Everything that was found and done in one run. */
export interface Report {
  /** The preset as given. */
  readonly preset: Preset;
  /** True when the output differs from the input (always false with `dryRun`). */
  readonly changed: boolean;
  /** Every finding, in document order. */
  readonly findings: readonly ReportEntry[];
  /** What could not be done as asked, and what was done instead. */
  readonly warnings: readonly Warning[];
}

/**
 * A block or allow rule: a CSS selector string (`img[src*="/beacon/"]`), `{ selector }`, or a URL pattern
 * `{ url: "host" }` / `{ url: "host/path-prefix" }` (subdomains included).
 */
export type Rule = string | { readonly selector: string } | { readonly url: string };

/**
 * An open-tracking endpoint: an open-time fetch whose host and path match is tracking, whatever its size.
 * @example { id: "acme-open", vendor: "Acme", hosts: ["t.acme.example"], path: /^\/open\// }
 */
export interface TrackerRule {
  /** Names the rule in error messages. */
  readonly id: string;
  /** Shown in the report ("Acme open pixel (known endpoint)"). */
  readonly vendor: string;
  /** Hosts, each matching itself and its subdomains (`name.*`: name.<any public suffix>). Absent: see `hostPattern`. */
  readonly hosts?: readonly string[];
  /** For host shapes a suffix cannot express (`open.convertkit-mail4.com`); tested on the lower-case host. */
  readonly hostPattern?: RegExp;
  /** Tested on the URL's path and query (`/track/open.php?u=1`), after HTML entities are decoded. */
  readonly path: RegExp;
  /** `"pixel"`: a broad rule that counts only for an element that is tiny (at most 6 px) or hidden. */
  readonly evidence?: "pixel";
  /** Where the rule comes from (optional for your own rules). */
  readonly source?: { readonly ref: string; readonly licence: string };
}

/** Options of `stripTracking`, `stripTrackingWithReport`, `createStripper` and the adapters. */
export interface StripOptions {
  /** The policy; see {@link Preset}. @default "standard" */
  readonly preset?: Preset;
  /**
   * Change nothing: the output is the input, and every finding is reported with `applied: false` and the action
   * that would have been taken. Works with any preset ("what would `strict` remove?").
   * @default false
   */
  readonly dryRun?: boolean;
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
  /**
   * Extra open-tracking endpoints for the `known-tracker` detector, in the shape of the built-in ones, e.g. a
   * list you hold a licence for. Validated once; a bad rule throws a TypeError naming it and its field.
   */
  readonly trackers?: readonly TrackerRule[];
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

/** Options of `createStripper`: the strip options and the output sink. */
export interface StripperOptions extends StripOptions {
  /** Receives output as soon as it is safe to emit. */
  readonly onData: (chunk: string) => void;
}

/** The streaming core: feed chunks, then end. */
export interface Stripper {
  /** Feeds the next chunk: a string, or bytes read as UTF-8 (a sequence split between chunks is kept whole). */
  write(chunk: string | Uint8Array): void;
  /** Ends the input, flushes the rest of the output to `onData`, and returns the report. */
  end(): Report;
}
