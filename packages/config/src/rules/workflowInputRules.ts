import { findExecutionWorkflow } from '../executionWorkflow';
import { AFRR_SERIES } from '../vocabulary';
import { defineRule } from './defineRule';

/** Rules 7-9: each workflow has the actual series and reserve block it needs. */
export const workflowInputs = defineRule(
  'workflow_inputs',
  ['workflow', 'revision', 'data', 'fcr', 'afrr'],
  (config, report) => {
    const workflow = findExecutionWorkflow(config);
    const { data } = config;
    if (workflow === 'da_plus_imbalance' && data.imbalance === undefined) {
      report.error(
        'data.imbalance',
        'missing_input',
        'Imbalance actual input is required for da_plus_imbalance: add data.imbalance.actual_path',
      );
    }
    if (workflow === 'da_plus_fcr') {
      if (data.fcr_capacity === undefined) {
        report.error(
          'data.fcr_capacity',
          'missing_input',
          'FCR capacity actual input is required for da_plus_fcr: add data.fcr_capacity.actual_path',
        );
      }
      if (config.fcr === null) {
        report.error('fcr', 'missing_block', 'fcr configuration block is required for da_plus_fcr: add a top-level block "fcr: {}" (every field has a default; docs/config.md, fcr)');
      }
    }
    if (workflow === 'da_plus_afrr') {
      const missing = AFRR_SERIES.filter((series) => data[series] === undefined).sort();
      if (missing.length > 0) {
        report.error(
          'data',
          'missing_input',
          `aFRR actual inputs are required for da_plus_afrr: ${missing.join(', ')}`,
        );
      }
      if (config.afrr === null) {
        report.error('afrr', 'missing_block', 'afrr configuration block is required for da_plus_afrr: add a top-level block "afrr: {}" (every field has a default; docs/config.md, afrr)');
      }
    }
  },
);

/** A reserve block the workflow does not use is ignored; say so instead of staying silent. */
export const unusedReserveBlocks = defineRule(
  'unused_reserve_blocks',
  ['workflow', 'revision', 'fcr', 'afrr'],
  (config, report) => {
    const workflow = findExecutionWorkflow(config);
    if (workflow === undefined) {
      return;
    }
    for (const product of ['fcr', 'afrr'] as const) {
      if (config[product] !== null && workflow !== `da_plus_${product}`) {
        report.warn(
          product,
          'unused_block',
          `${product} block is ignored: the ${workflow} workflow does not use ${product === 'fcr' ? 'FCR' : 'aFRR'}`,
        );
      }
    }
  },
);
