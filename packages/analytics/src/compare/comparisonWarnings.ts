import type { RunSummaryFile } from '../io/readRunDirectory';
import type { PortfolioUplift } from './portfolioUplift';
import { excludedRunsText } from './portfolioUplift';

/** A group of runs as the warnings need it: its label and members. */
export interface WarnedGroup {
  readonly label: string;
  readonly members: readonly RunSummaryFile[];
}

const windowOf = (s: RunSummaryFile) => `${s.delivery_start_date} .. ${s.delivery_end_date}`;
const named = (runs: readonly RunSummaryFile[]) => runs.map((s) => `${s.run_id} (${windowOf(s)})`).join(', ');

/**
 * Sentences warning about what the comparison mixes: runs over another delivery window
 * than the reference (their deltas compare different periods), groups whose runs cover
 * different windows (their means and ranges too), and single-asset runs left out of a
 * portfolio uplift because their model settings differ. Empty when nothing is mixed.
 */
export function comparisonWarnings(reference: RunSummaryFile, runs: readonly RunSummaryFile[], groups: readonly WarnedGroup[], uplifts: readonly PortfolioUplift[]): string[] {
  const warnings: string[] = [];
  const otherWindow = runs.filter((s) => windowOf(s) !== windowOf(reference));
  if (otherWindow.length > 0) {
    warnings.push(`delivery windows differ from the reference run ${reference.run_id} (${windowOf(reference)}): the deltas of ${named(otherWindow)} compare different periods`);
  }
  for (const group of groups) {
    if (new Set(group.members.map(windowOf)).size > 1) {
      warnings.push(`group ${group.label} mixes delivery windows, so its mean, minimum and maximum span different periods: ${named(group.members)}`);
    }
  }
  for (const uplift of uplifts) {
    if (uplift.excludedRuns.length > 0) {
      warnings.push(`portfolio uplift of ${uplift.portfolioRunId} leaves out single-asset runs whose model settings differ: ${excludedRunsText(uplift.excludedRuns)}`);
    }
  }
  return warnings;
}
