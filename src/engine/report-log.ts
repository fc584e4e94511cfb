// The report lines of one run: handed to the caller's `onFinding` as they are made, or kept up to a cap.

import type { ReportEntry, Warning } from "../types.js";

/** The most findings a kept report holds. Past it, findings are counted, not kept, and a warning says so. */
export const maxReportFindings = 10_000;

/**
 * Collects report lines for one stripper, nested runs included (they share it). Every line it keeps or hands
 * out holds its own strings (its makers see to it), so a report never keeps the input alive.
 */
export class ReportLog {
  /** The kept lines, in document order; empty when a caller takes them through `onFinding`. */
  readonly findings: ReportEntry[] = [];
  private dropped = 0;
  private firstDroppedOffset = 0;

  /**
   * @param onFinding receives every line, and none is kept.
   * @param keep false when no one reads the report: lines are neither made nor kept, only counted.
   */
  constructor(
    private readonly onFinding: ((entry: ReportEntry) => void) | undefined,
    private readonly keep = true,
  ) {}

  /** False when no line is ever made: no one reads them (then nothing needs their line and column either). */
  get makesLines(): boolean {
    return this.onFinding !== undefined || this.keep;
  }

  /** False when lines would only be counted (see `drop`): no one reads them, or a kept report is full. */
  get wantsLines(): boolean {
    return this.onFinding !== undefined || (this.keep && this.findings.length < maxReportFindings);
  }

  /** Counts `count` findings at `offset` that no one wants the lines of, without making them. */
  drop(count: number, offset: number): void {
    if (this.dropped === 0) this.firstDroppedOffset = offset;
    this.dropped += count;
  }

  /** Adds lines made by `reportEntries` or `ownedEntry` (they hold their own strings). */
  push(entries: readonly ReportEntry[]): void {
    for (const entry of entries) {
      if (this.onFinding) this.onFinding(entry);
      else if (this.keep && this.findings.length < maxReportFindings) this.findings.push(entry);
      else if (this.dropped++ === 0) this.firstDroppedOffset = entry.offset;
    }
  }

  /** The `report-truncated` warning when lines were dropped at the cap, else undefined. */
  truncation(): Warning | undefined {
    if (this.dropped === 0 || !this.keep) return undefined;
    return {
      code: "report-truncated",
      message: `the report keeps ${maxReportFindings} findings; ${this.dropped} more were not kept (pass onFinding to receive them all)`,
      offset: this.firstDroppedOffset,
    };
  }
}
