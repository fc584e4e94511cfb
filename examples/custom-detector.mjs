// How to add your own detector: here, images served from a beacon path your ESP uses, whatever their size.
// Usage: npm run build && node examples/custom-detector.mjs
import { stripTrackingWithReport } from "../dist/index.js";

/** @type {import("../dist/index.js").Detector} */
const beaconDetector = {
  name: "acme-beacon",
  tags: ["img"],
  detect(element) {
    const source = element.resources.find((resource) => resource.vector === "img");
    if (source?.absoluteUrl?.startsWith("https://mail.acme.example/beacon/")) {
      return { detector: "acme-beacon", reason: "Acme open beacon", vendor: "Acme Mail", resource: source };
    }
    return undefined;
  },
};

const input = `<p>Order shipped.</p><img src="https://mail.acme.example/beacon/91.png" width="40" height="10">`;
const { html, report } = stripTrackingWithReport(input, { detectors: [beaconDetector] });
console.log(html); // <p>Order shipped.</p>
console.log(report.findings); // [{ detector: "acme-beacon", vendor: "Acme Mail", action: "removed-element", ... }]
