// The detector index: an element none of the resource-only detectors can find anything in is not judged by them,
// and every element that can fetch something still is.

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { indexDetectors, mayHaveResources } from "../../src/engine/config.js";
import type { Namespace } from "../../src/engine/open-elements.js";
import { attributeResources } from "../../src/engine/resources.js";
import { stripTracking, stripTrackingWithReport } from "../../src/index.js";
import type { Detector } from "../../src/types.js";
import { rawAttributes } from "../support/raw-attributes.js";


describe("mayHaveResources", () => {
  it.each<[string, Record<string, string>, boolean]>([
    ["div", { class: "x", style: "color:red", align: "center", "data-x": "https://t.example/o" }, false],
    ["td", { width: "1", height: "1", bgcolor: "#fff" }, false],
    ["td", { background: "https://t.example/o.gif" }, true],
    ["foo", { background: "https://t.example/o.gif" }, true],
    ["p", { style: "background:url(https://t.example/o.gif)" }, true],
    ["p", { style: "background:\\75 rl(x)" }, true],
    ["rect", { fill: "url(https://t.example/o.svg#a)" }, true],
    ["v:fill", { src: "https://t.example/o.gif" }, true],
    ["amp-img", { src: "https://t.example/o.gif" }, true],
    ["x-unknown", { whatever: "y" }, true],
    ["style", {}, true],
  ])("<%s %j> → %s", (name, attributes, expected) => {
    expect(mayHaveResources(name, rawAttributes(attributes))).toBe(expected);
  });

  const tags: [string, Namespace][] = [
    ["img", "html"], ["td", "html"], ["a", "html"], ["meta", "html"], ["input", "html"], ["link", "html"],
    ["object", "html"], ["applet", "html"], ["html", "html"], ["video", "html"], ["amp-img", "html"], ["div", "html"],
    ["image", "svg"], ["use", "svg"], ["rect", "svg"], ["set", "svg"], ["animate", "svg"], ["a", "svg"],
    ["v:fill", "html"], ["v:rect", "html"], ["v:imagedata", "html"], ["mi", "math"],
  ];
  const attributeName = fc.oneof(
    fc.constantFrom(
      "class", "id", "style", "width", "height", "type", "rel", "name", "value", "alt", "title", "bgcolor", "data-src",
      "aria-label", "src", "href", "background", "content", "http-equiv", "fill", "to", "values", "attributename",
      "srcset", "poster", "data", "code", "o:href", "url", "ping", "manifest", "xlink:href", "link", "text",
    ),
    fc.stringMatching(/^[a-z][a-z:-]{0,8}$/),
  );
  const attributeValue = fc.constantFrom(
    "https://t.example/o.gif", "url(https://t.example/o.gif)", "0;url=https://t.example/", "refresh", "href",
    "image", "stylesheet", "color:red", "x.gif 1x", "", "#a", "url(#a)",
  );
  test.prop([fc.constantFrom(...tags), fc.uniqueArray(fc.tuple(attributeName, attributeValue), { selector: ([name]) => name, maxLength: 6 })], {
    seed: 20261202,
    numRuns: 2000,
  })("false only for elements whose attributes hold no resource", ([tag, namespace], attributes) => {
    if (mayHaveResources(tag, rawAttributes(attributes))) return;
    expect(attributeResources(tag, namespace, rawAttributes(attributes), undefined)).toEqual([]);
    expect(attributeResources(tag, namespace, rawAttributes(attributes), "https://base.example/")).toEqual([]);
  });
});

describe("indexDetectors", () => {
  it("keeps detectors that need no resources for every element, in order", () => {
    const a: Detector = { name: "a", needs: "resources", detect: () => undefined };
    const b: Detector = { name: "b", detect: () => undefined };
    const c: Detector = { name: "c", tags: ["td"], needs: "resources", detect: () => undefined };
    const { detectorsByTag, detectorsForAll } = indexDetectors([a, b, c]);
    expect(detectorsForAll.all).toEqual([a, b]);
    expect(detectorsForAll.withoutResources).toEqual([b]);
    expect(detectorsByTag.get("td")?.all).toEqual([a, b, c]);
    expect(detectorsByTag.get("td")?.withoutResources).toEqual([b]);
  });

  it("judges, through the engine, exactly the elements that may fetch", () => {
    const seen: string[] = [];
    const everything: string[] = [];
    const watcher: Detector = { name: "watcher", needs: "resources", detect: (e) => void seen.push(e.name) };
    const all: Detector = { name: "all", detect: (e) => void everything.push(e.name) };
    const html =
      '<div class="x" style="color:red"><p align=center>hi</p><foo background="https://t.example/o.gif"></foo>' +
      '<span style="background:url(https://t.example/s.gif)">x</span><svg><rect fill="url(https://t.example/f.svg#a)"/></svg>' +
      '<v:fill src="https://t.example/v.gif"></v:fill><amp-img src="https://t.example/a.gif"></amp-img>' +
      "<style>.a{color:red}</style></div>";
    stripTracking(html, { detectors: [watcher, all] });
    expect(seen).toEqual(["foo", "span", "rect", "v:fill", "amp-img", "style"]);
    expect(everything).toEqual(expect.arrayContaining(["div", "p", "svg", "foo", "span", "rect", "style"]));
  });
});

describe("indexDetectors: a custom detector's tags", () => {
  it('are matched whatever their case: tags: ["IMG"] runs on <img>, and only there', () => {
    const seen: string[] = [];
    const detector: Detector = {
      name: "acme-beacon",
      tags: ["IMG", "V:Fill"],
      detect(element) {
        seen.push(element.name);
        const resource = element.resources[0];
        return resource ? { reason: "Acme beacon", resource } : undefined;
      },
    };
    const html = '<p>x</p><img src="https://mail.acme.example/beacon/91.png" width="40" height="10"><v:fill src="https://a.example/x.png"/>';
    const { report } = stripTrackingWithReport(html, { detectors: [detector] });
    expect(seen).toEqual(["img", "v:fill"]);
    expect(report.findings.filter((finding) => finding.detector === "acme-beacon")).toHaveLength(2);
    expect(detector.tags).toEqual(["IMG", "V:Fill"]); // the caller's object is not changed
  });
});

