import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBacktest } from '@euroflex/backtesting';
import { cli } from './run';

/** A small schedule_revision run (one asset, one day): the runs every case below damages a copy of. */
const REVISION = resolve(__dirname, '../../../examples/reference/tests/fixtures/example_configs/basic/belgium_schedule_revision_da_only_base.yaml');

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'euroflex-cli-reconcile-'));
}

let runDir: string;
beforeAll(async () => {
  runDir = (await runBacktest({ config: REVISION, outDir: temp(), debugChecks: true })).runDir as string;
}, 60_000);

/** A copy of the run with `damage` applied to it. */
function damaged(damage: (dir: string) => void): string {
  const dir = join(temp(), 'run');
  cpSync(runDir, dir, { recursive: true });
  damage(dir);
  return dir;
}

/** Rewrite the lines of a file of `dir`. */
function editLines(dir: string, name: string, edit: (lines: string[]) => string[]): void {
  const file = join(dir, name);
  writeFileSync(file, edit(readFileSync(file, 'utf8').split('\n')).join('\n'));
}

/** Set one cell (data line `line`, 1-based with the header) of a CSV. */
function setCell(lines: string[], line: number, column: string, value: string): string[] {
  const k = lines[0].split(',').indexOf(column);
  const cells = lines[line - 1].split(',');
  cells[k] = value;
  return lines.map((text, i) => (i === line - 1 ? cells.join(',') : text));
}

/** A user error (exit 1) without a stack trace, its stderr. */
async function userError(...argv: string[]): Promise<string> {
  const result = await cli(...argv);
  expect({ code: result.code, stack: /\n\s+at /.test(result.stderr), internal: result.stderr.includes('internal error') }).toEqual({ code: 1, stack: false, internal: false });
  return result.stderr;
}

describe('reconcile of a damaged run directory: exit 1 naming the file, the line or field and the fix', () => {
  it('a row deleted from asset_dispatch.csv', async () => {
    const dir = damaged((d) => editLines(d, 'asset_dispatch.csv', (lines) => lines.filter((_, i) => i !== 40)));
    const stderr = await userError('reconcile', dir);
    expect(stderr).toContain(`${dir}/asset_dispatch.csv: asset_dispatch has 95 rows, expected 96 intervals x 1 assets: the run directory is damaged; write the run again (euroflex backtest)`);
    expect(stderr).toMatch(/asset_dispatch\.csv: line 41: timestamp_utc: asset [\w-]+ is at /);
    expect(existsSync(join(dir, 'reconciliation'))).toBe(false);
  });

  it('a realized_pnl_eur cell that is not a number', async () => {
    const dir = damaged((d) => editLines(d, 'asset_dispatch.csv', (lines) => setCell(lines, 31, 'realized_pnl_eur', 'abc')));
    const stderr = await userError('reconcile', dir);
    expect(stderr).toContain(`${dir}/asset_dispatch.csv: line 31: realized_pnl_eur: "abc" is not a number: the file is damaged; write the run again (euroflex backtest)`);
  });

  it('an empty realized_pnl_eur cell', async () => {
    const dir = damaged((d) => editLines(d, 'asset_dispatch.csv', (lines) => setCell(lines, 12, 'realized_pnl_eur', '')));
    const stderr = await userError('reconcile', dir);
    expect(stderr).toContain(`${dir}/asset_dispatch.csv: line 12: realized_pnl_eur: empty, expected a number`);
  });

  it('a row deleted from baseline_schedule.csv', async () => {
    const dir = damaged((d) => editLines(d, 'baseline_schedule.csv', (lines) => lines.filter((_, i) => i !== 30)));
    const stderr = await userError('reconcile', dir);
    expect(stderr).toContain(`${dir}/baseline_schedule.csv: baseline_schedule has 95 rows, expected 96 intervals x 1 assets: the run directory is damaged`);
  });

  it('summary.json that is not JSON', async () => {
    const dir = damaged((d) => writeFileSync(join(d, 'summary.json'), '{ not json'));
    const stderr = await userError('reconcile', dir);
    expect(stderr).toMatch(new RegExp(`${dir}/summary\\.json: not valid JSON \\(.+\\): the file is damaged; write the run again`));
  });

  it('config_snapshot.yaml that is not YAML, in reconcile and in the exports', async () => {
    const dir = damaged((d) => writeFileSync(join(d, 'config_snapshot.yaml'), 'schema_version: 4\nmarket: [\n'));
    const pattern = new RegExp(`${dir}/config_snapshot\\.yaml: line \\d+: not valid YAML \\(.+\\): the file is damaged; write the run again`);
    expect(await userError('reconcile', dir)).toMatch(pattern);
    expect(await userError('export-revision', dir, '--profile', 'benchmark')).toMatch(pattern);
    expect(await userError('export-schedule', dir, '--profile', 'benchmark')).toMatch(pattern);
  });
});

