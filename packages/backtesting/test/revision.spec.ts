import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPersistenceProvider } from '@euroflex/forecasts';
import { BUCKETS, checkRunInvariants, reconcileRunDirectory, runDay, type BacktestOutcome, type ExecutedDay } from '../src';
import { backtest, configVariant, REFERENCE, REPO, tempRoot } from './support/runs';

const CANONICAL = {
  belgium: join(REFERENCE, 'examples/configs/canonical/belgium_full_stack.yaml'),
  netherlands: join(REFERENCE, 'examples/configs/canonical/netherlands_full_stack.yaml'),
};
const CSV = {
  belgium: join(REPO, 'examples/revision/belgium_full_stack_csv.yaml'),
  netherlands: join(REPO, 'examples/revision/netherlands_full_stack_csv.yaml'),
};

/** The plan every asset executes, by version: apply the revisions in order to the baseline. */
function replayLineage(day: ExecutedDay): { charge: Float64Array[]; discharge: Float64Array[] } {
  const baseline = day.baseline;
  if (!baseline) {
    throw new Error('no baseline');
  }
  const charge = baseline.assets.map((a) => Float64Array.from(a.chargeMw));
  const discharge = baseline.assets.map((a) => Float64Array.from(a.dischargeMw));
  for (const revision of day.revisions ?? []) {
    if (revision.status === 'revised') {
      revision.assets.forEach((asset, a) => {
        charge[a].set(asset.chargeMw, revision.startIndex);
        discharge[a].set(asset.dischargeMw, revision.startIndex);
      });
    }
  }
  return { charge, discharge };
}

function revisionInvariants({ run, summary }: BacktestOutcome): void {
  expect(checkRunInvariants(run)).toEqual([]);
  // No run beats its oracle (aFRR non-delivery is the only allowed, reported exception).
  if (summary.afrr_non_delivered_mwh === 0) {
    expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + 1e-6 * Math.abs(summary.oracle_total_pnl_eur));
  }
  for (const day of run.days) {
    const { charge, discharge } = replayLineage(day);
    day.assets.forEach((asset, a) => {
      const baseline = day.baseline?.assets[a];
      // Locked intervals and reserves are identical across versions; the nomination never moves.
      expect(Array.from(asset.plannedChargeMw)).toEqual(Array.from(charge[a]));
      expect(Array.from(asset.plannedDischargeMw)).toEqual(Array.from(discharge[a]));
      expect(Array.from(asset.afrrUpMw ?? [])).toEqual(Array.from(baseline?.afrrUpMw ?? []));
      expect(Array.from(asset.afrrDownMw ?? [])).toEqual(Array.from(baseline?.afrrDownMw ?? []));
      for (const revision of day.revisions ?? []) {
        // Nothing before the first unlocked interval changes: the window starts at or after checkpoint + lock.
        const checkpointMs = revision.decisionTimeMs;
        expect(day.instantsMs[revision.startIndex]).toBeGreaterThanOrEqual(checkpointMs + 15 * 60_000);
        // Every version is physically valid: the window's SoC stays in the band.
        for (const soc of revision.assets[a].socMwh) {
          expect(soc).toBeGreaterThanOrEqual(run.context.assets[a].socMinMwh - 1e-6);
          expect(soc).toBeLessThanOrEqual(run.context.assets[a].socMaxMwh + 1e-6);
        }
      }
    });
  }
}

async function runAndCheck(file: string, provider?: 'persistence' | 'perfect_foresight') {
  const outcome = await backtest(file, provider ? { provider } : {});
  revisionInvariants(outcome);
  const runDir = outcome.runDir as string;
  const inline = JSON.parse(readFileSync(join(runDir, 'reconciliation_summary.json'), 'utf8'));
  expect(Math.abs(inline.bucket_sum_error_eur)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(inline.realized_pnl_eur)));
  expect(inline.realized_pnl_eur).toBeCloseTo(outcome.summary.total_pnl_eur, 9);
  // Standalone reconciliation from the directory agrees exactly with the inline numbers.
  const standalone = reconcileRunDirectory({ runDir });
  expect(readFileSync(join(standalone.outDir, 'reconciliation_breakdown.csv'), 'utf8')).toBe(readFileSync(join(runDir, 'reconciliation_breakdown.csv'), 'utf8'));
  const { source_run_dir: _source, ...rest } = standalone.summary;
  expect(rest).toEqual(inline);
  return { ...outcome, inline };
}

