// The verify report: an index page with one row per mail, and a page per mail. Plain HTML with relative links and
// no script, so it opens from the disk.

import type { ReportEntry } from "../../types.js";
import type { MailVerdict } from "./compare.js";

/** Everything verify learnt about one mail. */
export interface MailResult {
  /** The file as given. */
  readonly file: string;
  /** Its page's name in the report folder, without `.html`. */
  readonly page: string;
  /** Why it was not rendered (an `.eml` without HTML part), when it was not. */
  readonly skipped?: string;
  readonly findings: readonly ReportEntry[];
  /** Whether stripping changed a byte. */
  readonly changed: boolean;
  readonly verdict: MailVerdict;
  readonly requestsBefore: number;
  readonly requestsAfter: number;
  /** Side-by-side screenshots, one per width, relative to the report folder. */
  readonly shots: readonly { readonly width: number; readonly file: string; readonly changedPixels: number }[];
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Long URLs (data: images) cut for display. */
const shown = (url: string): string => escape(url.length > 200 ? `${url.slice(0, 200)}…` : url);

const style = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1b1f24}table{border-collapse:collapse}
td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
.fail{color:#b3261e;font-weight:600}.ok{color:#1a7f37;font-weight:600}code{word-break:break-all}
img.shot{max-width:100%;border:1px solid #d0d7de}ul{padding-left:20px}`;

const page = (title: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
  `<style>${style}</style></head><body>${body}</body></html>\n`;

/** Trackers removed by vendor, most first: `Mailchimp 2, unknown 1`. */
export function vendorCounts(findings: readonly ReportEntry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of findings) {
    if (entry.action === "kept" || entry.action === "rewrote-url") continue;
    const vendor = entry.vendor ?? "unknown vendor";
    counts.set(vendor, (counts.get(vendor) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const status = (result: MailResult): string =>
  result.skipped !== undefined
    ? `<span>skipped</span>`
    : result.verdict.failures.length === 0
      ? `<span class="ok">ok</span>`
      : `<span class="fail">${result.verdict.failures.length} failure(s)</span>`;

/** `index.html`: the summary table. */
export function indexPage(results: readonly MailResult[], preset: string): string {
  const failing = results.filter((result) => result.verdict.failures.length > 0).length;
  const rows = results.map(
    (result) =>
      `<tr><td><a href="${escape(result.page)}.html">${escape(result.file)}</a></td><td>${status(result)}</td>` +
      `<td>${vendorCounts(result.findings).map(([vendor, n]) => `${escape(vendor)} ${n}`).join(", ") || "none"}</td>` +
      `<td>${result.requestsBefore} → ${result.requestsAfter}</td><td>${result.changed ? "changed" : "no change"}</td></tr>`,
  );
  const all = vendorCounts(results.flatMap((result) => result.findings));
  const sum = (field: "requestsBefore" | "requestsAfter"): number => results.reduce((n, result) => n + result[field], 0);
  rows.push(
    `<tr><th>all ${results.length} mail(s)</th><th>${failing} with failures</th>` +
      `<th>${all.map(([vendor, n]) => `${escape(vendor)} ${n}`).join(", ") || "none"}</th>` +
      `<th>${sum("requestsBefore")} → ${sum("requestsAfter")}</th><th>${results.filter((result) => result.changed).length} changed</th></tr>`,
  );
  return page(
    "strip-tracking verify",
    `<h1>strip-tracking verify</h1><p>${results.length} mail(s), preset <code>${escape(preset)}</code>, ` +
      `rendered in Chromium at 800 px and 375 px with JavaScript off and every request answered locally. ` +
      `<span class="${failing > 0 ? "fail" : "ok"}">${failing} with failures.</span></p>` +
      `<table><thead><tr><th>mail</th><th>result</th><th>trackers removed, by vendor</th>` +
      `<th>requests before → after</th><th>bytes</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
  );
}

const list = (items: readonly string[]): string => (items.length === 0 ? "<p>none</p>" : `<ul>${items.join("")}</ul>`);

/** One mail's page: failures, screenshots, request lists, findings. */
export function mailPage(result: MailResult): string {
  const { verdict } = result;
  const removed = verdict.removed.map(
    ({ url, finding }) =>
      `<li><code>${shown(url)}</code> — ${
        finding === undefined
          ? "no finding names this URL"
          : `${escape(finding.reason)} (${escape(finding.detector)}${finding.vendor === undefined ? "" : `, ${escape(finding.vendor)}`}; ${escape(finding.action)} on &lt;${escape(finding.tag)}&gt;)`
      }</li>`,
  );
  const findings = result.findings.map(
    (entry) =>
      `<tr><td>${escape(entry.action)}</td><td>&lt;${escape(entry.tag)}&gt; ${escape(entry.vector)}</td>` +
      `<td>${escape(entry.reason)}</td><td>${escape(entry.vendor ?? "")}</td><td><code>${shown(entry.url ?? "")}</code></td></tr>`,
  );
  const shots = result.shots.map(
    (shot) =>
      `<h3>${shot.width} px: before | after | difference (${shot.changedPixels} pixels differ)</h3>` +
      `<img class="shot" src="${escape(shot.file)}" alt="before, after and difference at ${shot.width} px">`,
  );
  return page(
    result.file,
    `<p><a href="index.html">← all mails</a></p><h1>${escape(result.file)}</h1><p>${status(result)}` +
      `${result.skipped === undefined ? "" : ` — ${escape(result.skipped)}`}</p>` +
      (verdict.failures.length === 0 ? "" : `<h2>Failures</h2>${list(verdict.failures.map((f) => `<li class="fail">${shown(f)}</li>`))}`) +
      `<h2>Screenshots</h2>${shots.join("") || "<p>none</p>"}` +
      `<h2>Requests removed (${verdict.removed.length})</h2>${list(removed)}` +
      `<h2>Requests added (${verdict.added.length})</h2>${list(verdict.added.map((url) => `<li class="fail"><code>${shown(url)}</code></li>`))}` +
      `<h2>Requests rewritten (${verdict.rewritten.length})</h2>${list(verdict.rewritten.map((url) => `<li><code>${shown(url)}</code></li>`))}` +
      `<h2>Requests kept (${verdict.kept.length})</h2>${list(verdict.kept.map((url) => `<li><code>${shown(url)}</code></li>`))}` +
      `<h2>Findings (${result.findings.length})</h2>` +
      (findings.length === 0
        ? "<p>none</p>"
        : `<table><thead><tr><th>action</th><th>where</th><th>reason</th><th>vendor</th><th>URL</th></tr></thead><tbody>${findings.join("")}</tbody></table>`),
  );
}
