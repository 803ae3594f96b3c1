import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reconcileRunDirectory } from '@euroflex/backtesting';
import { readRunDirectory } from '../../src/io/readRunDirectory';
import { writeReport } from '../../src/io/writeReport';
import { buildRunReport } from '../../src/report/buildRunReport';
import { FROM_RECONCILE, NO_RECONCILIATION } from '../../src/report/html/analysisSections';
import { makeRun, REFERENCE_CONFIGS } from './support';

const PORTFOLIO = join(REFERENCE_CONFIGS, 'basic/belgium_portfolio_da_only_base.yaml');

/** The text of the page's reconciliation section. */
function reconciliationSection(html: string): string {
  return /<section id="reconciliation">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
}

describe('the reconciliation of a da_only run in its report', () => {
  let runDir: string;
  beforeAll(async () => {
    runDir = await makeRun(PORTFOLIO, { provider: 'persistence' });
  });

  it('says how to reconcile, then shows what `euroflex reconcile` wrote into reconciliation/, byte-deterministic', () => {
    const before = readFileSync(writeReport(runDir).htmlFile, 'utf8');
    expect(reconciliationSection(before)).toContain(NO_RECONCILIATION);
    expect(NO_RECONCILIATION).toMatch(/schedule_revision and imbalance runs only; run `euroflex reconcile RUN_DIR`/);

    const outcome = reconcileRunDirectory({ runDir });
    expect(outcome.outDir).toBe(join(runDir, 'reconciliation'));
    const run = readRunDirectory(runDir);
    expect(run.reconciliationSource).toBe('reconcile');
    const facts = buildRunReport(run).reconciliation;
    expect(facts?.source).toBe('reconcile');
    const realized = facts?.views.find(([name]) => name === 'realized')?.[1] as number;
    const baseline = facts?.views.find(([name]) => name === 'baseline_expected')?.[1] as number;
    // The run's own realized total, and buckets summing to realized - baseline expected.
    expect(realized).toBeCloseTo(run.summary.total_pnl_eur, 6);
    expect(facts?.delta).toBeCloseTo(realized - baseline, 9);
    expect(facts?.buckets.reduce((sum, [, value]) => sum + value, 0)).toBeCloseTo(realized - baseline, 6);

    const first = writeReport(runDir);
    const html = readFileSync(first.htmlFile, 'utf8');
    const section = reconciliationSection(html);
    expect(section).not.toContain('No reconciliation_summary.json');
    expect(section).toContain('reconciliation/reconciliation_summary.json');
    // Persistence forecasts, no revision: the whole gap 259.95 - 262.30 EUR is forecast error.
    expect(section).toContain('<td>realized</td><td class="num">259.95 EUR</td>');
    expect(section).toContain('forecast_error</text><path class="bar" fill="#c62828" d="M230 29h580v14h-580Z"/><text class="barvalue" x="818" y="39">-2.35 EUR');
    const markdown = readFileSync(first.markdownFile, 'utf8');
    expect(markdown).toContain(`## Reconciliation\n\n${FROM_RECONCILE}\n`);
    const again = writeReport(runDir);
    expect(readFileSync(again.htmlFile, 'utf8')).toBe(html);
    expect(readFileSync(again.markdownFile, 'utf8')).toBe(markdown);
  });
});
