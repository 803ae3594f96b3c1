import { headOf } from '@euroflex/markets';
import { seriesOf, simpleRequest } from '../test/support/request';
import { isolatedRequest } from './isolatedRequest';

const full = { ...seriesOf('imbalance', '2024-04-01T00:00:00Z', [1, 2, 3, 4]), columns: { shortage: Float64Array.of(5, 6, 7, 8) } };
const covariate = seriesOf('day_ahead', '2024-04-01T00:00:00Z', [50, 60, 70]);
// What the engine passes: views into the full series, sharing their memory.
const visibleHistory = headOf(full, 2);
const request = simpleRequest(visibleHistory, '2024-04-01T00:45:00Z', ['2024-04-01T01:00:00Z'], {
  imbalance: visibleHistory,
  day_ahead: headOf(covariate, 1),
});

describe('isolatedRequest', () => {
  it('keeps every field and value of the request', () => {
    const isolated = isolatedRequest(request);
    expect([isolated.series, isolated.marketId, isolated.timezone, isolated.decisionTimeMs]).toEqual([
      'imbalance',
      'belgium',
      'Europe/Brussels',
      request.decisionTimeMs,
    ]);
    expect(Array.from(isolated.history.values)).toEqual([1, 2]);
    expect(Array.from(isolated.history.columns.shortage)).toEqual([5, 6]);
    expect(Object.keys(isolated.visible).sort()).toEqual(['day_ahead', 'imbalance']);
    expect(Array.from(isolated.visible.day_ahead?.values ?? [])).toEqual([50]);
    expect(isolated.visible.imbalance).toBe(isolated.history);
  });

  it('gives buffers that hold only the visible values (the raw views reach the future)', () => {
    expect(new Float64Array(request.history.values.buffer)).toHaveLength(4);
    const isolated = isolatedRequest(request);
    expect(Array.from(new Float64Array(isolated.history.values.buffer))).toEqual([1, 2]);
    expect(Array.from(new Float64Array(isolated.history.instantsMs.buffer))).toHaveLength(2);
    expect(Array.from(new Float64Array(isolated.history.columns.shortage.buffer))).toEqual([5, 6]);
    expect(Array.from(new Float64Array(isolated.visible.day_ahead?.values.buffer ?? new ArrayBuffer(0)))).toEqual([50]);
  });

  it('protects the engine data from writes', () => {
    const isolated = isolatedRequest(request);
    isolated.history.values[0] = -1;
    isolated.history.columns.shortage[0] = -1;
    isolated.deliveryInstantsMs[0] = 0;
    expect(() => {
      (isolated as { decisionTimeMs: number }).decisionTimeMs = 0;
    }).toThrow(TypeError);
    expect([full.values[0], full.columns.shortage[0], request.deliveryInstantsMs[0] > 0]).toEqual([1, 5, true]);
  });
});
