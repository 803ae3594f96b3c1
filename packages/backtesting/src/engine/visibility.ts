import type { SeriesName } from '@euroflex/config';
import { headOf, visibleCount, type Series } from '@euroflex/markets';
import type { EngineContext } from './types';

/**
 * The part of every loaded series that was public at `decisionTimeMs`, per the market
 * adapter's publication rules. Providers only ever see this (shared memory, no copy).
 */
export function visibleHistory(
  context: Pick<EngineContext, 'actuals' | 'publication' | 'timezone'>,
  decisionTimeMs: number,
): Partial<Record<SeriesName, Series>> {
  const visible: Partial<Record<SeriesName, Series>> = {};
  for (const [name, series] of Object.entries(context.actuals) as [SeriesName, Series][]) {
    const count = visibleCount(series, context.publication[name], decisionTimeMs, context.timezone);
    visible[name] = headOf(series, count);
  }
  return visible;
}
