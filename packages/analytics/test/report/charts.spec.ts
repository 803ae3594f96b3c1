import { barListSvg } from '../../src/report/svg/barListSvg';
import { formatNumber, tickLabel } from '../../src/report/svg/format';
import { niceRange } from '../../src/report/svg/niceTicks';
import { xyChartSvg } from '../../src/report/svg/xyChartSvg';
import { cumulative, daily, dayTicks, intervalTicks, timelineOf } from '../../src/report/timeline';

/** The `d` of every `<path>` of an SVG, in order. */
function paths(svg: string): string[] {
  return [...svg.matchAll(/<path[^>]* d="([^"]*)"/g)].map((m) => m[1]);
}

describe('axis ticks', () => {
  it('rounds the axis to 1, 2, 2.5 or 5 x 10^k steps', () => {
    expect(niceRange(0, 1.7)).toEqual({ min: 0, max: 2, ticks: [0, 0.5, 1, 1.5, 2] });
    // Span 700 over 5 ticks is 140 a step: rounded up to 200.
    expect(niceRange(-140, 560).ticks).toEqual([-200, 0, 200, 400, 600]);
    expect(niceRange(0.1, 0.3).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('widens a flat range so that the axis keeps a height', () => {
    expect(niceRange(5, 5).min).toBeLessThan(5);
    expect(niceRange(0, 0).ticks).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('formats numbers with separators and short tick labels', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatNumber(-32447.99)).toBe('-32,447.99');
    expect(formatNumber(-1e-9)).toBe('0.00');
    expect(formatNumber(-0.005)).toBe('-0.01');
    expect(formatNumber(-2500, 0)).toBe('-2,500');
    expect(formatNumber(Number.NaN)).toBe('-');
    expect(tickLabel(25000)).toBe('25k');
    expect(tickLabel(0.30000000000000004)).toBe('0.3');
  });
});

describe('xyChartSvg', () => {
  // Plot area: x from 64 to 944 px (880 wide), y from 30 to 214 px (184 high).
  it('draws a step series as one path over its slots', () => {
    const svg = xyChartSvg({ title: 't', unit: 'MW', length: 2, xTicks: [], series: [{ kind: 'step', name: 's', color: '#000', values: [1, 2] }] });
    // Axis 1..2: y(1) = 214, y(2) = 30; slots at x = 64, 504, 944.
    expect(paths(svg)).toEqual(['M64 214H504V30H944']);
  });

  it('draws bars from zero, up and down, in one path', () => {
    const svg = xyChartSvg({ title: 't', unit: 'MW', length: 2, xTicks: [], series: [{ kind: 'bars', name: 'b', color: '#000', values: [1, -1] }] });
    // Axis -1..1: y(0) = 122; bars inset by 15 % of a slot (440 px).
    expect(paths(svg)).toEqual(['M130 122V30H438V122ZM570 122V214H878V122Z']);
  });

  it('breaks a line at a missing value and escapes labels', () => {
    const svg = xyChartSvg({
      title: 'a <b>',
      unit: 'EUR',
      length: 3,
      xTicks: [{ index: 1, label: '06-17 & more' }],
      series: [{ kind: 'line', name: 'l', color: '#000', values: [1, Number.NaN, 2] }],
    });
    expect(paths(svg)[0].match(/M/g)).toHaveLength(2);
    expect(svg).toContain('aria-label="a &lt;b&gt;"');
    expect(svg).toContain('06-17 &amp; more');
  });

  it('closes a min-max band as one polygon per unbroken run', () => {
    const svg = xyChartSvg({ title: 't', unit: 'x', length: 2, xTicks: [], series: [{ kind: 'band', name: 'b', color: '#000', low: [1, 1], high: [2, 2] }] });
    expect(paths(svg)).toEqual(['M64 30L504 30L504 30L944 30L944 214L504 214L504 214L64 214Z']);
  });

  it('draws horizontal bars on both sides of zero', () => {
    const svg = barListSvg({ title: 'b', unit: 'EUR', items: [{ label: 'gain', value: 2 }, { label: 'loss', value: -1 }] });
    // Plot from 230 to 810 px for -1..2: zero at 423.3 px.
    expect(paths(svg)).toEqual(['M423.3 7h386.7v14h-386.7Z', 'M230 29h193.3v14h-193.3Z']);
    expect(svg).toContain('-1.00 EUR');
  });
});

describe('timeline', () => {
  const local = ['2025-06-16T23:00:00+02:00', '2025-06-17T00:00:00+02:00', '2025-06-17T00:15:00+02:00', '2025-06-18T00:00:00+02:00'];
  const timeline = timelineOf(local, ['2025-06-16', '2025-06-17', '2025-06-17', '2025-06-18']);

  it('groups intervals into local days and aggregates them', () => {
    expect(timeline.dates).toEqual(['2025-06-16', '2025-06-17', '2025-06-18']);
    expect(timeline.dayStarts).toEqual([0, 1, 3, 4]);
    const values = [1, 2, 4, Number.NaN];
    expect(Array.from(daily(timeline, values, 'sum'))).toEqual([1, 6, Number.NaN]);
    expect(Array.from(daily(timeline, values, 'mean'))).toEqual([1, 3, Number.NaN]);
    expect(Array.from(daily(timeline, values, 'max'))).toEqual([1, 4, Number.NaN]);
    expect(Array.from(daily(timeline, values, 'last'))).toEqual([1, 4, Number.NaN]);
    expect(Array.from(cumulative(values))).toEqual([1, 3, 7, 7]);
  });

  it('labels a short window by local clock and long ones by date or month', () => {
    expect(intervalTicks(timeline, 0, 4)).toEqual([
      { index: 1, label: '06-17 00:00' },
      { index: 3, label: '06-18 00:00' },
    ]);
    const year = Array.from({ length: 365 }, (_, d) => new Date(Date.UTC(2024, 0, 2 + d)).toISOString().slice(0, 10));
    expect(dayTicks(year).map((tick) => tick.label)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
  });
});
