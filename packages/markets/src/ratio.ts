import { SERIES_UNITS, type SeriesName } from '@euroflex/config';

/** Whether the series' values are fractions in [0, 1] (the aFRR activation ratios). */
export function isRatioSeries(name: SeriesName): boolean {
  return SERIES_UNITS[name] === 'frac';
}

/** Whether `value` is a usable activation ratio: finite and in [0, 1]. */
export function isRatioInRange(value: number): boolean {
  return value >= 0 && value <= 1;
}

/** The fix every out-of-range activation ratio message ends with. */
export const RATIO_RANGE_FIX = 'ratios are fractions of the reserved capacity (0.25, not 25)';
