// The playground page: strips the pasted or dropped email in the page with the library's browser build, and shows
// the findings, the cleaned HTML with its changes, and before/after previews that cannot fetch anything.

import PostalMime from "postal-mime";
import { stripTrackingWithReport } from "../src/index.js";
import type { Preset, ReportEntry, StripOptions } from "../src/types.js";
import { diffPieces } from "./diff.js";

/** Put first in each preview: no request at all, only inline styles and data: images; links open nowhere. */
const previewHead =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">` +
  `<base target="_blank">`;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const input = byId<HTMLTextAreaElement>("input");
const preset = byId<HTMLSelectElement>("preset");
const recipient = byId<HTMLInputElement>("recipient");
const status = byId<HTMLSpanElement>("status");

/** `html` with the CSP first: after a leading doctype (so the mail keeps its rendering mode), else at the start. */
export function withPreviewHead(html: string): string {
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + previewHead + html.slice(doctype[0].length) : previewHead + html;
}

function element(tag: string, text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function showFindings(findings: readonly ReportEntry[]): void {
  const list = byId<HTMLUListElement>("findings");
  list.replaceChildren(
    ...findings.map((entry) => {
      const item = document.createElement("li");
      item.append(element("span", entry.action, "action"), ` <${entry.tag}> ${entry.reason}`);
      if (entry.vendor !== undefined) item.append(" ", element("span", entry.vendor, "vendor"));
      if (entry.url !== undefined) item.append(" ", element("code", entry.url));
      return item;
    }),
  );
  if (findings.length === 0) list.append(element("li", "nothing found"));
  byId("finding-count").textContent = `(${findings.length})`;
  const blocked = findings.filter((entry) => entry.action !== "kept" && entry.vector !== "anchor" && entry.url !== undefined);
  const requests = byId<HTMLUListElement>("requests");
  requests.replaceChildren(...[...new Set(blocked.map((entry) => entry.url!))].map((url) => element("li", url)));
  if (blocked.length === 0) requests.append(element("li", "none"));
}

function showCleaned(before: string, after: string): void {
  const pre = byId<HTMLPreElement>("cleaned");
  const pieces = diffPieces(before, after);
  if (pieces === undefined) {
    pre.replaceChildren(element("em", "(too many changes to highlight)\n"), after);
    return;
  }
  pre.replaceChildren(
    ...pieces.map((piece) => (piece.kind === "same" ? document.createTextNode(piece.text) : element(piece.kind === "removed" ? "del" : "ins", piece.text))),
  );
}

function run(): void {
  const html = input.value;
  const options: StripOptions = {
    preset: preset.value as Preset,
    ...(recipient.value.trim() === "" ? {} : { recipient: recipient.value.trim() }),
  };
  const { html: output, report } = stripTrackingWithReport(html, options);
  showFindings(report.findings);
  showCleaned(html, output);
  byId<HTMLIFrameElement>("before").srcdoc = withPreviewHead(html);
  byId<HTMLIFrameElement>("after").srcdoc = withPreviewHead(output);
  status.textContent = report.changed ? `${report.findings.length} finding(s); output changed` : "no change";
}

/** A dropped or chosen file: an `.eml` gives its HTML part, anything else is read as HTML. */
async function readDropped(file: File): Promise<string> {
  if (!/\.eml$/i.test(file.name)) return file.text();
  const mail = await PostalMime.parse(await file.arrayBuffer());
  return mail.html ?? "";
}

byId("run").addEventListener("click", run);
preset.addEventListener("change", run);
input.addEventListener("dragover", (event) => {
  event.preventDefault();
  input.classList.add("dragging");
});
input.addEventListener("dragleave", () => input.classList.remove("dragging"));
input.addEventListener("drop", (event) => {
  event.preventDefault();
  input.classList.remove("dragging");
  const file = event.dataTransfer?.files[0];
  if (file === undefined) return;
  void readDropped(file).then((html) => {
    input.value = html;
    run();
  });
});
