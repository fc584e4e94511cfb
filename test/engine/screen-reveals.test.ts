import { describe, expect, it } from "vitest";
import { screenDeclarationsFor } from "../../src/engine/screen-reveals.js";
import { parseSheet } from "../../src/engine/style-rules.js";

/** What screen `@media` rules say about the rule `.m{display:none}` of `css`. */
const about = (css: string) => {
  const blocks = parseSheet(css);
  const rule = blocks.find((block) => block.prelude === ".m" && block.declarations.some(({ value }) => value === "none"))!;
  return screenDeclarationsFor(blocks, rule).map(({ name, value }) => `${name}:${value}`);
};

describe("screenDeclarationsFor (adversary25 F4)", () => {
  it.each([
    [".m{display:none} @media (max-width:480px){.m{display:block}}", ["display:block"]],
    [".m{display:none} @media screen and (max-width:480px){.x, .m{height:20px}}", ["height:20px"]],
    [".m{display:none;@media (max-width:480px){display:block}}", ["display:block"]],
    // Before it: only what is !important wins.
    ["@media (max-width:480px){.m{display:block;height:9px!important}} .m{display:none}", ["height:9px"]],
    // Not for a screen, not an @media, not the same selector.
    [".m{display:none} @media print{.m{display:block}}", []],
    [".m{display:none} @media (max-width:0px){.m{display:block}}", []],
    [".m{display:none} @supports (display:grid){.m{display:block}}", []],
    [".m{display:none} @media (max-width:480px){@layer a{.m{display:block}}}", []],
    [".m{display:none} @media (max-width:480px){.m img{display:block}}", []],
    [".m{display:none} .m{display:block}", []],
  ])("%s", (css, expected) => {
    expect(about(css)).toEqual(expected);
  });
});
