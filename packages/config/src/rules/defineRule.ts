import type { LabIssue } from '../issues';
import type { ConfigBlockKey, EuroflexConfig } from '../schema/configShape';

/** Where a rule reports: errors make the config invalid, warnings do not. */
export interface RuleReport {
  error(path: string, code: string, message: string): void;
  warn(path: string, code: string, message: string): void;
}

/** Facts about the raw input that the normalised config no longer shows. */
export interface RuleContext {
  /** `forecast_provider.name` as written (`custom_python` for the reference alias). */
  readonly providerNameAsWritten?: string;
}

/**
 * A cross-field rule. It runs whenever every block it `reads` validated on its own, so
 * a config with field errors still gets its cross-field problems reported.
 */
export interface CrossFieldRule {
  readonly id: string;
  readonly reads: readonly ConfigBlockKey[];
  run(config: Partial<EuroflexConfig>, report: RuleReport, context: RuleContext): void;
}

/** Typed constructor: `check` sees exactly the blocks named in `reads`. */
export function defineRule<K extends ConfigBlockKey>(
  id: string,
  reads: readonly K[],
  check: (config: Pick<EuroflexConfig, K>, report: RuleReport, context: RuleContext) => void,
): CrossFieldRule {
  return {
    id,
    reads,
    // runRules only calls this when every block in `reads` is present and valid.
    run: (config, report, context) => check(config as Pick<EuroflexConfig, K>, report, context),
  };
}

/** Outcome of running rules. */
export interface RuleFindings {
  readonly issues: LabIssue[];
  readonly warnings: LabIssue[];
}

/** Run every rule whose blocks are all in `validBlocks`, in order. */
export function runRules(
  rules: readonly CrossFieldRule[],
  config: Partial<EuroflexConfig>,
  validBlocks: ReadonlySet<ConfigBlockKey>,
  context: RuleContext = {},
): RuleFindings {
  const findings: RuleFindings = { issues: [], warnings: [] };
  const report: RuleReport = {
    error: (path, code, message) => findings.issues.push({ path, code, message }),
    warn: (path, code, message) => findings.warnings.push({ path, code, message }),
  };
  for (const rule of rules) {
    if (rule.reads.every((block) => validBlocks.has(block))) {
      rule.run(config, report, context);
    }
  }
  return findings;
}