describe('reconcile REALIZED config files', () => {
  it('a REALIZED config that is not YAML names its line and the fix', async () => {
    const file = join(temp(), 'bad.yaml');
    writeFileSync(file, 'revision:\n  realized_inputs: [\n');
    const stderr = await userError('reconcile', runDir, file, '--out', join(temp(), 'out'));
    expect(stderr).toMatch(new RegExp(`${file}: line \\d+: YAML: .+: fix the YAML at that line`));
  });

  it('a series given as a plain string names the field and the shape expected', async () => {
    const file = join(temp(), 'ri.yaml');
    writeFileSync(file, 'revision:\n  realized_inputs:\n    day_ahead: nope.csv\n');
    const stderr = await userError('reconcile', runDir, file, '--out', join(temp(), 'out'));
    expect(stderr).toContain(`${file}: line 3: revision.realized_inputs.day_ahead: Expected a mapping {actual_path: <file>}, got "nope.csv"`);
    expect(stderr).not.toContain('names no realized series');
  });
});

describe('reconcile --out replaces only an earlier reconcile output', () => {
  it('refuses a non-empty folder that is not one, and leaves it intact', async () => {
    const out = temp();
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const stderr = await userError('reconcile', runDir, '--out', out);
    expect(stderr).toContain(`${out} (--out) is not empty and is not an earlier reconcile output`);
    expect(stderr).toContain('pass --out a new or empty folder');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses the run directory itself, though it holds an inline reconciliation_summary.json', async () => {
    const before = readdirSync(runDir).sort();
    await userError('reconcile', runDir, '--out', runDir);
    expect(readdirSync(runDir).sort()).toEqual(before);
  });

  it('refuses a file, and leaves it intact', async () => {
    const file = join(temp(), 'out.txt');
    writeFileSync(file, 'keep me');
    const stderr = await userError('reconcile', runDir, '--out', file);
    expect(stderr).toContain(`${file} (--out) is a file, not a folder for the reconcile output`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('replaces an earlier reconcile output (and writes into an empty folder), leaving no temporary folder', async () => {
    const parent = temp();
    const out = join(parent, 'reconciliation');
    mkdirSync(out);
    expect(await cli('reconcile', runDir, '--out', out)).toMatchObject({ code: 0 });
    const first = readFileSync(join(out, 'reconciliation_summary.json'), 'utf8');
    expect(await cli('reconcile', runDir, '--out', out)).toMatchObject({ code: 0 });
    expect(readdirSync(out).sort()).toEqual(['reconciliation_breakdown.csv', 'reconciliation_breakdown.parquet', 'reconciliation_summary.json']);
    expect(readFileSync(join(out, 'reconciliation_summary.json'), 'utf8')).toBe(first);
    expect(readdirSync(parent)).toEqual(['reconciliation']);
  });

  it('refuses an earlier output someone added a file to', async () => {
    const out = join(temp(), 'rec');
    expect(await cli('reconcile', runDir, '--out', out)).toMatchObject({ code: 0 });
    writeFileSync(join(out, 'mine.csv'), 'x');
    await userError('reconcile', runDir, '--out', out);
    expect(existsSync(join(out, 'mine.csv'))).toBe(true);
  });
});
