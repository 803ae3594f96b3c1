import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@euroflex/config';
import { REASON_CODES } from '@euroflex/backtesting';
import { EXPORT_KINDS, EXPORT_PROFILES, exportBids, exportRevision, exportSchedule, profilesOf, readRunDirectory, type ExportKind, type ExportProfileName, type ExportResult } from '../../src';
import type { RunTable } from '@euroflex/backtesting';
import { expectChecksums, readManifest, readPayload } from './exportFiles';
import { CONFIG, REPO, runDir, tempDir } from './runs';

const EXPORTERS = { schedule: exportSchedule, bids: exportBids, revision: exportRevision };

function run(kind: ExportKind, dir: string, profile: ExportProfileName, extra: { outDir?: string; now?: () => Date; acknowledgeDayAheadProxy?: boolean } = {}): ExportResult {
  return EXPORTERS[kind](dir, { profile, acknowledgeDayAheadProxy: true, ...extra });
}

function userError(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a UserError');
}

let runs: { fcr: string; afrr: string; imbalance: string; revision: string; revisionFcr: string };

beforeAll(async () => {
  runs = {
    fcr: await runDir(CONFIG.fcrPortfolio),
    afrr: await runDir(CONFIG.afrrPortfolio),
    imbalance: await runDir(CONFIG.imbalance),
    revision: await runDir(CONFIG.revisionDaOnly),
    revisionFcr: await runDir(CONFIG.revisionFcrPortfolio),
  };
}, 120_000);

