import type { LabIssue } from '@euroflex/config';
import type { ExtendedDispatchProblem } from './DispatchProblem';
import { checkSeries, validateExtensions } from './validateExtensions';

/** SoC targets may sit this far outside the band (carried SoC keeps solver-tolerance noise). */
const SOC_SLACK_MWH = 1e-6;

/**
 * Every inconsistency of a dispatch problem (da_only or extended), as LabIssues with the
 * field path and the fix: lengths, NaN, ranges, block maps, locks, weights.
 */
export function validateDispatchProblem(problem: ExtendedDispatchProblem): LabIssue[] {
  const issues: LabIssue[] = [];
  const issue = (path: string, code: string, message: string): void => {
    issues.push({ path, code, message });
  };
  const n = problem.intervalCount;
  if (!Number.isInteger(n) || n < 1) {
    issue('intervalCount', 'invalid_horizon', `intervalCount must be a positive integer, got ${n}`);
    return issues;
  }
  if (!(problem.intervalHours > 0) || !Number.isFinite(problem.intervalHours)) {
    issue('intervalHours', 'invalid_interval', `intervalHours must be positive (0.25 for 15 minutes), got ${problem.intervalHours}`);
  }
  checkSeries(issue, 'dayAheadPriceEurPerMwh', 'day-ahead price', problem.dayAheadPriceEurPerMwh, n);
  for (const side of ['importLimitMw', 'exportLimitMw'] as const) {
    const limit = problem.site[side];
    if (!(limit >= 0)) {
      issue(`site.${side}`, 'invalid_limit', `site.${side} must be >= 0 MW (Infinity for none), got ${limit}`);
    }
  }
  problem.assets.forEach((asset, a) => {
    const at = `assets.${a}`;
    checkSeries(issue, `${at}.powerLimitMw`, `${asset.id}: power limit`, asset.powerLimitMw, n, 0);
    for (const field of ['chargeEfficiency', 'dischargeEfficiency'] as const) {
      const eta = asset[field];
      if (!(eta > 0 && eta <= 1)) {
        issue(`${at}.${field}`, 'invalid_efficiency', `${asset.id}: ${field} must be in (0, 1], got ${eta}`);
      }
    }
    if (!(asset.degradationEurPerMwh >= 0) || !Number.isFinite(asset.degradationEurPerMwh)) {
      issue(`${at}.degradationEurPerMwh`, 'invalid_degradation', `${asset.id}: degradation cost must be a finite number >= 0 EUR/MWh, got ${asset.degradationEurPerMwh}`);
    }
    if (!(asset.socMinMwh <= asset.socMaxMwh) || !Number.isFinite(asset.socMinMwh) || !Number.isFinite(asset.socMaxMwh)) {
      issue(`${at}.socMinMwh`, 'invalid_soc_band', `${asset.id}: the effective SoC band [${asset.socMinMwh}, ${asset.socMaxMwh}] MWh is empty; headroom must leave soc_min < soc_max`);
      return;
    }
    const targets: [string, number | null][] = [
      ['initialSocMwh', asset.initialSocMwh],
      ['terminalSocMwh', asset.terminalSocMwh],
    ];
    for (const [field, soc] of targets) {
      if (soc !== null && !(soc >= asset.socMinMwh - SOC_SLACK_MWH && soc <= asset.socMaxMwh + SOC_SLACK_MWH)) {
        issue(`${at}.${field}`, 'soc_outside_band', `${asset.id}: ${field} ${soc} MWh is outside the effective band [${asset.socMinMwh}, ${asset.socMaxMwh}] MWh; move it inside or reduce minimum_headroom_mwh`);
      }
    }
  });
  if (issues.length === 0) {
    validateExtensions(problem, issue);
  }
  return issues;
}
