import { AFRR_SERIES, type BaseWorkflow, type SeriesName } from './vocabulary';

/** The reserve product a workflow trades, if any. */
export function reserveProductOf(workflow: BaseWorkflow): 'fcr' | 'afrr' | undefined {
  if (workflow === 'da_plus_fcr') {
    return 'fcr';
  }
  return workflow === 'da_plus_afrr' ? 'afrr' : undefined;
}

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
