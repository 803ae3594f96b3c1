import { DataError, isIsoDate, UserError } from '@euroflex/config';
import type { RunDirectory, RunSummaryFile } from '../io/readRunDirectory';
import { assetRowBlocks, rainflowOfRun, type AssetRows } from '../rainflow/rainflowOfRun';
import type { RainflowSummary } from '../rainflow/rainflowSummary';
import { DEFAULT_DEPTH_BINS } from '../rainflow/rainflowStats';
import { assetContributionsOf, reasonCountsOf, reconciliationFactsOf, type AssetContribution, type ReasonCounts, type ReconciliationFacts } from './reportFacts';
import { timelineOf, type Timeline } from './timeline';

export interface ReportOptions {
  /** Runs longer than this many local days are drawn as daily aggregates plus a detail week. Defaults to 14. */
  readonly dailyAboveDays?: number;
  /** First local day (YYYY-MM-DD) of the detail week of a long run. Defaults to the week of most throughput. */
  readonly detailStartDate?: string;
  /** Bins of the rainflow depth histogram. Defaults to 10. */
  readonly depthBins?: number;
}

/** Intervals [from, to) shown at full resolution. */
export interface DetailWindow {
  readonly from: number;
  readonly to: number;
  readonly firstDate: string;
  readonly lastDate: string;
}

/** Everything the report pages draw, read once from the run directory. */
export interface RunReport {
  readonly run: RunDirectory;
  readonly summary: RunSummaryFile;
  readonly timeline: Timeline;
  /** True when charts show daily aggregates (long runs), with `detail` at full resolution. */
  readonly aggregated: boolean;
  readonly detail: DetailWindow;
  readonly assetBlocks: readonly AssetRows[];
  readonly rainflow: RainflowSummary;
  readonly reasons: readonly ReasonCounts[];
  readonly reconciliation: ReconciliationFacts | undefined;
  readonly contributions: readonly AssetContribution[];
  /** Options that had no effect, one sentence each (a detail week on a short run). Not on the page. */
  readonly notes: readonly string[];
}


function detailNotes(timeline: Timeline, aggregated: boolean, startDate: string | undefined): string[] {
  const days = timeline.dates.length;
  if (startDate === undefined || aggregated || days === 0) {
    return [];
  }
  const window = `${timeline.dates[0]} .. ${timeline.dates[days - 1]}`;
  return [`detail week ${startDate} (--detail-week) ignored: the run has ${days} local day${days === 1 ? '' : 's'} (${window}), and runs of 14 days or fewer are drawn at 15-minute resolution throughout`];
}

const DETAIL_DAYS = 7;

function detailWindow(run: RunDirectory, timeline: Timeline, aggregated: boolean, startDate: string | undefined): DetailWindow {
  const days = timeline.dates.length;
  const window = (first: number, last: number): DetailWindow => ({
    from: timeline.dayStarts[first],
    to: timeline.dayStarts[last + 1],
    firstDate: timeline.dates[first],
    lastDate: timeline.dates[last],
  });
  if (days === 0) {
    return { from: 0, to: 0, firstDate: '', lastDate: '' };
  }
  if (!aggregated) {
    return window(0, days - 1);
  }
  if (startDate !== undefined) {
    if (!isIsoDate(startDate)) {
      throw new UserError(`detail week start ${startDate} is not a valid date: expected a local date YYYY-MM-DD`);
    }
    const first = timeline.dates.indexOf(startDate);
    if (first < 0) {
      throw new UserError(`detail week start ${startDate} is not a delivery day of the run (${timeline.dates[0]} .. ${timeline.dates[days - 1]})`);
    }
    return window(first, Math.min(days - 1, first + DETAIL_DAYS - 1));
  }
  // The busiest week shows the most dispatch; ties keep the earliest.
  const throughput = run.table('site_dispatch').numbers('throughput_mwh');
  const perDay = timeline.dates.map((_, d) => {
    let sum = 0;
    for (let i = timeline.dayStarts[d]; i < timeline.dayStarts[d + 1]; i += 1) {
      sum += Number.isNaN(throughput[i]) ? 0 : throughput[i];
    }
    return sum;
  });
  let best = 0;
  let bestSum = Number.NEGATIVE_INFINITY;
  for (let first = 0; first + DETAIL_DAYS <= days; first += 1) {
    let sum = 0;
    for (let d = first; d < first + DETAIL_DAYS; d += 1) {
      sum += perDay[d];
    }
    if (sum > bestSum + 1e-9) {
      bestSum = sum;
      best = first;
    }
  }
  return window(best, Math.min(days - 1, best + DETAIL_DAYS - 1));
}

/** Read what the report needs from a run directory (tables are parsed once, here). */
export function buildRunReport(run: RunDirectory, options: ReportOptions = {}): RunReport {
  const site = run.table('site_dispatch');
  const timeline = timelineOf(site.text('timestamp_local'), site.text('delivery_date_local'));
  const aggregated = timeline.dates.length > (options.dailyAboveDays ?? 14);
  const assetTable = run.table('asset_dispatch');
  const assetBlocks = assetRowBlocks(
    assetTable,
    run.assets.map((asset) => asset.id),
  );
  for (const block of assetBlocks) {
    if (block.to - block.from !== timeline.count) {
      const message = `asset ${block.assetId} has ${block.to - block.from} rows, the site table ${timeline.count}: the tables belong to different runs or are damaged`;
      throw new DataError([{ path: 'asset_id', code: 'row_count_mismatch', message, file: assetTable.file }], assetTable.file);
    }
  }
  return {
    run,
    summary: run.summary,
    timeline,
    aggregated,
    detail: detailWindow(run, timeline, aggregated, options.detailStartDate),
    assetBlocks,
    rainflow: rainflowOfRun(run, options.depthBins ?? DEFAULT_DEPTH_BINS),
    reasons: reasonCountsOf(run),
    reconciliation: reconciliationFactsOf(run),
    contributions: assetContributionsOf(run),
    notes: detailNotes(timeline, aggregated, options.detailStartDate),
  };
}
