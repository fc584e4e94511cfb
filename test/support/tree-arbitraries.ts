// Generators for the engine's tree-model and splice properties, weighted toward what decides a namespace or a
// tokenizer state: svg/MathML and their integration points, breakout tags, raw-text elements, tables, select,
// formatting elements (the adoption agency) and end tags.

import { fc } from "@fast-check/vitest";

const foreign = [
  "svg", "math", "desc", "title", "foreignObject", "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "mglyph",
  "malignmark", "g", "image", "use", "font",
];
const rawText = ["style", "script", "textarea", "title", "xmp", "noscript", "plaintext", "iframe", "noembed", "noframes"];
const tables = ["table", "tbody", "tr", "td", "th", "caption", "colgroup", "col"];
const formatting = ["a", "b", "i", "em", "font", "nobr", "s", "strong", "u", "code"];
const other = [
  "p", "div", "span", "br", "img", "li", "ul", "dd", "select", "option", "optgroup", "template", "body", "html",
  "head", "button", "object", "applet", "marquee", "h1", "h2", "pre", "center", "frameset", "input", "hr",
];
const names = [...foreign, ...rawText, ...tables, ...formatting, ...other];

const startTag = fc
  .tuple(
    fc.constantFrom(...names),
    fc.constantFrom("", "", "", " color=red", ' encoding="text/html"', " encoding=application/xhtml+xml", "/", " src=x"),
    fc.boolean(),
  )
  .map(([name, attributes, upper]) => `<${upper ? name.toUpperCase() : name}${attributes}>`);
const endTag = fc.constantFrom(...names).map((name) => `</${name}>`);
const misc = fc.constantFrom(
  "x", " ", "<img src=x>", "<![CDATA[", "]]>", ">", "<!--", "-->", "<!-->", "</p>", "</br>", "<p>", "<br>",
  "<svg>", "</svg>", "<math>", "</math>", '<annotation-xml encoding="text/html">', "<font face=x>",
);

/** Markup soup: start tags, end tags and tricky pieces, joined. */
export const treeSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof({ arbitrary: startTag, weight: 5 }, { arbitrary: endTag, weight: 4 }, { arbitrary: misc, weight: 2 }), {
    maxLength: 30,
  })
  .map((parts) => parts.join(""));
