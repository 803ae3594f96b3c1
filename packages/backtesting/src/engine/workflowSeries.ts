import { AFRR_SERIES, type BaseWorkflow, type SeriesName } from '@euroflex/config';

/** The reserve product a workflow trades, if any. */
export function reserveProductOf(workflow: BaseWorkflow): 'fcr' | 'afrr' | undefined {
  if (workflow === 'da_plus_fcr') {
    return 'fcr';
  }
  return workflow === 'da_plus_afrr' ? 'afrr' : undefined;
}

/** Capacity price series, fixed once the product is awarded. */
export const CAPACITY_SERIES: Readonly<Record<'fcr' | 'afrr', readonly SeriesName[]>> = {
  fcr: ['fcr_capacity'],
  afrr: ['afrr_capacity_up', 'afrr_capacity_down'],
};

/** Activation series: they move SoC and earn money in the plan, so every gate forecasts them. */
export const ACTIVATION_SERIES: readonly SeriesName[] = AFRR_SERIES.filter((name) => !name.includes('capacity'));

/** Every series the workflow's decisions forecast. */
export function workflowSeries(workflow: BaseWorkflow): SeriesName[] {
  switch (workflow) {
    case 'da_plus_fcr':
      return ['day_ahead', 'fcr_capacity'];
    case 'da_plus_afrr':
      return ['day_ahead', ...AFRR_SERIES];
    case 'da_plus_imbalance':
      return ['day_ahead', 'imbalance'];
    default:
      return ['day_ahead'];
  }
}
