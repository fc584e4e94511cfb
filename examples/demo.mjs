// Runs strip-tracking on the bundled example email and prints the cleaned HTML and the report.
// Usage: npm run demo  (builds first), or: node examples/demo.mjs [file.html]
import { readFileSync } from "node:fs";
import { stripTrackingWithReport } from "../dist/index.js";

const file = process.argv[2] ?? new URL("./newsletter.html", import.meta.url);
const input = readFileSync(file, "utf8");
const { html, report } = stripTrackingWithReport(input);

console.log(html);
console.log("--- report ---");
for (const finding of report.findings) {
  const where = finding.url ? ` ${finding.url}` : "";
  const vendor = finding.vendor ? ` [${finding.vendor}]` : "";
  console.log(`${finding.action.padEnd(24)} <${finding.tag}> ${finding.vector}${vendor}: ${finding.reason}${where}`);
}
for (const warning of report.warnings) console.log(`warning ${warning.code}: ${warning.message}`);
console.log(`${report.findings.length} findings; ${input.length - html.length} characters removed; changed: ${report.changed}`);
