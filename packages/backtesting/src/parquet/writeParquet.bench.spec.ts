import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { bool, constant, int, makeTable, num, str, type Column, type Table } from '../tables/table';
import { writeParquet, type ParquetWriteOptions } from './writeParquet';

/** Set PARQUET_BENCH=1 to print timings and sizes (and time more repetitions). */
const PRINT = process.env['PARQUET_BENCH'] === '1';
const INTERVAL_MS = 15 * 60 * 1000;
// Globals looked up in hot loops are slow under Jest's sandbox; read them once.
const { imul, max, min, round } = Math;
const same = Object.is;

/** Deterministic uniform numbers in [0, 1) (a 32-bit LCG), so the table is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A `site_dispatch`-like table of two years of quarter-hours: 70,080 rows x 32 columns,
 * 8 strings (2 timestamps, 6 constants), 22 doubles (prices with cents, dispatch that is
 * mostly 0, smooth SoC, constant limits, full-precision revenues, 1% missing imbalance
 * prices), 1 int32, 1 boolean.
 */
function dispatchLikeTable(rowCount = 70_080): Table {
  const random = lcg(42);
  const startMs = Date.UTC(2025, 0, 1);
  const utc = new Array<string>(rowCount);
  const local = new Array<string>(rowCount);
  for (let i = 0; i < rowCount; i += 1) {
    const iso = new Date(startMs + i * INTERVAL_MS).toISOString();
    utc[i] = `${iso.slice(0, 19)}Z`;
    local[i] = `${new Date(startMs + i * INTERVAL_MS + 3_600_000).toISOString().slice(0, 19)}+01:00`;
  }
  const series = (make: (i: number) => number) => Float64Array.from({ length: rowCount }, (_, i) => make(i));
  const price = series(() => round((random() * 200 - 20) * 100) / 100);
  const charge = series(() => (random() < 0.7 ? 0 : round(random() * 10 * 1000) / 1000));
  const discharge = series((i) => (charge[i] > 0 || random() < 0.6 ? 0 : round(random() * 10 * 1000) / 1000));
  const soc = new Float64Array(rowCount);
  for (let i = 1; i < rowCount; i += 1) {
    soc[i] = min(20, max(0, soc[i - 1] + 0.25 * (0.95 * charge[i] - discharge[i] / 0.95)));
  }
  const numbers: Column[] = [
    num('charge_mw', charge),
    num('discharge_mw', discharge),
    num('net_export_mw', series((i) => discharge[i] - charge[i])),
    num('soc_start_mwh', series((i) => (i === 0 ? 0 : soc[i - 1]))),
    num('soc_mwh', soc),
    num('poi_import_limit_mw', new Float64Array(rowCount).fill(12)),
    num('poi_export_limit_mw', new Float64Array(rowCount).fill(12)),
    num('power_limit_mw', new Float64Array(rowCount).fill(10)),
    num('da_price_eur_per_mwh', price),
    num('imbalance_price_eur_per_mwh', series((i) => (random() < 0.01 ? Number.NaN : price[i] + round((random() - 0.5) * 5000) / 100))),
    num('fcr_price_eur_per_mw_h', series((i) => round(price[i - (i % 16)] * 37) / 100)),
    num('afrr_up_price_eur_per_mw_h', series(() => round(random() * 3000) / 100)),
    num('afrr_down_price_eur_per_mw_h', series(() => round(random() * 3000) / 100)),
  ];
  const revenue = (name: string, scale: number) => num(name, series((i) => (discharge[i] - charge[i]) * price[i] * 0.25 * scale));
  const settlement = [
    revenue('da_revenue_eur', 1),
    revenue('expected_da_revenue_eur', 0.97),
    revenue('imbalance_revenue_eur', 0.013),
    num('reserve_capacity_revenue_eur', new Float64Array(rowCount)),
    num('reserve_penalty_eur', new Float64Array(rowCount)),
    num('degradation_cost_eur', series((i) => (charge[i] + discharge[i]) * 0.25 * 3.7)),
    num('realized_pnl_eur', series((i) => (discharge[i] - charge[i]) * price[i] * 0.25 - (charge[i] + discharge[i]) * 0.925)),
    num('expected_pnl_eur', series((i) => (discharge[i] - charge[i]) * price[i] * 0.2425)),
    num('throughput_mwh', series((i) => (charge[i] + discharge[i]) * 0.25)),
  ];
  return makeTable('site_dispatch', [
    str('timestamp_utc', utc),
    str('timestamp_local', local),
    constant('site_id', 'site_be_1', rowCount),
    constant('market_id', 'belgium', rowCount),
    constant('workflow', 'da_only', rowCount),
    constant('run_scope', 'portfolio', rowCount),
    constant('schedule_version', 'final_realized', rowCount),
    constant('lock_state', 'locked_realized', rowCount),
    ...numbers,
    ...settlement,
    int('interval_of_day', Int32Array.from({ length: rowCount }, (_, i) => i % 96)),
    bool('is_locked', Array.from({ length: rowCount }, (_, i) => i % 96 < 48)),
  ]);
}

