import type { LabIssue, SeriesName } from '@euroflex/config';
import { isoUtc } from '../calendar';
import { resolutionLabel } from '../resolution';
import { INTERVAL_MS, type Series } from '../series';
import { listInstants } from '../table/reportGaps';
import type { FilledInstant } from './fillGaps';

/** The filled quarter-hour grid of a normalisation and what to say about it. */
export interface NormalizedGrid {
  readonly series: SeriesName;
  readonly grid: Float64Array;
  /** NaN where still missing. */
  readonly values: Float64Array;
  readonly columns: Readonly<Record<string, Float64Array>>;
  readonly filled: readonly FilledInstant[];
  /** Origin index per slot (-1 = not filled). */
  readonly sourceIndex: Int32Array;
  readonly inputMinutes: number;
  readonly provenance: string;
  readonly source: string;
  readonly zone: string | undefined;
  readonly unitFactor: number | undefined;
  readonly file: string | undefined;
}

/**
 * Turn the grid into the output series: missing slots are left out and reported as `gap`
 * issues; each row's provenance names the input, the expansion and its fill, if any.
 */
export function normalizeOutput(
  input: NormalizedGrid,
  report: (issue: Omit<LabIssue, 'file'>) => void,
): { series: Series | undefined; rowProvenance: string[]; gaps: string[] } {
  const expanded = input.inputMinutes === 15 ? [] : [`expanded_from_${resolutionLabel(input.inputMinutes)}`];
  const base = [input.provenance, ...expanded].join(';');
  const keep: number[] = [];
  const missing: number[] = [];
  for (let i = 0; i < input.grid.length; i += 1) {
    (Number.isNaN(input.values[i]) ? missing : keep).push(i);
  }
  reportRuns(missing.map((i) => input.grid[i]), report);
  const fills = new Map(input.filled.map((fill) => [fill.instant, fill]));
  const rowProvenance = keep.map((i) => {
    const fill = input.sourceIndex[i] >= 0 ? fills.get(isoUtc(input.grid[i])) : undefined;
    return fill === undefined ? base : `${base};filled_${fill.method.replace('-', '_')}_from_${fill.from}`;
  });
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(input.columns)) {
    columns[name] = Float64Array.from(keep, (i) => column[i]);
  }
  const count = (method: string): number => input.filled.filter((fill) => fill.method === method).length;
  const steps = [
    'normalized',
    ...(input.unitFactor !== undefined && input.unitFactor !== 1 ? [`unit_factor:${input.unitFactor}`] : []),
    ...expanded,
    ...(['same-hour', 'previous'] as const)
      .filter((method) => count(method) > 0)
      .map((method) => `filled_${method.replace('-', '_')}:${count(method)}`),
  ];
  const series: Series | undefined =
    keep.length === 0
      ? undefined
      : {
          name: input.series,
          instantsMs: Float64Array.from(keep, (i) => input.grid[i]),
          values: Float64Array.from(keep, (i) => input.values[i]),
          columns,
          provenance: {
            ...(input.file === undefined ? {} : { path: input.file }),
            source: input.source,
            ...(input.zone === undefined ? {} : { zone: input.zone }),
            steps,
          },
        };
  return { series, rowProvenance, gaps: missing.map((i) => isoUtc(input.grid[i])) };
}

/** One `gap` issue per run of consecutive missing quarter-hours. */
function reportRuns(missing: readonly number[], report: (issue: Omit<LabIssue, 'file'>) => void): void {
  let start = 0;
  for (let k = 1; k <= missing.length; k += 1) {
    if (k === missing.length || missing[k] !== missing[k - 1] + INTERVAL_MS) {
      const run = missing.slice(start, k);
      report({
        path: 'timestamp_utc',
        code: 'gap',
        instant: isoUtc(run[0]),
        message: `${run.length} quarter-hour(s) missing in the output: ${listInstants(run, 8)}; add the rows to the input or opt in to --fill same-hour|previous`,
      });
      start = k;
    }
  }
}
