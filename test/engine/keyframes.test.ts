import { describe, expect, it } from "vitest";
import { animationReveals, RevealingKeyframes } from "../../src/engine/keyframes.js";
import { stripTracking } from "../../src/index.js";

const read = (css: string): RevealingKeyframes => {
  const keyframes = new RevealingKeyframes();
  keyframes.add(css);
  return keyframes;
};

describe("RevealingKeyframes (adversary25 F3)", () => {
  it.each([
    ["@keyframes fadein{to{opacity:1}}", ["fadein"], []],
    ["@keyframes fadein{from{opacity:0}to{opacity:1}}", ["fadein"], []],
    ["@-webkit-keyframes f{0%{opacity:0} 100%{opacity:.5}}", ["f"], []],
    ["@keyframes f{0%,100%{opacity:100%}}", ["f"], []],
    ["@keyframes show{to{visibility:visible}}", [], ["show"]],
    // A fade-out ends hidden; a frame in the middle is not where `forwards` stays; a function is not read.
    ["@keyframes out{from{opacity:1}to{opacity:0}}", [], []],
    ["@keyframes mid{50%{opacity:1}}", [], []],
    ["@keyframes v{to{opacity:var(--o)}}", [], []],
    // Inside @media it may not apply; an escape may spell something else.
    ["@media (max-width:480px){@keyframes m{to{opacity:1}}}", [], []],
    ["@keyframes e{to{op\\61 city:0;opacity:1}}", [], []],
    [".a{color:red} /* { */ @keyframes c{to{opacity:1}}", ["c"], []],
  ])("%s", (css, opacity, visibility) => {
    const keyframes = read(css);
    expect([...keyframes.opacity]).toEqual(opacity);
    expect([...keyframes.visibility]).toEqual(visibility);
  });
});

describe("animationReveals", () => {
  const names = new Set(["fadein", "ease"]);
  const applied = (declarations: Record<string, string>) => new Map(Object.entries(declarations).map(([name, value]) => [name, { name, value }]));
  it.each([
    [{ animation: "fadein .5s ease-in forwards" }, true],
    [{ animation: "fadein 1s infinite alternate" }, true],
    [{ "animation-name": "fadein", "animation-fill-mode": "both" }, true],
    // Back to the element's own opacity:0 once run, never run, or run too late to count.
    [{ animation: "fadein .5s" }, false],
    [{ animation: "fadein .5s forwards paused" }, false],
    [{ animation: "fadein .5s 9999s forwards" }, false],
    [{ animation: "fadein .5s reverse forwards" }, false],
    // A name not read, a keyword (`ease` is the timing function there), a list.
    [{ animation: "x .5s forwards" }, false],
    [{ animation: "ease .5s forwards" }, false],
    [{ animation: "fadein .5s forwards, x 1s" }, false],
  ])("%j -> %j", (declarations, expected) => {
    expect(animationReveals(applied(declarations), names)).toBe(expected);
  });
});

const avatar = `<img src="https://www.gravatar.com/avatar/5d41402abc4b2a76b9719d911017c592?s=96&amp;d=identicon" width="48" height="48" alt="Ann">`;
const pixel = `<img src="https://t.example/o/3f2a9c8e7d6b5a4f3e2d1c0b" width="48" height="48">`;

describe("fade-ins are content, hidden pixels with a borrowed animation are not (adversary25 F3)", () => {
  it.each([
    ["a class rule with animation ... forwards", `<style>.fade{opacity:0;animation:fadein .5s ease-in forwards}@keyframes fadein{to{opacity:1}}</style><div class="fade">${avatar}</div>`],
    ["inline opacity:0 with the animation inline", `<style>@keyframes fadein{from{opacity:0}to{opacity:1}}</style><div style="opacity:0;animation:fadein .5s forwards">${avatar}</div>`],
    ["visibility:hidden revealed by its keyframes", `<style>@keyframes show{to{visibility:visible}}</style><div style="visibility:hidden;animation:show 1s forwards">${avatar}</div>`],
  ])("keeps %s", (_title, input) => {
    expect(stripTracking(input)).toBe(input);
  });
  it.each([
    ["an animation name no @keyframes defines", `<div style="opacity:0;animation:x 1s forwards">${pixel}</div>`, `<div style="opacity:0;animation:x 1s forwards"></div>`],
    ["@keyframes that come after the element", `<div style="opacity:0;animation:f 1s forwards">${pixel}</div><style>@keyframes f{to{opacity:1}}</style>`, `<div style="opacity:0;animation:f 1s forwards"></div><style>@keyframes f{to{opacity:1}}</style>`],
    ["@keyframes that keep it transparent", `<style>@keyframes f{to{opacity:0}}</style><div style="opacity:0;animation:f 1s forwards">${pixel}</div>`, `<style>@keyframes f{to{opacity:0}}</style><div style="opacity:0;animation:f 1s forwards"></div>`],
    ["a fade-in without forwards (back to opacity:0)", `<style>@keyframes f{to{opacity:1}}</style><div style="opacity:0;animation:f 1s">${pixel}</div>`, `<style>@keyframes f{to{opacity:1}}</style><div style="opacity:0;animation:f 1s"></div>`],
  ])("still removes a tokenized image under %s", (_title, input, output) => {
    expect(stripTracking(input)).toBe(output);
  });
});
