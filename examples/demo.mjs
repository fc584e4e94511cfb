// Runs strip-tracking on the bundled example email and shows each finding as before → after, by line:column.
// Usage: npm run demo  (builds first when dist/ is out of date), or: node examples/demo.mjs [file.html]
import { readFileSync } from "node:fs";
import { stripTrackingWithReport } from "../dist/index.js";

const file = process.argv[2] ?? new URL("./newsletter.html", import.meta.url);
const name = typeof file === "string" ? file : "examples/newsletter.html";
const input = readFileSync(file, "utf8");
const { html, report } = stripTrackingWithReport(input);

/** The start tag at `offset`, on one line, shortened in the middle when long. */
function tagAt(offset) {
  const end = input.indexOf(">", offset);
  const tag = input.slice(offset, end === -1 ? undefined : end + 1).replace(/\s+/g, " ");
  return tag.length > 110 ? `${tag.slice(0, 70)} … ${tag.slice(-35)}` : tag;
}

function after(finding) {
  switch (finding.action) {
    case "rewrote-url":
      return finding.newUrl;
    case "kept":
      return "(kept as it is)";
    case "removed-element":
      return "(element removed)";
    default:
      return `(${finding.action.replace("removed-", "")} removed)`;
  }
}

for (const finding of report.findings) {
  const vendor = finding.vendor ? ` [${finding.vendor}]` : "";
  console.log(`${name}:${finding.line}:${finding.column}  ${finding.detector}${vendor}: ${finding.reason}`);
  console.log(`  before: ${finding.action === "rewrote-url" ? finding.url : tagAt(finding.offset)}`);
  console.log(`  after:  ${after(finding)}`);
}
for (const warning of report.warnings) console.log(`warning ${warning.code}: ${warning.message}`);
console.log(`--- ${report.findings.length} findings; ${input.length - html.length} characters removed; every other byte unchanged ---`);
