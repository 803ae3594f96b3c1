import { capabilityOf, capabilityWorkflow } from '../capabilities';
import { findExecutionWorkflow, runScope } from '../executionWorkflow';
import { AFRR_SERIES } from '../vocabulary';
import { defineRule } from './defineRule';

/** Rule 6 (scenario part) via the capability matrix: unsupported points are rejected with the matrix note. */
export const supportedCapability = defineRule(
  'capability',
  ['market', 'workflow', 'revision', 'assets', 'forecast_provider'],
  (config, report) => {
    const base = findExecutionWorkflow(config);
    if (base === undefined) {
      return;
    }
    const { mode, name } = config.forecast_provider;
    const capability = capabilityOf({
      market: config.market.id,
      workflow: capabilityWorkflow(config.workflow, base),
      scope: runScope(config),
      provider: name,
      mode,
    });
    if (!capability.supported) {
      report.error(mode === 'scenario_bundle' ? 'forecast_provider.mode' : 'workflow', 'unsupported', capability.note);
    }
  },
);

/** Rule 6: `scenario_id` filters point-mode csv forecasts only. */
export const scenarioIdOnlyForPointCsv = defineRule('scenario_id', ['forecast_provider'], (config, report) => {
  const { forecast_provider } = config;
  if (forecast_provider.scenario_id === null) {
    return;
  }
  if (forecast_provider.mode === 'scenario_bundle') {
    report.error(
      'forecast_provider.scenario_id',
      'scenario_id_with_bundle',
      'scenario_id is only valid for point-mode CSV forecasts, not scenario bundles; remove scenario_id',
    );
  } else if (forecast_provider.name !== 'csv') {
    report.warn(
      'forecast_provider.scenario_id',
      'unused_field',
      `scenario_id is ignored: only the csv provider reads it (provider is ${forecast_provider.name})`,
    );
  }
});

/** Rule 6: risk settings other than the defaults need scenario bundles. */
export const riskNeedsScenarios = defineRule('risk_mode', ['forecast_provider', 'risk'], (config, report) => {
  const { risk } = config;
  const nonDefault = risk.mode !== 'expected_value' || risk.penalty_lambda !== 0 || risk.tail_alpha !== null;
  if (config.forecast_provider.mode === 'point' && nonDefault) {
    report.error(
      'risk.mode',
      'risk_needs_scenarios',
      'Risk modes other than expected_value require forecast_provider.mode=scenario_bundle (penalty_lambda must be 0 and tail_alpha unset in point mode)',
    );
  }
});

/**
 * A risk weight that changes nothing: downside_penalty and cvar with penalty_lambda 0 are the
 * expected value, and expected_value ignores penalty_lambda (docs/optimization/scenarios.md).
 */
export const riskWeightHasEffect = defineRule('risk_weight', ['forecast_provider', 'risk'], (config, report) => {
  const { risk } = config;
  if (config.forecast_provider.mode !== 'scenario_bundle') {
    return;
  }
  if (risk.mode !== 'expected_value' && risk.penalty_lambda === 0) {
    report.warn(
      'risk.penalty_lambda',
      'no_effect',
      `risk.mode=${risk.mode} with penalty_lambda 0 is the expected value: set risk.penalty_lambda > 0 to weigh the risk term`,
    );
  } else if (risk.mode === 'expected_value' && risk.penalty_lambda !== 0) {
    report.warn('risk.penalty_lambda', 'no_effect', `penalty_lambda ${risk.penalty_lambda} has no effect under risk.mode=expected_value: choose downside_penalty or cvar, or drop it`);
  }
});

/** Rule 10: a csv provider names a forecast file for every series the workflow forecasts. */
export const csvProviderPaths = defineRule(
  'csv_paths',
  ['forecast_provider', 'workflow', 'revision'],
  (config, report) => {
    const provider = config.forecast_provider;
    if (provider.name !== 'csv') {
      return;
    }
    if (provider.day_ahead_path === undefined) {
      report.error(
        'forecast_provider.day_ahead_path',
        'missing_forecast_path',
        'CSV forecast provider requires day_ahead_path',
      );
    }
    const workflow = findExecutionWorkflow(config);
    if (workflow === 'da_plus_imbalance' && provider.imbalance_path === undefined) {
      report.error(
        'forecast_provider.imbalance_path',
        'missing_forecast_path',
        'CSV forecast provider requires imbalance_path for da_plus_imbalance',
      );
    }
    if (workflow === 'da_plus_fcr' && provider.fcr_capacity_path === undefined) {
      report.error(
        'forecast_provider.fcr_capacity_path',
        'missing_forecast_path',
        'CSV forecast provider requires fcr_capacity_path for da_plus_fcr',
      );
    }
    if (workflow === 'da_plus_afrr') {
      const missing = AFRR_SERIES.map((series) => `${series}_path` as const)
        .filter((key) => provider[key] === undefined)
        .sort();
      if (missing.length > 0) {
        report.error(
          'forecast_provider',
          'missing_forecast_path',
          `CSV forecast provider requires aFRR paths for da_plus_afrr: ${missing.join(', ')}`,
        );
      }
    }
  },
);

/** Rule 11: a custom module names its file and export. */
export const customModuleFields = defineRule('custom_module', ['forecast_provider'], (config, report, context) => {
  const provider = config.forecast_provider;
  if (provider.name !== 'custom_module') {
    return;
  }
  // Keep the name the user wrote so reference messages (custom_python ...) still match.
  const label = context.providerNameAsWritten ?? provider.name;
  if (provider.module_path === null) {
    report.error(
      'forecast_provider.module_path',
      'missing_module_path',
      `${label} forecast provider requires module_path (a JS/TS ES module)`,
    );
  }
  if (provider.class_name === null) {
    report.error(
      'forecast_provider.class_name',
      'missing_class_name',
      `${label} forecast provider requires class_name (the exported class or factory)`,
    );
  }
});
