import { join } from 'node:path';
import { loadConfig, UserError } from '@euroflex/config';
import { loadMarketData } from '@euroflex/markets';
import { compileHighs } from '@euroflex/optimization';
import { checkRunInvariants, dayChunksOf, oracleTolerance, solverWorkload, type BacktestOutcome } from '../src';
import { dayChunkEntry, startDayChunkThread, type DayChunkEntry } from '../src/io/dayChunkThread';
import { backtest, configVariant, REPO } from './support/runs';

const REVISION_YEAR = join(REPO, 'examples/configs/real/belgium_2024-06_2025-05_revision_da_only_persistence.yaml');

/** Four weeks of schedule revisions, with the negative-price day 2024-07-06 in the later chunk. */
const FOUR_WEEKS = configVariant(REVISION_YEAR, (doc) => {
  const timing = doc.timing as Record<string, unknown>;
  timing.delivery_start_date = '2024-06-20';
  timing.delivery_end_date = '2024-07-17';
});

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Every executed and oracle plan of two runs, bit for bit, and their totals. */
function expectSameRun(a: BacktestOutcome, b: BacktestOutcome): void {
  expect(a.run.days.map((day) => day.date)).toEqual(b.run.days.map((day) => day.date));
  for (const [runA, runB] of [
    [a.run.days, b.run.days],
    [a.run.oracle.days, b.run.oracle.days],
  ]) {
    runA.forEach((day, d) => {
      day.assets.forEach((asset, i) => {
        const other = runB[d].assets[i];
        expect([day.date, sameBits(asset.chargeMw, other.chargeMw), sameBits(asset.dischargeMw, other.dischargeMw), sameBits(asset.socMwh, other.socMwh)]).toEqual([day.date, true, true, true]);
      });
    });
  }
  expect(a.summary.total_pnl_eur).toBe(b.summary.total_pnl_eur);
  expect(a.summary.oracle_total_pnl_eur).toBe(b.summary.oracle_total_pnl_eur);
  expect(a.summary.decision_count).toBe(b.summary.decision_count);
}

function expectValid({ run, summary }: BacktestOutcome): void {
  expect(checkRunInvariants(run)).toEqual([]);
  expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + oracleTolerance(summary.total_pnl_eur, summary.oracle_total_pnl_eur));
}

