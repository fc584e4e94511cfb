// Template CI: fail the build when a template would lose anything to strip-tracking (a pixel, a tracked link).
// The CLI does the same in one line: npx strip-tracking --check templates/
// Usage: npm run build && node examples/template-ci.mjs [templates-directory]  (exit code 1 when tracking is found)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stripTrackingWithReport } from "strip-tracking";

const directory = process.argv[2] ?? fileURLToPath(new URL("./templates", import.meta.url));
let found = 0;
for (const name of readdirSync(directory).filter((file) => file.endsWith(".html")).sort()) {
  const file = join(directory, name);
  // dryRun works with any preset: "what would strict remove?"
  const { report } = stripTrackingWithReport(readFileSync(file, "utf8"), { preset: "strict", dryRun: true });
  for (const finding of report.findings.filter((entry) => entry.action !== "kept")) {
    console.log(`${file}:${finding.line}:${finding.column}: ${finding.action} (${finding.detector}) ${finding.reason}`);
    found++;
  }
}
console.log(found === 0 ? "templates are free of tracking" : `${found} tracking construct(s) found`);
process.exitCode = found === 0 ? 0 : 1;
