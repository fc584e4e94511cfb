// The size and hiding model against what Chromium renders (issue 11's adversarial reviews; each input was loaded in
// Chromium at 800 and 375 px with every image served as a 100x50 PNG and the tracker as a 1x1 one). Content cases:
// an image Chromium shows that the model once took for hidden or a pixel. Tracker cases: a pixel Chromium draws 1x1
// everywhere that a rule which only may apply once let through.

import { describe, expect, it } from "vitest";
import { stripTracking } from "../../src/index.js";

const hero = "https://cdn.example.com/hero.jpg";
const tokenized = "https://cdn.example.com/hero.jpg?u=8f3a9c2b7e1d4f6a0b5c3d2e";
const pixel = "https://t.example/p.gif?u=8f3a9c2b7e1d4f6a0b5c3d2e";
const doctype = "<!DOCTYPE html>";
const image = (attributes = "") => `<img${attributes} src="${tokenized}">`;

describe("a zero size hides only a block that clips and has no room", () => {
  it.each([
    ["the responsive-embed box: padding gives it height", `<div style="position:relative;height:0;padding-bottom:56%;overflow:hidden">${image()}</div>`],
    ["a cell grows to its content", `<table><tr><td style="height:0;overflow:hidden">${image()}</td></tr></table>`],
    ["a table grows to its content", `<table style="height:0;overflow:hidden"><tr><td>${image()}</td></tr></table>`],
    ["a cell ignores max-height", `<table><tr><td style="max-height:0;overflow:hidden">${image()}</td></tr></table>`],
    ["height does not apply to an inline box", `<p><span style="height:0;overflow:hidden">${image()}</span></p>`],
    ["nor to a link", `<a href="https://x.example/" style="height:0;overflow:hidden">${image()}</a>`],
    ["min-height wins over height", `<div style="height:0;min-height:60px;overflow:hidden">${image()}</div>`],
    ["a rule's padding opens the box", `<style>.embed{height:0;padding-bottom:56%;overflow:hidden}</style><div class="embed">${image()}</div>`],
    ["utility classes: the padding in a rule of its own", `<style>.h-0{height:0}.overflow-hidden{overflow:hidden}.pb-56{padding-bottom:56%}</style><div class="h-0 overflow-hidden pb-56">${image()}</div>`],
    ["a sheet of padding alone opens an inline zero size", `<style>.pb{padding-bottom:56%}</style><div class="pb" style="height:0;overflow:hidden">${image()}</div>`],
    ["overflow: clip on one axis, visible on the other", `<div style="height:0;overflow:clip visible">${image()}</div>`],
  ])("%s", (_, html) => {
    expect(stripTracking(doctype + html)).toContain(`src="${tokenized}"`);
  });

  it.each([
    ["a phone's rule that sets its height", `<style>@media (max-width:600px){.m{height:auto!important}}</style><div class="m" style="height:0;overflow:hidden">${image()}</div>`],
    ["a phone's rule that lets it overflow", `<style>@media (max-width:600px){.m{overflow:visible!important}}</style><div class="m" style="height:0;overflow:hidden">${image()}</div>`],
    ["a phone's rule that pads it", `<style>@media (max-width:600px){.m{padding-bottom:60px!important}}</style><div class="m" style="height:0;overflow:hidden">${image()}</div>`],
    ["a phone's rule that sets its width", `<style>@media (max-width:600px){.m{width:100%!important}}</style><div class="m" style="width:0;overflow:hidden">${image()}</div>`],
    ["a percentage height (auto under an auto-height parent)", `<div style="height:0%;overflow:hidden">${image()}</div>`],
    ["an absolutely positioned image (its containing block is outside the box)", `<div style="height:0;overflow:hidden">${image(' style="position:absolute"')}</div>`],
    ["a fixed image", `<div style="height:0;overflow:hidden">${image(' style="position:fixed"')}</div>`],
    ["an image in an absolutely positioned block", `<div style="height:0;overflow:hidden"><div style="position:absolute">${image()}</div></div>`],
    ["a growing flex item", `<div style="display:flex"><div style="width:0;flex:1;overflow:hidden">${image()}</div></div>`],
    ["a growing column flex item", `<div style="display:flex;flex-direction:column;height:200px"><div style="height:0;flex-grow:1;overflow:hidden">${image()}</div></div>`],
    ["the body (its overflow is the viewport's)", `<body style="height:0;overflow:hidden">${image()}</body>`],
    ["the root", `<html style="height:0;overflow:hidden"><body>${image()}</body></html>`],
    ["a clip margin", `<div style="height:0;overflow:clip;overflow-clip-margin:60px">${image()}</div>`],
    ["max-height:-webkit-fill-available after max-height:0", `<div style="max-height:0;overflow:hidden;max-height:-webkit-fill-available">${image()}</div>`],
    ["max-height:abs(300px) after max-height:0", `<div style="max-height:0;overflow:hidden;max-height:abs(300px)">${image()}</div>`],
    ["max-height:calc-size(max-content, size) after max-height:0", `<div style="max-height:0;overflow:hidden;max-height:calc-size(max-content, size)">${image()}</div>`],
    ["max-height:round(300px, 1px) after max-height:0", `<div style="max-height:0;overflow:hidden;max-height:round(300px, 1px)">${image()}</div>`],
    ["a positioned box for a fixed image (its containing block is the viewport)", `<div style="position:relative;height:0;overflow:hidden">${image(' style="position:fixed;top:10px;left:10px"')}</div>`],
  ])("a zero size shows what it holds under %s", (_, html) => {
    expect(stripTracking(doctype + html)).toContain(`src="${tokenized}"`);
  });

  it.each([
    ["a div", `<div style="max-height:0;overflow:hidden">${image()}</div>`],
    ["a zero-height scroll box", `<div style="max-height:0;overflow:auto">${image()}</div>`],
    ["a box with padding on the other axis only", `<div style="max-height:0;overflow:hidden;padding:0 20px">${image()}</div>`],
    ["a relatively positioned box (it contains what is positioned in it)", `<div style="position:relative;height:0;overflow:hidden">${image(' style="position:absolute"')}</div>`],
    ["a transformed box (it contains what is positioned in it)", `<div style="max-height:0;overflow:hidden;transform:translateZ(0)">${image(' style="position:absolute"')}</div>`],
    ["a box in a positioned one (escaping it leaves the outer clip)", `<div style="position:relative;max-height:0;overflow:hidden"><div style="max-height:0;overflow:hidden">${image(' style="position:absolute"')}</div></div>`],
    ["a box in a hidden cell (escaping it leaves display: none)", `<table width="600"><tr><td style="display:none"><div style="max-height:0;overflow:hidden">${image(' style="position:absolute;left:0"')}</div></td><td>hi</td></tr></table>`],
    ["a box in a block a class hides", `<style>.hide{display:none}</style><div class="hide"><div style="height:0;overflow:hidden">${image(' style="position:absolute"')}</div></div>`],
    ["a box under visibility: hidden", `<div style="visibility:hidden"><div style="max-height:0;overflow:hidden">${image(' style="position:absolute"')}</div></div>`],
    ["a flex item's growth against a maximum", `<div style="display:flex"><div style="flex:1;max-height:0;overflow:hidden">${image()}</div></div>`],
    ["a clip margin under overflow: hidden", `<div style="max-height:0;overflow:hidden;overflow-clip-margin:40px">${image()}</div>`],
    ["top padding alone (what it holds starts below it)", `<div style="max-height:0;padding-top:60px;overflow:hidden">${image()}</div>`],
    ["a weaker phone rule against a more specific hiding one", `<style>.hide{max-height:0;overflow:hidden} @media screen and (max-width:600px){ div{overflow:visible} }</style><div class="hide">${image()}</div>`],
    ["a span made a block", `<span style="display:block;height:0;overflow:hidden">${image()}</span>`],
    ["a class rule", `<style>.hide{max-height:0;overflow:hidden}</style><div class="hide">${image()}</div>`],
    ["overflow-x: hidden alone (the y axis computes to auto)", `<div style="height:0;overflow-x:hidden">${image()}</div>`],
    ["overflow: hidden visible (visible computes to auto)", `<div style="height:0;overflow:hidden visible">${image()}</div>`],
    ["a sheet of overflow alone clips an inline zero size", `<style>.oh{overflow:hidden}</style><div class="oh" style="height:0">${image()}</div>`],
  ])("still hides in %s", (_, html) => {
    expect(stripTracking(doctype + html)).not.toContain(tokenized);
  });
});