describe('schedule_revision on the canonical full-stack configs', () => {
  it.each(['belgium', 'netherlands'] as const)('%s with persistence: runs end to end, every invariant holds', async (market) => {
    const { summary, inline } = await runAndCheck(CANONICAL[market], 'persistence');
    expect(summary.workflow).toBe('schedule_revision');
    expect(summary.base_workflow).toBe('da_plus_afrr');
    expect(summary.benchmark_name.endsWith('.revision')).toBe(true);
    expect(inline.deviation_settlement).toBe('day_ahead_proxy');
  });

  it.each(['belgium', 'netherlands'] as const)('%s with a vintaged CSV forecast: the checkpoints see later vintages', async (market) => {
    const { run } = await runAndCheck(CSV[market]);
    const revisions = run.days.flatMap((day) => day.revisions ?? []);
    expect(revisions.map((r) => [r.version, r.checkpointLocal, r.status])).toEqual([
      ['revision_01', '06:00', 'revised'],
      ['revision_02', '12:00', 'revised'],
    ]);
    // The revisions forecast with the vintages available at 05:00 and 11:00.
    const snapshots = run.days.flatMap((day) => day.snapshots).filter((s) => s.decisionId.includes('revision'));
    expect(new Set(snapshots.map((s) => s.snapshot.provider))).toEqual(new Set(['desk_vintage_2', 'desk_vintage_3']));
    // ... and they change the plan.
    const day = run.days[0];
    const changed = day.assets.some((asset, a) => asset.plannedChargeMw.some((c, t) => c !== day.baseline?.assets[a].chargeMw[t] || asset.plannedDischargeMw[t] !== day.baseline?.assets[a].dischargeMw[t]));
    expect(changed).toBe(true);
  });

  it('perfect foresight revisions change nothing of value and the run equals its oracle', async () => {
    const { summary, inline } = await runAndCheck(CANONICAL.belgium, 'perfect_foresight');
    expect(summary.total_pnl_eur).toBeCloseTo(summary.oracle_total_pnl_eur, 6);
    expect(inline.revision_uplift_eur).toBeCloseTo(0, 6);
  });
});

describe('reconciliation buckets', () => {
  it('are each nonzero on the Belgian persistence run (no placeholder bucket)', async () => {
    const { inline } = await runAndCheck(CANONICAL.belgium, 'persistence');
    for (const bucket of BUCKETS) {
      expect({ bucket, nonzero: Math.abs(inline[bucket]) > 1e-6 }).toEqual({ bucket, nonzero: true });
    }
  });

  it('price deviations at the imbalance price when an imbalance series is configured', async () => {
    const file = configVariant(join(REFERENCE, 'tests/fixtures/example_configs/basic/belgium_portfolio_schedule_revision_da_only_base.yaml'), (doc) => {
      (doc.data as Record<string, unknown>).imbalance = { actual_path: join(REFERENCE, 'examples/data/belgium_imbalance_prices.csv') };
    });
    const { inline, summary } = await runAndCheck(file, 'persistence');
    expect(summary.deviation_settlement).toBe('imbalance_price');
    expect(inline.deviation_settlement).toBe('imbalance_price');
  });

  it('work without forecast snapshots', async () => {
    const file = configVariant(CANONICAL.belgium, (doc) => {
      (doc.artifacts as Record<string, unknown>).save_forecast_snapshots = false;
    });
    const { run } = await runAndCheck(file, 'persistence');
    expect(run.config.artifacts.save_forecast_snapshots).toBe(false);
  });
});

