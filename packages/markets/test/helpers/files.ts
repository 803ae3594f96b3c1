import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zoneClock } from '../../src/time/zoneClock';

export const HEADER =
  'timestamp_utc,timestamp_local,market,resolution,price_eur_per_mwh,currency,zone,source,is_actual,is_forecast,quality_status,provenance';

/** A temporary folder for one test file; `cleanup` removes it. */
export function tempFolder(): { write(name: string, text: string): string; cleanup(): void; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'euroflex-markets-'));
  return {
    dir,
    write(name, text) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Options of one generated canonical row. */
export interface RowSpec {
  readonly market?: string;
  readonly resolution?: string;
  readonly value?: string;
  readonly zone?: string;
  readonly local?: string;
}

/**
 * Canonical CSV lines (no header) for consecutive intervals from `startMs`, each `stepMinutes`
 * apart; `value` defaults to the row index. `override(i)` changes single cells.
 */
export function canonicalLines(
  startMs: number,
  count: number,
  options: { name?: string; stepMinutes?: number; resolution?: string; timezone?: string; override?: (i: number) => RowSpec } = {},
): string[] {
  const clock = zoneClock(options.timezone ?? 'Europe/Brussels');
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const instant = startMs + i * (options.stepMinutes ?? 15) * 60_000;
    const spec = options.override?.(i) ?? {};
    lines.push(
      [
        new Date(instant).toISOString().replace('.000Z', '+00:00'),
        spec.local ?? clock.formatLocal(instant),
        spec.market ?? options.name ?? 'day_ahead',
        spec.resolution ?? options.resolution ?? 'PT15M',
        spec.value ?? String(i),
        'EUR',
        spec.zone ?? '10YBE----------2',
        'test',
        'True',
        'False',
        'Validated',
        'test_fixture',
      ].join(','),
    );
  }
  return lines;
}

/** A canonical CSV text: header plus lines. */
export function csvText(lines: readonly string[], header = HEADER): string {
  return `${[header, ...lines].join('\n')}\n`;
}