describe('day chunks: a window of independent days decided in two halves', () => {
  let sequential: BacktestOutcome;

  beforeAll(async () => {
    sequential = await backtest(FOUR_WEEKS, { dryRun: true, parallel: false });
  });

  it('splits four weeks of revised pinned-terminal days into two chunks of 14; never a free terminal or one coarse solve a day', () => {
    const { context } = sequential.run;
    expect(dayChunksOf(context).map((chunk) => chunk.length)).toEqual([14, 14]);
    expect(dayChunksOf({ ...context, dates: context.dates.slice(1) })).toHaveLength(1);
    expect(dayChunksOf({ ...context, config: { ...context.config, workflow: 'da_only' } })).toHaveLength(1);
    const free = context.assets.map((asset) => ({ ...asset, terminalSocMwh: null }));
    expect(dayChunksOf({ ...context, assets: free })).toHaveLength(1);
    const reset = { ...context.model, switches: { ...context.model.switches, soc_carry: 'reset_daily' as const } };
    expect(dayChunksOf({ ...context, assets: free, model: reset }).map((chunk) => chunk.length)).toEqual([14, 14]);
    // One solve a day is split only when its FCR may change every quarter-hour (reference_v1's
    // 15-minute blocks: no coarse grid, a solver-heavy LP); 4-hour blocks stay one chunk.
    const fcrDays = (blockMinutes: number) =>
      dayChunksOf({ ...context, config: { ...context.config, workflow: 'da_plus_fcr' }, workflow: 'da_plus_fcr', model: { ...context.model, fcr_block_minutes: blockMinutes } });
    expect(fcrDays(15).map((chunk) => chunk.length)).toEqual([14, 14]);
    expect(fcrDays(240)).toHaveLength(1);
  });

  it('compiles HiGHS for the long workload only for runs of more than two days that re-plan within the day', () => {
    const { context } = sequential.run;
    expect(solverWorkload(context)).toBe('long');
    expect(solverWorkload({ ...context, dates: context.dates.slice(0, 2) })).toBe('short');
    // One gate decision a day (da_only, FCR years): short, whatever the length.
    expect(solverWorkload({ ...context, config: { ...context.config, workflow: 'da_only' }, workflow: 'da_only' })).toBe('short');
    expect(solverWorkload({ ...context, config: { ...context.config, workflow: 'da_plus_imbalance' }, workflow: 'da_plus_imbalance' })).toBe('long');
  });

  it('runs the later chunk on a worker thread with the same days, bit for bit, as one thread', async () => {
    // No injected solver: the run creates its own HiGHS instances, one per thread.
    const parallel = await backtest(FOUR_WEEKS, { dryRun: true, solver: undefined });
    expect(sequential.dayChunks?.boundary).toBe('sequential');
    expect(parallel.dayChunks).toEqual({ secondChunkStartDate: '2024-07-04', assumedStartSocMwh: [0.9, 0.7], boundary: 'exact' });
    expect(parallel.run.days).toHaveLength(28);
    expectValid(parallel);
    expectValid(sequential);
    expectSameRun(parallel, sequential);
  });

  it('splits four weeks of reference_v1 FCR days (15-minute blocks, every day from the initial SoC) with the same days as one thread', async () => {
    const fcrWeeks = configVariant(join(REPO, 'examples/configs/real/belgium_2024_da_plus_fcr_persistence_reference_v1.yaml'), (doc) => {
      doc.timing = { ...(doc.timing as object), delivery_start_date: '2024-05-01', delivery_end_date: '2024-05-28' };
    });
    const parallel = await backtest(fcrWeeks, { dryRun: true, solver: undefined });
    const oneThread = await backtest(fcrWeeks, { dryRun: true, parallel: false });
    expect(parallel.dayChunks).toEqual({ secondChunkStartDate: '2024-05-15', assumedStartSocMwh: [0.9, 0.7], boundary: 'exact' });
    expect(oneThread.dayChunks?.boundary).toBe('sequential');
    expectValid(parallel);
    expectSameRun(parallel, oneThread);
  }, 60_000);

  it('falls back to this thread when the earlier chunk does not end where the worker assumed', async () => {
    const wrong = await backtest(FOUR_WEEKS, { dryRun: true, solver: undefined, parallel: { assumedStartSocMwh: [0.5, 0.5] } });
    expect(wrong.dayChunks?.boundary).toBe('fallback');
    expectValid(wrong);
    expectSameRun(wrong, sequential);
  });

  it('reports a failure of the worker thread as an error of the run, naming the chunk', async () => {
    const loaded = loadConfig(FOUR_WEEKS);
    const broken = { ...loaded.config, data: { day_ahead: { actual_path: join(REPO, 'no/such/prices.csv') } } };
    const thread = startDayChunkThread(dayChunkEntry() as DayChunkEntry, {
      config: broken as typeof loaded.config,
      dates: ['2024-07-04', '2024-07-05'],
      startSocMwh: [0.9, 0.7],
      memo: true,
      debugChecks: true,
    });
    // The main thread's series were read for other files: the worker reads its own, and fails.
    const window = { startDate: '2024-07-04', endDate: '2024-07-05' };
    const marketData = loadMarketData({ files: { day_ahead: loaded.config.data.day_ahead?.actual_path }, timezone: 'Europe/Brussels', window, marketId: 'belgium' });
    thread.provide({ marketData, highs: await compileHighs('short') });
    const error = await thread.result.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ name: 'DataError', message: expect.stringContaining('[day chunk 2024-07-04..2024-07-05 (worker thread)]') });
    expect(JSON.stringify((error as UserError).issues)).toContain('prices.csv');
    await thread.cancel();
  });
});
