import type { LabIssue } from '@euroflex/config';
import type { ExportContext } from './exportContext';

/** Which decision set each interval: per `site_dispatch` row and per `asset_dispatch` row. */
export interface Lineage {
  readonly site: IntervalLineage;
  readonly assets: IntervalLineage;
  /** Intervals whose lineage is missing or points at no logged, optimal decision. */
  readonly problems: readonly LabIssue[];
}

export interface IntervalLineage {
  /** The plan version executed there: `baseline`, `rebalance`, `revision_01`, ... */
  readonly version: string[];
  readonly decisionId: string[];
  readonly decisionTimeUtc: string[];
}

const MAX_PROBLEMS = 20;

/**
 * The lineage of every interval. Revision runs read it from `schedule_lineage` (one row per
 * asset and interval); other runs from the `decision_id` of the dispatch tables, with the
 * version of that decision in the decision log. A site interval's version joins its assets'
 * versions with `|` in the rare case they differ.
 */
export function lineageOf(ctx: ExportContext): Lineage {
  const problems: LabIssue[] = [];
  const problem = (issue: LabIssue) => {
    if (problems.length < MAX_PROBLEMS) {
      problems.push(issue);
    }
  };
  const n = ctx.intervalCount;
  const rows = n * ctx.assetIds.length;
  const assets: IntervalLineage = { version: new Array<string>(rows), decisionId: new Array<string>(rows), decisionTimeUtc: new Array<string>(rows) };
  const lineageTable = ctx.run.optionalTable('schedule_lineage');
  const assetUtc = ctx.assets.text('timestamp_utc');
  const assetIds = ctx.assets.text('asset_id');
  if (lineageTable !== undefined) {
    const index = new Map<string, number>();
    const ids = lineageTable.text('asset_id');
    const utc = lineageTable.text('timestamp_utc');
    for (let r = 0; r < lineageTable.rowCount; r += 1) {
      index.set(`${ids[r]}|${utc[r]}`, r);
    }
    const setBy = lineageTable.text('set_by_version');
    const setByDecision = lineageTable.text('set_by_decision_id');
    for (let row = 0; row < rows; row += 1) {
      const r = index.get(`${assetIds[row]}|${assetUtc[row]}`);
      assets.version[row] = r === undefined ? '' : setBy[r];
      assets.decisionId[row] = r === undefined ? '' : setByDecision[r];
      if (r === undefined || setBy[r] === '') {
        problem({ path: 'set_by_version', code: 'missing_lineage', message: `asset ${assetIds[row]} has no lineage row`, file: lineageTable.file, instant: assetUtc[row] });
      }
    }
  } else {
    const decisionIds = ctx.assets.text('decision_id');
    for (let row = 0; row < rows; row += 1) {
      assets.decisionId[row] = decisionIds[row];
      assets.version[row] = ctx.decisions.get(decisionIds[row])?.scheduleVersion ?? '';
    }
  }
  for (let row = 0; row < rows; row += 1) {
    const decision = ctx.decisions.get(assets.decisionId[row]);
    assets.decisionTimeUtc[row] = decision?.decisionTimeUtc ?? '';
    if (decision === undefined) {
      problem({
        path: 'decision_id',
        code: 'unlogged_decision',
        message: `asset ${assetIds[row]} was set by decision "${assets.decisionId[row]}", which the decision log does not hold`,
        file: ctx.assets.file,
        row: row + 2,
        instant: assetUtc[row],
      });
    } else if (decision.solverStatus !== 'optimal') {
      problem({ path: 'solver_status', code: 'not_optimal', message: `decision ${decision.decisionId} ended ${decision.solverStatus}`, file: ctx.assets.file, row: row + 2 });
    }
  }
  return { site: siteLineage(assets, n, ctx.assetIds.length), assets, problems };
}

function joinDistinct(values: readonly string[]): string {
  return [...new Set(values)].join('|');
}

function siteLineage(assets: IntervalLineage, n: number, assetCount: number): IntervalLineage {
  const site: IntervalLineage = { version: new Array<string>(n), decisionId: new Array<string>(n), decisionTimeUtc: new Array<string>(n) };
  for (let t = 0; t < n; t += 1) {
    const rows = Array.from({ length: assetCount }, (_, a) => a * n + t);
    site.version[t] = joinDistinct(rows.map((r) => assets.version[r]));
    site.decisionId[t] = joinDistinct(rows.map((r) => assets.decisionId[r]));
    site.decisionTimeUtc[t] = joinDistinct(rows.map((r) => assets.decisionTimeUtc[r]));
  }
  return site;
}
