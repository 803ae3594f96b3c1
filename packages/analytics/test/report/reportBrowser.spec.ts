import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { writeReport } from '../../src/io/writeReport';
import { CANONICAL_BELGIUM, makeRun } from './support';

/** Where the screenshot goes (gitignored `test-output/`). */
const OUTPUT = join(__dirname, '../../test-output');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the page script below touches of an SVG element (the test compiles without DOM types). */
interface PathLike {
  getAttribute(name: string): string | null;
  getBBox(): { width: number; height: number };
}
interface SvgLike {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
  querySelectorAll(selector: string): ArrayLike<PathLike>;
}

interface ChartBox {
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly drawnPaths: number;
  /** Number of bars of a bar list (one 22 px row each), 0 for other charts. */
  readonly bars: number;
}

describe('the canonical Belgian run report in headless Chromium', () => {
  let context: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    userDataDir = mkdtempSync(join(tmpdir(), 'euroflex-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1100, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it('opens without console errors or network requests and draws every chart', async () => {
    const runDir = await makeRun(CANONICAL_BELGIUM);
    const written = writeReport(runDir);
    const pageUrl = pathToFileURL(written.htmlFile).href;

    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
    await page.goto(pageUrl, { waitUntil: 'load' });

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });

    // The page itself is the only thing loaded: no script, font, image or style sheet.
    expect(requests).toEqual([pageUrl]);
    expect(problems).toEqual([]);

    const charts: ChartBox[] = await page.$$eval('svg.chart', (svgs) =>
      (svgs as unknown as SvgLike[]).map((svg) => {
        const box = svg.getBoundingClientRect();
        const drawn = Array.from(svg.querySelectorAll('path')).filter((path) => {
          const d = path.getAttribute('d') ?? '';
          const bbox = path.getBBox();
          return d.length > 0 && (bbox.width > 0 || bbox.height > 0);
        });
        const bars = svg.getAttribute('class')?.split(' ').includes('bars') ? svg.querySelectorAll('path.bar').length : 0;
        return { label: svg.getAttribute('aria-label') ?? '', width: box.width, height: box.height, drawnPaths: drawn.length, bars };
      }),
    );
    // Two assets: dispatch and SoC each, cumulative PnL, 7 forecast/actual pairs of
    // da_plus_afrr, reserves, the reconciliation buckets, two rainflow histograms.
    expect(charts.length).toBeGreaterThanOrEqual(15);
    for (const chart of charts) {
      // A bar list is one row per bar; every other chart has a plot area of real height.
      const minHeight = chart.bars > 0 ? chart.bars * 22 : 50;
      expect({ label: chart.label, sized: chart.width > 100 && chart.height >= minHeight, drawn: chart.drawnPaths > 0 }).toEqual({
        label: chart.label,
        sized: true,
        drawn: true,
      });
    }
    const labels = charts.map((chart) => chart.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Cumulative PnL against the oracle total',
        'be-bess-1: dispatch',
        'be-bess-2: state of charge',
        'day_ahead price: forecast against actual',
        'Reserve capacity held',
        'Reconciliation buckets',
        'be-bess-1: rainflow depth histogram',
      ]),
    );
    // The revision run's reconciliation is read from reconciliation_summary.json.
    const reconciliation = await page.locator('section#reconciliation').innerText();
    expect(reconciliation).toContain('revision_uplift');
    await page.close();
  });
});