describe('an infeasible revision window', () => {
  it('keeps the previous plan and records why', async () => {
    const { run } = await backtest(CANONICAL.belgium, { provider: 'persistence', dryRun: true });
    // Replay the day from empty batteries: the plan assumed 0.9 / 0.7 MWh at midnight.
    const drained = run.context.assets.map((asset) => asset.socMinMwh);
    const outcome = await runDay(run.context, createPersistenceProvider(), '2025-06-17', run.context.assets.map((a) => a.initialSocMwh), drained);
    const kept = (outcome.day.revisions ?? []).filter((r) => r.status === 'infeasible_kept_previous');
    expect(kept.length).toBeGreaterThan(0);
    for (const revision of kept) {
      expect(revision.reason).toMatch(/solver status infeasible|physical checks/);
      const logged = outcome.day.decisions.find((d) => d.decisionId === revision.decisionId);
      expect(logged?.revisionStatus).toBe('infeasible_kept_previous');
      expect(logged?.revisionReason).toBe(revision.reason);
    }
  });
});

describe('revision windows with a flat, deeply negative persistence forecast', () => {
  // On 2024-06-04 both checkpoints see a last imbalance price far below the burn threshold,
  // held flat over the 16-interval window: the exclusivity MILP (32 binaries) is answered by
  // the flat-window relaxation (4 integer mode counts), proven optimal, not stopped at the root.
  it('are proven optimal through the relaxation and pass every run check', async () => {
    const file = configVariant(join(REPO, 'examples/configs/real/belgium_2024-06_2025-05_revision_da_only_persistence.yaml'), (doc) => {
      const timing = doc.timing as Record<string, unknown>;
      timing.delivery_start_date = '2024-06-04';
      timing.delivery_end_date = '2024-06-04';
    });
    const outcome = await backtest(file, { dryRun: true });
    revisionInvariants(outcome);
    const windows = outcome.run.days[0].decisions.filter((d) => d.decisionType === 'revision' && d.binaryCount > 0);
    expect(windows.length).toBe(2);
    for (const window of windows) {
      expect(window.status).toBe('optimal');
      expect(window.solveKind).toBe('milp');
      expect(window.binaryCount).toBe(4);
      expect(window.mipGap).toBe(0);
      expect(window.revisionStatus).toBe('revised');
    }
  }, 60_000);
});

describe('what a revision knows at its checkpoint', () => {
  it('other actual activation ratios in the locked interval after the checkpoint change nothing in the revision taken there', async () => {
    // The canonical Belgian day: checkpoint 06:00 (04:00Z), a lock of one interval, so the
    // window starts at 06:15. The ratio of 06:00-06:15 is public only at 06:15: planting 0.9
    // instead of 0.08 as its actual up ratio must not reach revision_01 (whose start SoC rolls
    // that interval over with the ratio the plan expected), but it does change the executed day.
    const original = join(REFERENCE, 'examples/data/belgium_afrr_activation_ratio_up.csv');
    const planted = join(tempRoot('euroflex-ratio-'), 'ratio_up.csv');
    const lines = readFileSync(original, 'utf8').split('\n');
    const row = lines.findIndex((line) => line.startsWith('2025-06-17T04:00:00+00:00'));
    lines[row] = lines[row].replace(',PT15M,0.08,', ',PT15M,0.9,');
    writeFileSync(planted, lines.join('\n'));
    const clean = await backtest(CANONICAL.belgium, { provider: 'persistence', dryRun: true });
    const config = configVariant(CANONICAL.belgium, (doc) => {
      (doc.data as Record<string, { actual_path: string }>).afrr_activation_ratio_up.actual_path = planted;
    });
    const moved = await backtest(config, { provider: 'persistence', dryRun: true });
    const first = (outcome: BacktestOutcome) => outcome.run.days[0].revisions?.[0];
    expect(first(clean)?.startIndex).toBe(25);
    expect(first(moved)?.assets).toEqual(first(clean)?.assets);
    expect(first(moved)?.reason).toBe(first(clean)?.reason);
    const realizedSoc = (outcome: BacktestOutcome) => outcome.run.days[0].assets.map((asset) => asset.socMwh[25]);
    expect(realizedSoc(moved)).not.toEqual(realizedSoc(clean));
    revisionInvariants(moved);
  });
});