describe("padding, overflow and flex read in cascade order, as browsers keep them", () => {
  const hid = 'style="height:0;overflow:hidden"';
  it.each([
    ["a later padding:0 rule closes an earlier padding-bottom rule", `<style>.pb{padding-bottom:60px} .p0{padding:0}</style><div class="pb p0" ${hid}>${image()}</div>`],
    ["an inline padding:0 beats a rule's padding-bottom", `<style>.p{padding-bottom:60px}</style><div class="p" style="height:0;overflow:hidden;padding:0">${image()}</div>`],
    ["an inline padding-bottom:0 beats a rule's padding-block-end", `<style>.p{padding-block-end:60px}</style><div class="p" style="height:0;overflow:hidden;padding-bottom:0">${image()}</div>`],
    ["an !important padding:0 rule beats an inline padding-bottom", `<style>.p{padding:0 !important}</style><div class="p" style="height:0;overflow:hidden;padding-bottom:60px">${image()}</div>`],
    ["an inline padding-bottom, then padding:0", `<div style="height:0;overflow:hidden;padding-bottom:60px;padding:0">${image()}</div>`],
    ["a negative padding (invalid)", `<div style="height:0;overflow:hidden;padding-bottom:-60px">${image()}</div>`],
    ["an invalid overflow after a valid one (dropped: hidden stays)", `<div style="height:0;overflow:hidden;overflow:-moz-scrollbars-none">${image()}</div>`],
    ["an invalid inline overflow against a rule's", `<style>.o{overflow:hidden}</style><div class="o" style="height:0;overflow:foo">${image()}</div>`],
    ["an invalid overflow after a valid one in a rule", `<style>.h{height:0;overflow:hidden;overflow:-moz-hidden-unscrollable}</style><div class="h">${image()}</div>`],
    ["overflow: inherit from a clipping parent", `<div style="overflow:hidden"><div style="height:0;overflow:inherit">${image()}</div></div>`],
    ["a flex:1 rule outside any flex container", `<style>.g{flex:1}</style><div class="g" ${hid}>${image()}</div>`],
    ["an inline flex:1 outside any flex container", `<div style="height:0;overflow:hidden;flex:1">${image()}</div>`],
    ["flex: none in a column flexbox", `<div style="display:flex;flex-direction:column"><div style="height:0;overflow:hidden;flex:none">${image()}</div></div>`],
    ["a clip margin with clip on one axis only", `<div style="height:0;overflow-y:clip;overflow-clip-margin:60px">${image()}</div>`],
    ["a clip margin of content-box alone", `<div style="height:0;overflow:clip;overflow-clip-margin:content-box">${image()}</div>`],
    ["a negative clip margin (invalid)", `<div style="height:0;overflow:clip;overflow-clip-margin:-60px">${image()}</div>`],
    ["an inline !important overflow, then a plain one", `<div style="height:0;overflow:hidden !important;overflow:visible">${image()}</div>`],
    ["an inline !important overflow-y, then a plain overflow", `<div style="height:0;overflow-y:hidden !important;overflow:visible">${image()}</div>`],
    ["block-size:0", `<div style="block-size:0;overflow:hidden">${image()}</div>`],
    ["max-block-size:0", `<div style="max-block-size:0;overflow:hidden">${image()}</div>`],
    ["a block-size:0 rule and an inline overflow", `<style>.z{block-size:0}</style><div class="z" style="overflow:hidden">${image()}</div>`],
    ["display:-webkit-box", `<span style="display:-webkit-box;height:0;overflow:hidden">${image()}</span>`],
    ["display:inline flow-root", `<span style="display:inline flow-root;height:0;overflow:hidden">${image()}</span>`],
    ["an invalid display after display:none (dropped: none stays)", `<div style="display:none;display:nnone">${image()}</div>`],
    ["a padding without a unit in standards mode (dropped)", `<div style="height:0;overflow:hidden;padding-bottom:60">${image()}</div>`],
    ["a max-height without a unit after max-height:0 in standards mode (dropped)", `<div style="max-height:0;overflow:hidden;max-height:60">${image()}</div>`],
    ["max-height:300fr after max-height:0 (no length unit: dropped)", `<div style="max-height:0;overflow:hidden;max-height:300fr">${image()}</div>`],
    ["max-height:calc(300) after max-height:0 (a number, not a length: dropped)", `<div style="max-height:0;overflow:hidden;max-height:calc(300)">${image()}</div>`],
    ["max-height:-moz-available after max-height:0 (Chromium drops it)", `<div style="max-height:0;overflow:hidden;max-height:-moz-available">${image()}</div>`],
    ["max-height:fit-content(100px) after max-height:0 (a grid track size only)", `<div style="max-height:0;overflow:hidden;max-height:fit-content(100px)">${image()}</div>`],
    ["height:none after height:0 (none is a maximum's)", `<div style="height:0;overflow:hidden;height:none">${image()}</div>`],
    ["a phone's reveal written max-height:auto (invalid: max-height:0 stays)", `<style>.m{max-height:0;overflow:hidden}@media (max-width:600px){.m{max-height:auto!important}}</style><div class="m">${image()}</div>`],
    ["a padding rule whose class differs in case (a standards-mode document matches case)", `<style>.P{padding-bottom:60px}</style><div class="p" ${hid}>${image()}</div>`],
  ])("still hides with %s", (_, html) => {
    expect(stripTracking(doctype + html)).not.toContain(tokenized);
  });

  it.each([
    ["a padding without a unit in quirks mode (60px)", `<div style="height:0;overflow:hidden;padding-bottom:60">${image()}</div>`, ""],
    ["overflow: clip with overflow-y: unset", `<div style="height:0;overflow:clip;overflow-y:unset">${image()}</div>`],
    ["overflow: clip with overflow-x: initial", `<div style="width:0;overflow:clip;overflow-x:initial">${image()}</div>`],
    ["a flex basis in a column flexbox", `<div style="display:flex;flex-direction:column"><div style="height:0;overflow:hidden;flex-basis:60px">${image()}</div></div>`],
    ["flex: 0 0 60px in a column flexbox", `<div style="display:flex;flex-direction:column"><div style="height:0;overflow:hidden;flex:0 0 60px">${image()}</div></div>`],
    ["a flex:1 rule under a parent a rule makes flex", `<style>.row{display:flex} .g{flex:1}</style><div class="row"><div class="g" style="width:0;overflow:hidden">${image()}</div></div>`],
    ["a padding rule whose class differs in case, in quirks mode", `<style>.P{padding-bottom:60px}</style><div class="p" ${hid}>${image()}</div>`, ""],
  ])("shows what it holds with %s", (_, html, prefix = doctype) => {
    expect(stripTracking(prefix + html)).toContain(`src="${tokenized}"`);
  });
});

