// The words of a report for the changes made to one URL, shared by links in HTML (click-tracking) and URLs in plain
// text (the CLI's findings of a text part), so that both say the same thing the same way.

import type { UrlChange } from "./clean-url.js";

/** "unwrapped Google redirect; removed utm_source, utm_medium": unwrapping first, then the removed names. */
export function describeUrlChanges(changes: readonly UrlChange[]): string {
  let unwrapped = "";
  let params = "";
  for (const change of changes) {
    if (change.kind === "unwrapped-redirect") {
      unwrapped += `${unwrapped === "" ? "" : "; "}unwrapped ${change.vendor ?? change.rule} redirect`;
    } else if (change.param) {
      params += `${params === "" ? "removed " : ", "}${change.param}`;
    }
  }
  if (params === "") return unwrapped;
  return unwrapped === "" ? params : `${unwrapped}; ${params}`;
}

/** The vendor to name: the first unwrapped redirect's, else the first change's. */
export function vendorOfUrlChanges(changes: readonly UrlChange[]): string | undefined {
  return changes.find((change) => change.kind === "unwrapped-redirect")?.vendor ?? changes[0]?.vendor;
}
