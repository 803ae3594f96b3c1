import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from './run';

const REPO = resolve(__dirname, '../../..');
const COMMANDS = [
  'validate-config', 'validate-data', 'backtest', 'reconcile', 'report', 'compare',
  'export-schedule', 'export-bids', 'export-revision', 'doctor', 'normalize', 'capabilities', 'schema',
];
const REFERENCE = join(REPO, 'examples/reference');
const DA_ONLY = join(REFERENCE, 'tests/fixtures/example_configs/basic/belgium_da_only_base.yaml');

/** A real 2024 example config over `start`..`end`, reading `dataFile` of examples/data/real/ (written to a temp dir). */
function realWindow(configName: string, dataFile: string, start: string, end: string): string {
  const file = join(temp(), configName);
  const config = readFileSync(join(REPO, 'examples/configs/real', configName), 'utf8')
    .replace('../../data/real/belgium_day_ahead_2024_filled.csv', join(REPO, 'examples/data/real', dataFile))
    .replace(/delivery_start_date: \S+/, `delivery_start_date: ${start}`)
    .replace(/delivery_end_date: \S+/, `delivery_end_date: ${end}`);
  writeFileSync(file, config);
  return file;
}

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'euroflex-cli-'));
}

describe('euroflex CLI', () => {
  it('prints help with every command and exits 0', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    for (const command of COMMANDS) {
      expect(result.stdout).toContain(command);
    }
  });

  it.each(COMMANDS)('%s --help exits 0', async (command) => {
    const result = await cli(command, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: euroflex /);
  });

  it('exits 2 on an unknown command or flag, with the usage', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const result = await cli('backtest', DA_ONLY, '--frob');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--frob'");
    expect(result.stderr).toContain('Usage: euroflex backtest');
  });

  it('validates a reference config', async () => {
    const result = await cli('validate-config', DA_ONLY);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('is a valid schema v4 config');
  });

  it('reports every config problem as file: path: message, exit 1, no stack trace', async () => {
    const dir = temp();
    const file = join(dir, 'bad.yaml');
    const text = readFileSync(DA_ONLY, 'utf8')
      .replace('day_ahead_gate_closure_local: "12:00"', 'day_ahead_gate_closure_local: "25:00"')
      .replace('soc_max_mwh: 1.9', 'soc_max_mwh: 1.9\n      terminal_soc: 1.0');
    writeFileSync(file, text);
    const result = await cli('validate-config', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: line`);
    expect(result.stderr).toContain('timing.day_ahead_gate_closure_local');
    expect(result.stderr).toContain('assets.0.battery.terminal_soc');
    expect(result.stderr).toContain('terminal_soc_mwh');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const json = await cli('validate-config', file, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).issues.length).toBeGreaterThanOrEqual(2);
  });

  it('prints the JSON schema and the capability matrix', async () => {
    const schema = await cli('schema');
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).properties).toHaveProperty('assets');
    const caps = await cli('capabilities', '--json');
    expect(caps.code).toBe(0);
    expect(JSON.parse(caps.stdout).length).toBeGreaterThan(10);
  });

  it('backtests into --out and prints the summary, or summary.json with --json', async () => {
    const out = temp();
    const result = await cli('backtest', DA_ONLY, '--out', out, '--debug-checks');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('total PnL');
    expect(result.stdout).toContain('164.81');
    const [runDir] = readdirSync(out);
    expect(existsSync(join(out, runDir, 'summary.json'))).toBe(true);
    // The report is part of the run directory, written before it is renamed into place.
    expect(result.stdout).toContain(join(out, runDir, 'report/index.html'));
    expect(readFileSync(join(out, runDir, 'report/index.html'), 'utf8')).toContain('<svg');
    expect(readFileSync(join(out, runDir, 'report/summary.md'), 'utf8')).toContain('164.81');
    const json = await cli('backtest', DA_ONLY, '--out', out, '--json', '--provider', 'persistence', '--no-report', '--debug-checks');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).provider_name).toBe('persistence');
    expect(readdirSync(out)).toHaveLength(2);
    const plain = readdirSync(out).find((name) => name !== runDir) as string;
    expect(existsSync(join(out, plain, 'report'))).toBe(false);
  });

  it('says how many repeated models a persistence run answered from memory', async () => {
    const file = realWindow('belgium_2024_da_only_persistence.yaml', 'belgium_day_ahead_2024_filled.csv', '2024-05-06', '2024-05-12');
    const out = temp();
    const result = await cli('backtest', file, '--out', out, '--no-report', '--debug-checks');
    expect(result.code).toBe(0);
    // Each oracle day but the last is the next day's gate model: 6 of 7 from memory.
    expect(result.stdout).toContain('6 repeated models answered from memory');
    const [runDir] = readdirSync(out);
    const summary = JSON.parse(readFileSync(join(out, runDir, 'summary.json'), 'utf8'));
    expect(summary.solver.oracle_memo_solves).toBe(6);
    expect(summary.solver.oracle_lp_solves).toBeLessThan(summary.solver.lp_solves);
  });

  it('refuses data with gaps: exit 1, file, line and instant named, no run directory', async () => {
    const file = realWindow('belgium_2024_da_only_perfect_foresight.yaml', 'belgium_day_ahead_2024.csv', '2024-03-30', '2024-04-01');
    const out = temp();
    const result = await cli('backtest', file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('belgium_day_ahead_2024.csv');
    expect(result.stderr).toContain('2024-03-31T00:00:00Z');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
    const data = await cli('validate-data', file);
    expect(data.code).toBe(1);
    expect(data.stderr).toContain('2024-03-31T01:45:00Z');
  });

  it('normalizes the raw real file and repairs the DST gaps only with --fill; with gaps it writes nothing', async () => {
    const dir = temp();
    const input = join(REPO, 'examples/data/real/belgium_day_ahead_2024_raw.csv');
    const args = ['--input', input, '--series', 'day_ahead', '--timestamp-column', 'datetime_utc', '--value-column', 'price_eur_mwh', '--zone', '10YBE----------2', '--start', '2024-03-30', '--end', '2024-04-01'];
    const plain = await cli('normalize', ...args, '--output', join(dir, 'plain.csv'));
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('8 quarter-hour(s) missing');
    expect(plain.stdout).toContain(`not written: ${join(dir, 'plain.csv')}`);
    expect(existsSync(join(dir, 'plain.csv'))).toBe(false);
    const filled = await cli('normalize', ...args, '--output', join(dir, 'filled.csv'), '--fill', 'same-hour,previous');
    expect(filled.code).toBe(0);
    expect(filled.stdout).toContain('8 filled (previous)');
    expect(readFileSync(join(dir, 'filled.csv'), 'utf8')).toContain('filled');
  });

  it('normalizes the raw FCR blocks of the autumn DST day into six PT4H rows with --keep-resolution', async () => {
    const dir = temp();
    const input = join(REPO, 'examples/data/real/fcr_capacity_2024_raw.csv');
    const output = join(dir, 'fcr.csv');
    const args = ['--input', input, '--output', output, '--series', 'fcr_capacity', '--timestamp-column', 'block_start_local', '--value-column', 'fcr_DE_eur_per_mw_per_4h_block'];
    const result = await cli('normalize', ...args, '--timezone', 'Europe/Berlin', '--resolution', 'PT4H', '--unit-factor', '0.25', '--start', '2024-10-27', '--end', '2024-10-27', '--keep-resolution');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('100 quarter-hours from 2196 rows (written as 6 rows)');
    const rows = readFileSync(output, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    // 00:00 CEST (22:00Z) to 04:00 CET (03:00Z) is one row; 19.3 EUR/MW per block / 4.
    expect(rows.map((cells) => [cells[0], cells[3], cells[4]])[0]).toEqual(['2024-10-26T22:00:00Z', 'PT4H', '4.825']);
    expect(rows.map((cells) => cells[1].slice(11, 19))).toEqual(['00:00:00', '04:00:00', '08:00:00', '12:00:00', '16:00:00', '20:00:00']);
  });

  it('collapses the repeated hourly prices of the autumn DST day into PT60M rows with --collapse-to, fills staying quarter-hours', async () => {
    const dir = temp();
    const input = join(REPO, 'examples/data/real/belgium_day_ahead_2024_raw.csv');
    const output = join(dir, 'hours.csv');
    const args = ['--input', input, '--output', output, '--series', 'day_ahead', '--timestamp-column', 'datetime_utc', '--value-column', 'price_eur_mwh', '--zone', '10YBE----------2'];
    const result = await cli('normalize', ...args, '--start', '2024-10-27', '--end', '2024-10-27', '--fill', 'previous', '--collapse-to', 'PT60M');
    expect(result.code).toBe(0);
    // 25 local hours: both 02:00 hours are missing upstream and filled (8 PT15M rows), 23 are whole.
    expect(result.stdout).toContain('(written as 31 rows)');
    const rows = readFileSync(output, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    expect(rows.filter((cells) => cells[3] === 'PT60M')).toHaveLength(23);
    expect(rows.filter((cells) => cells[3] === 'PT15M').map((cells) => cells[0].slice(11, 16))).toEqual(['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45']);
    const bad = await cli('normalize', ...args, '--start', '2024-10-27', '--end', '2024-10-27', '--collapse-to', 'PT60M', '--keep-resolution');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--collapse-to cannot be combined with --keep-resolution; choose one');
  });
});
