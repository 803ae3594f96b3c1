import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { runBacktest } from '@euroflex/backtesting';
import { runCompare } from '../src/commands/compare';
import { UsageError } from '../src/cli/errors';
import { capture } from './run';

const REPO = resolve(__dirname, '../../..');
const PORTFOLIO = join(REPO, 'examples/reference/tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml');

/** The portfolio config with only asset `index` (its data path made absolute), at `eurPerMwh` degradation. */
function singleAsset(index: number, dir: string, eurPerMwh = 4): string {
  const doc = parse(readFileSync(PORTFOLIO, 'utf8')) as Record<string, unknown>;
  doc.assets = [(doc.assets as unknown[])[index]];
  doc.run_name = `single-${index}-${eurPerMwh}`;
  (doc.degradation as Record<string, unknown>).throughput_cost_eur_per_mwh = eurPerMwh;
  const data = doc.data as Record<string, { actual_path: string }>;
  data.day_ahead.actual_path = resolve(dirname(PORTFOLIO), data.day_ahead.actual_path);
  const file = join(dir, `single-${index}-${eurPerMwh}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}

interface ComparisonJson {
  reference_run_id: string;
  runs: { run_id: string; total_pnl_eur: number; delta_total_pnl_eur: number; portfolio_uplift_eur: number | null }[];
  portfolio_uplift: { upliftEur: number | null; singleRunIds: Record<string, string> }[];
  warnings: string[];
}

describe('euroflex compare RUN_DIR...', () => {
  let root: string;
  let runs: string[];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'euroflex-cli-compare-'));
    runs = [];
    for (const config of [PORTFOLIO, singleAsset(0, root), singleAsset(1, root)]) {
      runs.push((await runBacktest({ config, outDir: root, debugChecks: true })).runDir as string);
    }
  });

  it('prints the comparison as JSON, with the portfolio uplift over both single-asset runs', async () => {
    const result = await capture(() => runCompare([...runs, '--json']));
    expect(result.code).toBe(0);
    const comparison = JSON.parse(result.stdout) as ComparisonJson;
    expect(comparison.reference_run_id).toBe(comparison.runs[0].run_id);
    const [portfolio, one, two] = comparison.runs;
    expect(portfolio.portfolio_uplift_eur).toBeCloseTo(portfolio.total_pnl_eur - one.total_pnl_eur - two.total_pnl_eur, 9);
    expect(two.delta_total_pnl_eur).toBeCloseTo(two.total_pnl_eur - portfolio.total_pnl_eur, 9);
  });

  it('leaves a single-asset run at other degradation out of the uplift and warns about it', async () => {
    const zero = (await runBacktest({ config: singleAsset(0, root, 0), outDir: root, debugChecks: true })).runDir as string;
    const result = await capture(() => runCompare([runs[0], zero, runs[1], runs[2], '--json']));
    const comparison = JSON.parse(result.stdout) as ComparisonJson;
    expect(comparison.portfolio_uplift[0].singleRunIds['be-bess-1']).toBe(basename(runs[1]));
    expect(comparison.warnings).toEqual([`portfolio uplift of ${basename(runs[0])} leaves out single-asset runs whose model settings differ: ${basename(zero)} (be-bess-1): degradation.throughput_cost_eur_per_mwh 0 (portfolio 4)`]);
    const text = await capture(() => runCompare([runs[0], zero, runs[2], '--out', join(root, 'cmp-zero')]));
    expect(text.stdout).toContain('## Warnings');
    expect(text.stdout).toContain(`not used, model settings differ: ${basename(zero)} (be-bess-1)`);
  });

  it('writes into --out and takes --reference by run directory', async () => {
    const out = join(root, 'cmp');
    const result = await capture(() => runCompare([...runs, '--reference', runs[1], '--out', out]));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Reference run: ${basename(runs[1])}`);
    expect(result.stdout).toContain(`written ${out}`);
    for (const file of ['comparison.csv', 'comparison.json', 'comparison_groups.csv', 'comparison.md']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
  });

  it('needs at least one run directory', async () => {
    await expect(runCompare([])).rejects.toThrow(UsageError);
    const help = await capture(() => runCompare(['--help']));
    expect(help.stdout).toMatch(/^Usage: euroflex compare RUN_DIR\.\.\./);
  });
});