describe('docs/exports.md', () => {
  const doc = readFileSync(join(REPO, 'docs/exports.md'), 'utf8');

  it('documents every profile with exactly the columns of EXPORT_PROFILES', () => {
    const documented = new Map<string, Map<string, string[]>>();
    for (const section of doc.split('\n### ').slice(1)) {
      const [title, ...lines] = section.split('\n');
      const files = new Map<string, string[]>();
      for (const line of lines) {
        const match = /^\| `([a-z_]+)` \| (`.*`) \|$/.exec(line);
        if (match) {
          files.set(match[1], match[2].split(', ').map((cell) => cell.replace(/`/g, '')));
        }
      }
      documented.set(title.trim(), files);
    }
    const expected = EXPORT_KINDS.flatMap((kind) => profilesOf(kind).map((profile) => `${kind} / ${profile}`));
    expect([...documented.keys()]).toEqual(expected);
    for (const kind of EXPORT_KINDS) {
      for (const profile of profilesOf(kind)) {
        const spec = EXPORT_PROFILES[kind][profile];
        const files = documented.get(`${kind} / ${profile}`);
        expect([...(files?.keys() ?? [])]).toEqual(spec?.files.map((file) => file.payload));
        for (const file of spec?.files ?? []) {
          expect(files?.get(file.payload)).toEqual(file.columns);
        }
      }
    }
  });

  it('lists each profile with its consumer, grade and schedule version', () => {
    for (const kind of EXPORT_KINDS) {
      for (const profile of profilesOf(kind)) {
        const spec = EXPORT_PROFILES[kind][profile];
        const row = new RegExp(`^\\| ${kind} \\| \`${profile}\`[^|]*\\| \`${spec?.intendedConsumer}\` \\| ${spec?.benchmarkGradeOnly} \\| \`${spec?.scheduleVersion}\` \\|$`, 'm');
        expect(doc).toMatch(row);
      }
    }
  });

  it('supports the profiles of the reference per kind', () => {
    expect(profilesOf('schedule')).toEqual(['benchmark', 'operator', 'submission_candidate']);
    expect(profilesOf('bids')).toEqual(['benchmark', 'bid_planning', 'submission_candidate']);
    expect(profilesOf('revision')).toEqual(['benchmark', 'operator']);
  });
});

describe('every profile writes its documented columns in CSV, JSON and Parquet', () => {
  const cases = EXPORT_KINDS.flatMap((kind) =>
    profilesOf(kind).flatMap((profile) =>
      (kind === 'revision' ? (['revision', 'revisionFcr'] as const) : (['fcr', 'afrr', 'imbalance', 'revision'] as const)).map((source) => [kind, profile, source] as const),
    ),
  );

  it.each(cases)('%s / %s of the %s run', async (kind, profile, source) => {
    const result = run(kind, runs[source], profile);
    const spec = EXPORT_PROFILES[kind][profile];
    const manifest = readManifest(result.outDir);
    expect(result.outDir).toBe(join(runs[source], 'exports', `${kind}-${profile}`));
    expect(readdirSync(result.outDir).sort()).toEqual([...(spec?.files ?? []).flatMap((f) => [`${f.payload}.csv`, `${f.payload}.json`, `${f.payload}.parquet`]), 'manifest.json'].sort());
    for (const file of spec?.files ?? []) {
      const read = await readPayload(result.outDir, file.payload);
      expect(read.csv.columns).toEqual(file.columns);
      expect(read.jsonColumns).toEqual(file.columns);
      expect(read.parquetColumns).toEqual(file.columns);
      expect(read.jsonRecords.length).toBe(read.csv.rowCount);
      if (read.jsonRecords.length > 0) {
        expect(Object.keys(read.jsonRecords[0])).toEqual(file.columns);
      }
      expect(read.parquetRows).toBe(read.csv.rowCount);
      expect(manifest.files.filter((entry) => entry.payload === file.payload).map((entry) => entry.rows)).toEqual([read.csv.rowCount, read.csv.rowCount, read.csv.rowCount]);
    }
    const summary = readRunDirectory(runs[source]).summary;
    expect(manifest).toMatchObject({
      export_kind: kind,
      profile,
      intended_consumer: spec?.intendedConsumer,
      benchmark_grade_only: spec?.benchmarkGradeOnly,
      live_submission_ready: false,
      run_id: summary.run_id,
      market_id: summary.market_id,
      workflow: summary.workflow,
      run_scope: summary.run_scope,
      schedule_version: spec?.scheduleVersion,
    });
    expect(manifest.files.map((f) => f.path)).toEqual((spec?.files ?? []).flatMap((f) => [`${f.payload}.csv`, `${f.payload}.json`, `${f.payload}.parquet`]));
    expectChecksums(result.outDir, manifest);
  });
});

describe('reproducibility', () => {
  it('exports the same run twice to byte-identical data files; only created_at_utc differs', () => {
    for (const [kind, profile, source] of [['schedule', 'submission_candidate', 'fcr'], ['bids', 'bid_planning', 'afrr'], ['revision', 'benchmark', 'revision']] as const) {
      const first = run(kind, runs[source], profile, { outDir: join(tempDir(), 'a'), now: () => new Date(Date.UTC(2027, 0, 1)) });
      const second = run(kind, runs[source], profile, { outDir: join(tempDir(), 'b'), now: () => new Date(Date.UTC(2027, 5, 1)) });
      for (const entry of first.manifest.files) {
        expect(readFileSync(join(second.outDir, entry.path)).equals(readFileSync(join(first.outDir, entry.path)))).toBe(true);
      }
      expect({ ...second.manifest, created_at_utc: '' }).toEqual({ ...first.manifest, created_at_utc: '' });
      expect(first.manifest.created_at_utc).toBe('2027-01-01T00:00:00.000Z');
      for (const file of first.manifest.files) {
        expect(readFileSync(join(first.outDir, file.path)).includes('2027-01-01')).toBe(false);
      }
    }
  });

  it('replaces an earlier export in place, and refuses a foreign non-empty folder', () => {
    const out = join(tempDir(), 'exports');
    run('schedule', runs.fcr, 'operator', { outDir: out });
    const again = run('schedule', runs.fcr, 'benchmark', { outDir: out });
    expect(readManifest(out).profile).toBe('benchmark');
    expect(readdirSync(out)).toHaveLength(again.files.length);
    const foreign = tempDir();
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    expect(userError(() => run('schedule', runs.fcr, 'operator', { outDir: foreign })).message).toMatch(/is not empty and is not an earlier export \(an export holds a manifest.json\): refusing to replace it; pass --out a new or empty folder/);
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
  });
});

/** A CSV payload of an export folder, read back. */
async function payload(result: ExportResult, name: string): Promise<RunTable> {
  return (await readPayload(result.outDir, name)).csv;
}

describe('what the files say', () => {
  it('schedule: the site is the sum of its assets, and every interval has a valid reason code', async () => {
    const result = run('schedule', runs.fcr, 'benchmark');
    const site = await payload(result, 'site_schedule');
    const assets = await payload(result, 'asset_schedule');
    expect(site.rowCount).toBe(96);
    expect(assets.rowCount).toBe(192);
    const siteNet = site.numbers('net_export_mw');
    const assetNet = assets.numbers('net_export_mw');
    for (let t = 0; t < 96; t += 1) {
      expect(siteNet[t]).toBeCloseTo(assetNet[t] + assetNet[96 + t], 9);
    }
    for (const code of [...site.text('reason_code'), ...assets.text('reason_code')]) {
      expect(REASON_CODES).toContain(code);
    }
    const operator = await payload(run('schedule', runs.fcr, 'operator'), 'site_schedule');
    expect(operator.text('reason_code')).toEqual(site.text('reason_code'));
  });

  it('bid_planning: one FCR bid per 4-hour block, at the site capacity and the mean forecast price of the block', async () => {
    const result = run('bids', runs.fcr, 'bid_planning');
    const bids = await payload(result, 'reserve_bids');
    const dispatch = readRunDirectory(runs.fcr).table('site_dispatch');
    const log = readRunDirectory(runs.fcr).table('decision_log');
    const gateTime = log.text('decision_time_utc')[log.text('decision_id').indexOf('2025-06-17-fcr-gate')];
    expect(bids.rowCount).toBe(6);
    expect([...bids.numbers('interval_count')]).toEqual([16, 16, 16, 16, 16, 16]);
    expect(bids.text('block_start_local')).toEqual(['00', '04', '08', '12', '16', '20'].map((h) => `2025-06-17T${h}:00:00+02:00`));
    expect(bids.text('block_end_utc')[5]).toBe('2025-06-17T22:00:00Z');
    const fcr = dispatch.numbers('fcr_reserved_mw');
    const price = dispatch.numbers('fcr_capacity_forecast_price_eur_per_mw_per_h');
    for (let b = 0; b < 6; b += 1) {
      const block = Array.from({ length: 16 }, (_, i) => b * 16 + i);
      expect(block.every((t) => fcr[t] === bids.numbers('capacity_mw')[b])).toBe(true);
      expect(bids.numbers('capacity_forecast_price_eur_per_mw_per_h')[b]).toBeCloseTo(block.reduce((sum, t) => sum + price[t], 0) / 16, 9);
    }
    expect(new Set(bids.text('decision_id'))).toEqual(new Set(['2025-06-17-fcr-gate']));
    expect(new Set(bids.text('decision_time_utc'))).toEqual(new Set([gateTime]));
    expect(new Set(bids.text('product'))).toEqual(new Set(['fcr_symmetric']));
  });

  it('bid_planning: aFRR up and down are bid separately at the aFRR gate', async () => {
    const bids = await payload(run('bids', runs.afrr, 'bid_planning'), 'reserve_bids');
    const dispatch = readRunDirectory(runs.afrr).table('site_dispatch');
    expect(bids.text('product')).toEqual([...new Array(6).fill('afrr_up'), ...new Array(6).fill('afrr_down')]);
    expect(new Set(bids.text('decision_id'))).toEqual(new Set(['2025-06-17-afrr-gate']));
    expect(bids.numbers('capacity_mw')[6]).toBe(dispatch.numbers('afrr_down_reserved_mw')[0]);
  });

  it('bid_planning: nominations come from the day-ahead decision and its own forecast; no reserves, no reserve bids', async () => {
    const result = run('bids', runs.imbalance, 'bid_planning');
    expect((await payload(result, 'reserve_bids')).rowCount).toBe(0);
    const nominations = await payload(result, 'energy_nominations');
    const source = readRunDirectory(runs.imbalance);
    expect([...nominations.numbers('day_ahead_nomination_mw')]).toEqual([...source.table('site_dispatch').numbers('nomination_mw')]);
    expect(new Set(nominations.text('decision_id'))).toEqual(new Set(['2025-06-17-da-0']));
    const snapshots = source.table('forecast_snapshots');
    const daRows = snapshots.text('decision_id').flatMap((id, r) => (id === '2025-06-17-da-0' && snapshots.text('series')[r] === 'day_ahead' ? [r] : []));
    expect(daRows).toHaveLength(96);
    expect([...nominations.numbers('day_ahead_forecast_price_eur_per_mwh')]).toEqual(daRows.map((r) => snapshots.numbers('forecast_value')[r]));
    const allocation = await payload(result, 'asset_allocation');
    expect([...allocation.numbers('day_ahead_nomination_mw')]).toEqual([...source.table('asset_dispatch').numbers('nomination_mw')]);
  });

  it('revision: the latest revised plan is what was executed, and its lineage names the revision', async () => {
    const result = run('revision', runs.revision, 'benchmark');
    const allocation = await payload(result, 'asset_revision_allocation');
    const latest = await payload(result, 'latest_revised_schedule');
    const lineage = await payload(result, 'schedule_lineage');
    const revised = allocation.numbers('revised_net_export_mw');
    const baseline = allocation.numbers('baseline_net_export_mw');
    const counts = allocation.numbers('revision_count');
    expect(Math.max(...counts)).toBeGreaterThan(0);
    for (let i = 0; i < allocation.rowCount; i += 1) {
      expect(revised[i]).toBeCloseTo(allocation.numbers('executed_net_export_mw')[i], 9);
      expect(allocation.numbers('revision_delta_mw')[i]).toBe(revised[i] - baseline[i]);
      expect(lineage.text('set_by_version')[i]).toBe(latest.text('schedule_version')[i]);
      expect(latest.text('schedule_version')[i].startsWith('revision_')).toBe(counts[i] > 0);
      expect(latest.text('lock_state')[i]).toBe(counts[i] > 0 ? 'revised_plan' : 'baseline_committed');
    }
    const site = await payload(run('revision', runs.revision, 'operator'), 'site_revised_schedule');
    const dispatch = readRunDirectory(runs.revision).table('site_dispatch');
    const deviations = [...site.numbers('deviation_mw')].filter((mw) => Math.abs(mw) > 1e-9);
    const expected = [...dispatch.numbers('net_export_mw')].map((net, t) => net - dispatch.numbers('nomination_mw')[t]).filter((mw) => Math.abs(mw) > 1e-9);
    expect(deviations.length).toBeGreaterThan(0);
    expect(deviations).toEqual(expected.map((mw) => expect.closeTo(mw, 9)));
  });
});

describe('reason codes in exports', () => {
  it('recomputes them from the tables: a deviation from the nomination is an imbalance code', async () => {
    const site = await payload(run('schedule', runs.imbalance, 'benchmark'), 'site_schedule');
    const net = site.numbers('net_export_mw');
    const nomination = site.numbers('nomination_mw');
    const codes = site.text('reason_code');
    let deviations = 0;
    for (let t = 0; t < site.rowCount; t += 1) {
      const deviation = net[t] - nomination[t];
      if (Math.abs(deviation) > 1e-6 && codes[t] !== 'blocked_by_site_poi_limit' && codes[t] !== 'blocked_by_soc_limit') {
        deviations += 1;
        expect(codes[t]).toBe(deviation > 0 ? 'discharge_for_imbalance' : 'charge_for_imbalance');
      }
    }
    expect(deviations).toBeGreaterThan(0);
  });

  /** Copy a run and rewrite the reason_code cell of every row of both dispatch CSVs (undefined: drop the column). */
  function withReasonColumn(source: string, cell: ((table: string) => string) | undefined): string {
    const dir = join(tempDir(), 'run');
    cpSync(source, dir, { recursive: true });
    for (const table of ['site_dispatch', 'asset_dispatch']) {
      const file = join(dir, `${table}.csv`);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const column = lines[0].split(',').indexOf('reason_code');
      expect(column).toBeGreaterThanOrEqual(0);
      const rewritten = lines.map((line, i) => {
        const cells = line.split(',');
        if (cell === undefined) {
          cells.splice(column, 1);
        } else if (i > 0) {
          cells[column] = cell(table);
        }
        return cells.join(',');
      });
      writeFileSync(file, `${rewritten.join('\n')}\n`);
    }
    return dir;
  }

  it("takes the run's own reason_code columns when it wrote them", async () => {
    const dir = withReasonColumn(runs.fcr, (table) => `${table}-code`);
    const result = run('schedule', dir, 'operator');
    expect(new Set((await payload(result, 'site_schedule')).text('reason_code'))).toEqual(new Set(['site_dispatch-code']));
    expect(new Set((await payload(result, 'asset_schedule')).text('reason_code'))).toEqual(new Set(['asset_dispatch-code']));
  });

  it.each(['fcr', 'imbalance'] as const)('recomputes exactly the codes the %s run wrote when its tables lack them', async (name) => {
    const own = run('schedule', runs[name], 'operator');
    const recomputed = run('schedule', withReasonColumn(runs[name], undefined), 'operator');
    for (const file of ['site_schedule', 'asset_schedule']) {
      const expected = (await payload(own, file)).text('reason_code');
      expect(new Set(expected).size).toBeGreaterThan(1);
      expect((await payload(recomputed, file)).text('reason_code')).toEqual(expected);
    }
  });
});

describe('bad runs and bad requests', () => {
  it('refuses export-revision on a run of another workflow, creating nothing', () => {
    run('schedule', runs.imbalance, 'operator');
    const error = userError(() => exportRevision(runs.imbalance));
    expect(error.message).toMatch(/da_plus_imbalance run without revision_schedule.csv, schedule_lineage.csv: export-revision needs a schedule_revision run/);
    expect(readdirSync(join(runs.imbalance, 'exports'))).not.toContain('revision-benchmark');
  });

  it('names the valid profiles of a kind', () => {
    expect(userError(() => exportSchedule(runs.fcr, { profile: 'bid_planning' })).message).toBe(
      'export-schedule has no profile "bid_planning": use one of benchmark, operator, submission_candidate',
    );
    expect(userError(() => exportRevision(runs.revision, { profile: 'submission_candidate' })).message).toMatch(/use one of benchmark, operator$/);
  });

  it('names the missing summary.json of a folder that is not a run', () => {
    expect(userError(() => exportSchedule(tempDir(), { profile: 'operator' })).message).toMatch(/is not a finished run directory: it has no summary.json/);
  });
});
