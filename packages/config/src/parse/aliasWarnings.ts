import type { LabIssue } from '../issues';
import { tailMassFromReferenceAlpha } from '../schema/risk';

function field(raw: unknown, block: string, key: string): unknown {
  if (raw === null || typeof raw !== 'object') {
    return undefined;
  }
  const value = (raw as Record<string, unknown>)[block];
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Warnings for reference names that euroflex reads differently: `custom_python` and
 * `cvar_lite`, plus Python module files, which are never executed.
 */
export function aliasWarnings(raw: unknown): LabIssue[] {
  const warnings: LabIssue[] = [];
  if (field(raw, 'forecast_provider', 'name') === 'custom_python') {
    warnings.push({
      path: 'forecast_provider.name',
      code: 'alias',
      message:
        'custom_python is read as custom_module. Python modules are not executed: module_path must name a JS/TS ES module (.mjs, .js or .ts) that exports class_name',
    });
  }
  const modulePath = field(raw, 'forecast_provider', 'module_path');
  if (typeof modulePath === 'string' && modulePath.toLowerCase().endsWith('.py')) {
    warnings.push({
      path: 'forecast_provider.module_path',
      code: 'python_module',
      message: `module_path ${modulePath} is a Python file, which euroflex cannot load: port the forecaster to a JS/TS ES module before running a backtest`,
    });
  }
  if (field(raw, 'risk', 'mode') === 'cvar_lite') {
    const alpha = field(raw, 'risk', 'tail_alpha');
    const mapped =
      typeof alpha === 'number' && alpha > 0 && alpha < 1
        ? `; tail_alpha ${alpha} (the reference's confidence level) becomes ${tailMassFromReferenceAlpha(alpha)}, the tail probability mass`
        : '';
    warnings.push({
      path: 'risk.mode',
      code: 'alias',
      message: `cvar_lite is read as cvar${mapped} (euroflex's tail_alpha is the share of worst-case scenario weight, e.g. 0.05 = the worst 5 %)`,
    });
  }
  return warnings;
}