describe("a phone's @media reveal, read where it applies (second review, Chromium at 375 px shows each)", () => {
  const img = `<img src="${tokenized}" width="100" height="50" alt="">`;
  const head = (css: string): string => `<!DOCTYPE html><html><head><style>${css}</style></head><body>`;
  const shown = (html: string): void => expect(stripTracking(html)).toContain(`src="${tokenized}"`);
  const reveal = ".m{display:none}@media (max-width:600px){.m{display:block!important}}";
  it.each([
    ["inline mso-hide:all (Outlook's, nothing to a browser)", head("@media (max-width:480px){.m{display:block!important;max-height:none!important;overflow:visible!important}}") + `<div class="m" style="display:none;max-height:0;overflow:hidden;mso-hide:all">${img}</div>`],
    ["Foundation for Emails' .hide-for-large", head(".hide-for-large{display:none!important;mso-hide:all;overflow:hidden;max-height:0;font-size:0;width:0;line-height:0}@media only screen and (max-width:596px){.hide-for-large{display:block!important;width:auto!important;overflow:visible!important;max-height:none!important;font-size:inherit!important;line-height:inherit!important}}") + `<div class="hide-for-large">${img}</div>`],
    ["a mobile cell", head("@media (max-width:480px){.m{display:table-cell!important;max-height:none!important}}") + `<table><tr><td class="m" style="display:none;max-height:0;overflow:hidden;mso-hide:all">${img}</td></tr></table>`],
    ["a desktop-only hide (they never apply together)", head(`${reveal}@media (min-width:601px){.m{display:none!important}}`) + `<div class="m">${img}</div>`],
    ["an @media print hide", head(`${reveal}@media print{.m{display:none!important}}`) + `<div class="m">${img}</div>`],
    ["a :hover hide", head(`${reveal}.m:hover{display:none!important}`) + `<div class="m">${img}</div>`],
    ["an Outlook.com dark-mode hide", head(`${reveal}[data-ogsc] .m{display:none!important}`) + `<div class="m">${img}</div>`],
    ["an mso-hide in an Outlook conditional comment", `<!DOCTYPE html><html><head><style>${reveal}</style><!--[if gte mso 9]><style>.m{mso-hide:all}</style><![endif]--></head><body><div class="m">${img}</div>`],
    ["text before the doctype (quirks mode: .MOB matches class=mob)", `x<!DOCTYPE html><html><head><style>@media (max-width:600px){.MOB{display:block!important}}</style></head><body><div class="mob" style="display:none">${img}</div>`],
    ["a second doctype (ignored: quirks from the first)", `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><!DOCTYPE html><html><head><style>@media (max-width:600px){.MOB{display:block!important}}</style></head><body><div class="mob" style="display:none">${img}</div>`],
  ])("%s", (_, html) => shown(html));

  it.each([
    ["calc() in the padding shorthand", "padding:0 0 calc(56.25% + 1px)"],
    ["max() in the padding shorthand", "padding:0 0 max(10px, 50%)"],
    ["env() with a fallback", "padding:0 0 env(x, 60px)"],
    ["min-height: min-content", "min-height:min-content"],
    ["min-height: fit-content", "min-height:fit-content"],
    ["display: inline flow (an inline box)", "display:inline flow"],
  ])("a zero height shows what it holds with %s", (_, declaration) => {
    shown(`${doctype}<div style="height:0;${declaration};overflow:hidden">${img}</div>`);
  });

  it("a hiding rule in an Outlook conditional comment hides nothing a browser shows; its sizes still count", () => {
    shown(`${doctype}<!--[if mso]><style>.g{display:none!important}</style><![endif]--><div class="g">${img}</div>`);
    const pixel = `<!--[if mso]><style>.px{width:1px;height:1px}</style><![endif]--><img class="px" src="https://t.example/o.gif">x`;
    expect(stripTracking(pixel)).not.toContain("t.example");
  });

  it("the browser's own sheet hides a <dialog> that is not open and a <datalist>, unless the page sets a display", () => {
    expect(stripTracking(`${doctype}<dialog>${img}</dialog>`)).not.toContain(tokenized);
    expect(stripTracking(`${doctype}<datalist>${img}</datalist>`)).not.toContain(tokenized);
    shown(`${doctype}<dialog open>${img}</dialog>`);
    shown(`${doctype}<dialog style="display:block">${img}</dialog>`);
    shown(`${doctype}<datalist style="display:block">${img}</datalist>`);
  });

  it.each([
    ["inline on the image", `${doctype}<p>hi</p><img src="${tokenized}" width="100" height="50" style="mso-hide:all">`],
    ["a 'hide from Outlook' block around an animated GIF", `${doctype}<!--[if !mso]><!--><div style="mso-hide:all"><img src="${tokenized}" width="600" alt="Animated"></div><!--<![endif]-->`],
    ["a <style> class rule on a cell", `${doctype}<style>.nomso{mso-hide:all}</style><table><tr><td class="nomso"><img src="${tokenized}" width="600"></td></tr></table>`],
    ["mso-hide:all !important on a cell", `${doctype}<table><tr><td style="mso-hide:all !important"><img src="${tokenized}" width="300" height="100"></td></tr></table>`],
  ])("mso-hide:all hides nothing a browser shows: %s", (_, html) => shown(html));

  it.each([
    ["visibility:initial", ".m{visibility:initial!important}", "visibility:hidden"],
    ["visibility:unset", ".m{visibility:unset!important}", "visibility:hidden"],
    ["overflow:initial", ".m{overflow:initial!important}", "max-height:0;overflow:hidden"],
    ["overflow:unset", ".m{overflow:unset!important}", "height:0;overflow:hidden"],
    ["opacity:calc(1)", ".m{opacity:calc(1)!important}", "opacity:0"],
    ["opacity:var(--o)", ".m{opacity:var(--o)!important}", "opacity:0"],
  ])("a phone's reveal written as %s", (_, rule, style) => {
    shown(`${head(`:root{--o:1}@media only screen and (max-width:600px){${rule}}`)}<div class="m" style="${style}">${img}</div>`);
  });

  it("IBM's XHTML system identifier is quirks mode whatever the public one (.mobile matches class=Mobile)", () => {
    shown(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"><style>@media only screen and (max-width:600px){.mobile{display:block!important}}</style><div class="Mobile" style="display:none">${img}</div>`);
  });

  it("a zero height written with a comment still reads the padding rules", () => {
    shown(`${head(".p{padding-bottom:50%}")}<div class="p" style="height:/**/0;overflow:hidden">${img}</div>`);
  });
});

describe("display values read as Chromium reads them (fourth review)", () => {
  const img = `<img src="${tokenized}" width="100" height="50">`;
  it.each([
    ["display:var() after display:none (an unknown variable is inline)", `<div style="display:none;display:var(--nope)">${img}</div>`],
    ["a phone's reveal written display:var(--d)", `<style>:root{--d:block}@media (max-width:600px){.m{display:var(--d)!important;max-height:none!important}}</style><div class="m" style="display:none;max-height:0;overflow:hidden">${img}</div>`],
    ["an inline display:var(--d, block) over a rule's none", `<style>.m{display:none}</style><div class="m" style="display:var(--d, block)">${img}</div>`],
    ["display:env(foo, block) after display:none", `<div style="display:none;display:env(foo, block)">${img}</div>`],
    ["display:attr(data-d) after display:none", `<div data-d="block" style="display:none;display:attr(data-d)">${img}</div>`],
    ["a flex parent by var() in a rule", `<style>:root{--f:flex}.p{display:var(--f)}</style><div class="p"><div style="width:0;overflow:hidden;flex-grow:1">${img}</div></div>`],
    ["a flex parent by var() inline", `<div style="--f:flex;display:var(--f)"><div style="width:0;overflow:hidden;flex-grow:1">${img}</div></div>`],
    ["a flex parent by an escaped inline display (fl\\65x)", `<div style="display:fl\\65x"><div style="width:0;overflow:hidden;flex-grow:1">${img}</div></div>`],
  ])("shows with %s", (_, html) => {
    expect(stripTracking(doctype + html)).toContain(`src="${tokenized}"`);
  });

  it.each([
    ["-ms-flexbox (Chromium drops it: none stays)", "-ms-flexbox"],
    ["run-in", "run-in"],
    ["block none", "block none"],
    ["flex flex", "flex flex"],
    ["block inline", "block inline"],
  ])("still hides after display:none with %s", (_, value) => {
    expect(stripTracking(`${doctype}<div style="display:none;display:${value}">${img}</div>`)).not.toContain(tokenized);
  });
});

describe("visibility, the hidden attribute and all", () => {
  it("a child's visibility: visible shows it under a hidden parent, also when a rule may reveal it", () => {
    const html = `${doctype}<style>@media (max-width:600px){.m{display:block!important}}</style><div style="visibility:hidden">${image(' class="m" style="visibility:visible"')}</div>`;
    expect(stripTracking(html)).toContain(`src="${tokenized}"`);
  });

  it("all: initial beats the hidden attribute (the browser's display: none), all: revert does not", () => {
    expect(stripTracking(`${doctype}${image(' hidden style="all:initial"')}`)).toContain(`src="${tokenized}"`);
    expect(stripTracking(`${doctype}${image(' hidden style="all:revert"')}`)).not.toContain(tokenized);
  });

  it("display:none\\9 (an old IE hack) is no display: none", () => {
    expect(stripTracking(`${doctype}${image(' style="display:none\\9"')}`)).toContain(`src="${tokenized}"`);
  });
});

describe("selectors match the page the browser builds", () => {
  it("content foster-parented out of a table is not inside it", () => {
    const html = `${doctype}<style>.h img{display:none}</style><table class="h">${image()}<tr><td>x</td></tr></table>`;
    expect(stripTracking(html)).toContain(`src="${tokenized}"`);
    // Nor inside a hidden table.
    expect(stripTracking(`${doctype}<table style="display:none">${image()}<tr><td>x</td></tr></table>`)).toContain(`src="${tokenized}"`);
    // What a cell holds is.
    expect(stripTracking(`${doctype}<style>.h img{display:none}</style><table class="h"><tr><td>${image()}</td></tr></table>`)).not.toContain(tokenized);
  });

  it.each([
    ["after a <form> (closed as it opens)", `<style>.h img{display:none}</style><table class="h"><form>${image()}</form><tr><td>x</td></tr></table>`],
    ["after a <colgroup> (closed by any other tag)", `<style>.h img{display:none}</style><table class="h"><colgroup><col width="100">${image()}<tr><td>x</td></tr></table>`],
    ["sized by the table's rule", `<style>.h img{width:1px;height:1px}</style><table class="h"><form>${image()}</form></table>`],
    ["out of a hidden table after a <form>", `<table style="display:none"><form>${image()}</form></table>`],
    ["out of a hidden table after a <colgroup>", `<table style="display:none"><colgroup>${image()}</table>`],
    ["out of a hidden table's row", `<table style="display:none"><tr><form><div>${image()}</div></form></tr></table>`],
  ])("content foster-parented %s is outside the table", (_, html) => {
    expect(stripTracking(doctype + html)).toContain(`src="${tokenized}"`);
  });

  it("an ancestor the browser adds (tbody, tr) may be there", () => {
    const sized = `${doctype}<style>table tbody img{width:100px!important;height:50px!important}</style><table><tr><td><img src="${hero}" width="1" height="1"></td></tr></table>`;
    expect(stripTracking(sized)).toContain(`src="${hero}"`);
    const revealed = `${doctype}<style>@media (max-width:600px){tr .m{display:block!important}}</style><table><td>${image(' class="m" style="display:none"')}</td></table>`;
    expect(stripTracking(revealed)).toContain(`src="${tokenized}"`);
  });

  it.each([
    ["an unknown pseudo-class voids the list", `<style>.hero, .x:hovr{display:none}</style>${image(' class="hero"')}`],
    ["a lone - is no class", `<style>.-{display:none}</style>${image(' class="-"')}`],
    ["two ids match nothing", `<style>#hero#x{display:none}</style>${image(' id="hero"')}`],
  ])("rules browsers drop do not hide: %s", (_, html) => {
    expect(stripTracking(doctype + html)).toContain(`src="${tokenized}"`);
  });
});

describe("a rule that may apply never lets a pixel through by giving it its own size", () => {
  it.each([
    // Foundation for Emails' mobile CSS, with the pixel inside <table class="body">.
    ["Foundation", `<html><head><style>@media only screen and (max-width: 596px){table.body img{width:auto;height:auto}}</style></head><body><table class="body"><tr><td><img src="${pixel}" width="1" height="1"></td></tr></table></body></html>`],
    ["the Gmail hack", `<body class="body"><u></u><style>u + .body img{width:auto;height:auto}</style><img src="${pixel}" width="1" height="1"></body>`],
    [":not()", `<style>img:not(.hero){width:auto;height:auto}</style><img src="${pixel}" width="1" height="1">`],
  ])("%s", (_, html) => {
    expect(stripTracking(doctype + html)).not.toContain(pixel);
  });
});

describe("the document's mode decides whether a size without a unit is pixels (adversary13, Chromium's compatMode)", () => {
  const reopened = `<div style="height:0;overflow:hidden;height:300">${image()}</div>`;
  it.each([
    ["XHTML 1.1", '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'],
    ["XHTML Mobile 1.2", '<!DOCTYPE html PUBLIC "-//WAPFORUM//DTD XHTML Mobile 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/xhtml-mobile12.dtd">'],
    ["HTML 4.0 Strict", '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">'],
    ['an empty public identifier', '<!DOCTYPE html PUBLIC "">'],
    ["a byte order mark before the doctype", "\uFEFF<!DOCTYPE html>"],
    ["XHTML 1.0 written XML-style (` />` after the system identifier)", '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd" />'],
  ])("standards mode after %s: height:300 is dropped, the zero height clips", (_, before) => {
    expect(stripTracking(before + reopened)).not.toContain(tokenized);
  });

  it.each([
    ["no doctype", ""],
    ["HTML 4.01 Transitional without a system identifier", '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">'],
    ["HTML 4.01 Transitional with an empty system identifier", '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "">'],
  ])("quirks mode with %s: height:300 is 300px", (_, before) => {
    expect(stripTracking(before + reopened)).toContain(tokenized);
  });
});
