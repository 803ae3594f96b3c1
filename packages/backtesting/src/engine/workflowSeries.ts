import { AFRR_SERIES, type SeriesName } from '@euroflex/config';

export { reserveProductOf, workflowSeries } from '@euroflex/config';

/** Capacity price series, fixed once the product is awarded. */
export const CAPACITY_SERIES: Readonly<Record<'fcr' | 'afrr', readonly SeriesName[]>> = {
  fcr: ['fcr_capacity'],
  afrr: ['afrr_capacity_up', 'afrr_capacity_down'],
};

/** Activation series: they move SoC and earn money in the plan, so every gate forecasts them. */
export const ACTIVATION_SERIES: readonly SeriesName[] = AFRR_SERIES.filter((name) => !name.includes('capacity'));
