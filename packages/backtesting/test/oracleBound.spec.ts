import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkRunInvariants } from '../src';
import { backtest, tempRoot } from './support/runs';

/**
 * The oracle as a true upper bound on hand-made Belgian days in June (UTC+2, no DST change):
 * one battery of 1 MW and 2 MWh, efficiencies 1, no headroom, day-ahead prices per hour.
 */
const DAY_MS = 86_400_000;

/** A canonical day-ahead CSV from `first` to `last` (local dates), price per local date and hour. */
function dayAheadCsv(dir: string, first: string, last: string, price: (date: string, hour: number) => number): string {
  const rows = ['timestamp_utc,timestamp_local,market,resolution,price_eur_per_mwh,currency,zone,source,is_actual,is_forecast,quality_status,provenance'];
  for (let ms = Date.parse(`${first}T00:00:00+02:00`); ms < Date.parse(`${last}T00:00:00+02:00`) + DAY_MS; ms += 900_000) {
    const local = new Date(ms + 2 * 3_600_000).toISOString().slice(0, 19);
    const utc = new Date(ms).toISOString().slice(0, 19);
    const value = price(local.slice(0, 10), Number(local.slice(11, 13)));
    rows.push(`${utc}+00:00,${local}+02:00,day_ahead,PT15M,${value},EUR,10YBE----------2,test,True,False,Validated,test`);
  }
  const file = join(dir, 'day_ahead.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

function configFile(dir: string, extra: { provider: string; start: string; end: string; battery?: Record<string, unknown>; degradation: Record<string, unknown>; model?: Record<string, unknown> }): string {
  const doc = {
    schema_version: 4,
    run_name: 'oracle-bound',
    market: { id: 'belgium' },
    workflow: 'da_only',
    forecast_provider: { name: extra.provider },
    timing: { timezone: 'Europe/Brussels', delivery_start_date: extra.start, delivery_end_date: extra.end },
    site: { id: 'site', poi_import_limit_mw: 10, poi_export_limit_mw: 10 },
    assets: [
      {
        id: 'b1',
        battery: {
          power_mw: 1,
          energy_mwh: 2,
          initial_soc_mwh: 1,
          terminal_soc_mwh: 1,
          soc_min_mwh: 0,
          soc_max_mwh: 2,
          charge_efficiency: 1,
          discharge_efficiency: 1,
          minimum_headroom_mwh: 0,
          ...extra.battery,
        },
      },
    ],
    degradation: extra.degradation,
    ...(extra.model ? { model: extra.model } : {}),
    data: { day_ahead: { actual_path: 'day_ahead.csv' } },
  };
  const file = join(dir, 'config.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

/** Persistence on 2024-06-11, after history days flat at 50 EUR/MWh; the day itself alternates 50 / 52 by the hour. */
function flatThenAlternating(degradation: Record<string, unknown>): string {
  const dir = tempRoot('euroflex-oracle-');
  dayAheadCsv(dir, '2024-06-08', '2024-06-11', (date, hour) => (date === '2024-06-11' ? 50 + (hour % 2) * 2 : 50));
  return configFile(dir, { provider: 'persistence', start: '2024-06-11', end: '2024-06-11', degradation });
}

describe('the oracle bound', () => {
  it('under post-hoc rainflow degradation bounds the money before the cycle cost, which the solves never see', async () => {
    // History days flat at 50 EUR/MWh; on 2024-06-11 the price alternates 50 / 52 by the hour.
    // Persistence forecasts a flat day, so the run has nothing to gain and stays idle. The
    // oracle cycles 1 MWh per pair of hours (12 pairs x 1 MWh x 2 EUR = 24 EUR before
    // degradation), between 1 and 2 MWh, and then pays rainflow: 12 half-band swings = 6
    // equivalent full cycles x 100 EUR = 600 EUR. Its settled total (-576 EUR) is below the
    // idle run's (0 EUR), which is no bug: the bound holds on the money before the cycle cost.
    const { run, summary } = await backtest(flatThenAlternating({ mode: 'rainflow_offline', eur_per_equivalent_cycle: 100 }), { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.oracle_bound).toBe('total_pnl_before_posthoc_degradation_eur');
    expect(summary.total_pnl_eur).toBeCloseTo(0, 9);
    expect(summary.oracle_reference.total_pnl_eur + summary.oracle_reference.degradation_cost_eur).toBeCloseTo(24, 9);
    expect(summary.oracle_reference.degradation_cost_eur).toBeCloseTo(600, 6);
    expect(summary.oracle_gap_total_pnl_eur).toBeCloseTo(576, 6);
    expect(summary.oracle_exceeded_by_non_delivery).toBe(false);
  });

  it('of a joint window keeps max_cycles_per_day per day', async () => {
    // Two days, free terminal SoC with carry, so the oracle solves both days jointly. Budget:
    // 0.5 cycles x 2 MWh = 1 MWh of discharge a day. Day 1 alternates 10 / 100 EUR/MWh by the
    // hour, day 2 is flat at 50.
    // - The run (perfect foresight, day by day) sells its 1 MWh at 100 on day 1 and keeps
    //   nothing for day 2, whose value it cannot see: 100 EUR.
    // - The oracle also buys 1 MWh at 10 on day 1 and sells it at 50 on day 2: 100 - 10 + 50 =
    //   140 EUR. A budget pooled over the window (2 MWh) would sell 2 MWh at 100 on day 1
    //   instead (200 - 10 = 190 EUR), a bound no run under a daily cap can approach.
    const dir = tempRoot('euroflex-oracle-');
    dayAheadCsv(dir, '2024-06-10', '2024-06-11', (date, hour) => (date === '2024-06-10' ? (hour % 2 === 0 ? 10 : 100) : 50));
    const config = configFile(dir, {
      provider: 'perfect_foresight',
      start: '2024-06-10',
      end: '2024-06-11',
      battery: { terminal_soc_mwh: null },
      degradation: { mode: 'throughput_linear', throughput_cost_eur_per_mwh: 0, max_cycles_per_day: 0.5 },
    });
    const { run, summary } = await backtest(config, { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.oracle_mode).toBe('joint');
    expect(summary.total_pnl_eur).toBeCloseTo(100, 6);
    expect(summary.oracle_total_pnl_eur).toBeCloseTo(140, 6);
    // The oracle's plan discharges at most 1 MWh on each day.
    for (const day of run.oracle.days) {
      const dischargedMwh = day.assets[0].dischargeMw.reduce((sum, mw) => sum + mw * 0.25, 0);
      expect(dischargedMwh).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('of a joint window keeps an at_least terminal SoC at the end of every day', async () => {
    // Two days, terminal 1 MWh `at_least`, starting at 1 MWh: day 1 flat at 100 EUR/MWh, day 2
    // flat at 10. Each day of the run must end at 1 MWh or more, and a flat day pays nothing for
    // cycling, so the run earns 0. So does the oracle under the same rules; selling 1 MWh on
    // day 1 and buying it back on day 2 (+90 EUR) would break day 1's terminal rule.
    const dir = tempRoot('euroflex-oracle-');
    dayAheadCsv(dir, '2024-06-10', '2024-06-11', (date) => (date === '2024-06-10' ? 100 : 10));
    const config = configFile(dir, {
      provider: 'perfect_foresight',
      start: '2024-06-10',
      end: '2024-06-11',
      model: { terminal_soc: 'at_least' },
      degradation: { mode: 'throughput_linear', throughput_cost_eur_per_mwh: 0 },
    });
    const { run, summary } = await backtest(config, { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.oracle_mode).toBe('joint');
    expect(summary.total_pnl_eur).toBeCloseTo(0, 6);
    expect(summary.oracle_total_pnl_eur).toBeCloseTo(0, 6);
    const day1 = run.oracle.days[0].assets[0].socMwh;
    expect(day1[day1.length - 1]).toBeGreaterThanOrEqual(1 - 1e-9);
  });

  it('is on the settled total when settlement adds no cost the solves did not see', async () => {
    const { summary } = await backtest(flatThenAlternating({ mode: 'throughput_linear', throughput_cost_eur_per_mwh: 0 }), { dryRun: true });
    expect(summary.oracle_bound).toBe('total_pnl_eur');
    expect(summary.oracle_total_pnl_eur).toBeCloseTo(24, 9);
    expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + 1e-6);
  });
});