/** The column mapping of `io/writeTable.ts` (the current hyparquet-writer path). */
function hyparquetWriterBytes(table: Table): Uint8Array {
  const columnData = table.columns.map((column) => {
    switch (column.kind) {
      case 'string':
        return { name: column.name, data: column.values as (string | null)[], type: 'STRING' as const, nullable: true };
      case 'boolean':
        return { name: column.name, data: [...column.values], type: 'BOOLEAN' as const, nullable: false };
      case 'int32':
        return { name: column.name, data: Int32Array.from(column.values), type: 'INT32' as const, nullable: false };
      default:
        return { name: column.name, data: Array.from(column.values, (v) => (Number.isNaN(v) ? null : v)), type: 'DOUBLE' as const, nullable: true };
    }
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'euroflex' }));
}

/** Median wall time in ms of `runs` calls, after a warm-up call when `runs` > 1 (timings under Jest; plain Node is faster). */
function medianMs(runs: number, write: () => Uint8Array): { ms: number; bytes: Uint8Array } {
  let bytes = runs > 1 ? write() : new Uint8Array(0);
  const times: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const t0 = performance.now();
    bytes = write();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], bytes };
}

describe('writeParquet against hyparquet-writer', () => {
  it('writes a 70,080 x 32 dispatch table no larger than 4x hyparquet-writer (SNAPPY) and reads it back', async () => {
    const table = dispatchLikeTable();
    const runs = PRINT ? 15 : 1;
    const snappy = medianMs(runs, () => writeParquet(table));
    const plain = medianMs(runs, () => writeParquet(table, { compression: 'UNCOMPRESSED' } satisfies ParquetWriteOptions));
    // hyparquet-writer takes seconds under Jest: once unless printing.
    const reference = medianMs(PRINT ? 3 : 1, () => hyparquetWriterBytes(table));
    if (PRINT) {
      const kib = (bytes: Uint8Array) => `${(bytes.length / 1024).toFixed(0)} KiB`;
      console.log(
        [
          `table ${table.rowCount} rows x ${table.columns.length} columns (median of ${runs} writes after a warm-up)`,
          `writeParquet SNAPPY (default): ${snappy.ms.toFixed(1)} ms, ${kib(snappy.bytes)}`,
          `writeParquet UNCOMPRESSED:     ${plain.ms.toFixed(1)} ms, ${kib(plain.bytes)}`,
          `hyparquet-writer SNAPPY:       ${reference.ms.toFixed(1)} ms, ${kib(reference.bytes)}`,
        ].join('\n'),
      );
    }
    expect(snappy.bytes.length).toBeLessThanOrEqual(4 * reference.bytes.length);
    expect(plain.bytes.length).toBeLessThanOrEqual(4 * reference.bytes.length);
    // Our default file reads back cell for cell (a column of each kind and encoding: reading all 32 takes seconds under Jest).
    const file = snappy.bytes.buffer.slice(snappy.bytes.byteOffset, snappy.bytes.byteOffset + snappy.bytes.byteLength) as ArrayBuffer;
    const checked = ['timestamp_utc', 'market_id', 'charge_mw', 'imbalance_price_eur_per_mwh', 'da_revenue_eur', 'interval_of_day', 'is_locked'];
    const rows = await parquetReadObjects({ file, columns: checked });
    let mismatches = 0;
    for (const column of table.columns.filter((c) => checked.includes(c.name))) {
      for (let r = 0; r < table.rowCount; r += 1) {
        const value = column.values[r];
        mismatches += same(rows[r][column.name], column.kind === 'float64' && value !== value ? null : value) ? 0 : 1;
      }
    }
    expect(mismatches).toBe(0);
  });
});
