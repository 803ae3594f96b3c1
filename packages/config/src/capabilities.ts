import {
  BASE_WORKFLOWS,
  FORECAST_MODES,
  MARKET_IDS,
  PROVIDER_NAMES,
  RUN_SCOPES,
  type BaseWorkflow,
  type ForecastMode,
  type MarketId,
  type ProviderName,
  type RunScope,
  type Workflow,
} from './vocabulary';

/** Maturity of a path: `ga` is the supported production path, `oracle_only` a benchmark. */
export type CapabilityTier = 'ga' | 'stable' | 'experimental' | 'oracle_only' | 'unsupported';

/** A workflow as the matrix sees it: a base workflow, or a revision over one. */
export type CapabilityWorkflow = BaseWorkflow | `schedule_revision:${BaseWorkflow}`;

export const CAPABILITY_WORKFLOWS: readonly CapabilityWorkflow[] = [
  ...BASE_WORKFLOWS,
  ...BASE_WORKFLOWS.map((base) => `schedule_revision:${base}` as const),
];

/** One point of the matrix. */
export interface CapabilityKey {
  readonly market: MarketId;
  readonly workflow: CapabilityWorkflow;
  readonly scope: RunScope;
  readonly provider: ProviderName;
  readonly mode: ForecastMode;
}

/** What the matrix says about one point. Unsupported points carry the rejection message as `note`. */
export interface Capability {
  readonly supported: boolean;
  readonly tier: CapabilityTier;
  readonly note: string;
}

export interface CapabilityRow extends CapabilityKey, Capability {}

/**
 * One rule of the matrix. Unset criteria match anything; `base` matches the execution
 * workflow (so a revision over da_plus_imbalance counts as da_plus_imbalance), `revision`
 * whether the workflow is a schedule_revision. The first matching rule wins.
 */
export interface CapabilityRule {
  readonly markets?: readonly MarketId[];
  readonly base?: readonly BaseWorkflow[];
  readonly revision?: boolean;
  readonly scopes?: readonly RunScope[];
  readonly providers?: readonly ProviderName[];
  readonly modes?: readonly ForecastMode[];
  readonly tier: CapabilityTier;
  readonly note: string;
}

const scenario = ['scenario_bundle'] as const;
const point = ['point'] as const;

/** THE capability table. Validation, `euroflex capabilities` and docs/capabilities.md come from it. */
export const CAPABILITY_RULES: readonly CapabilityRule[] = [
  {
    modes: scenario,
    markets: ['netherlands'],
    tier: 'unsupported',
    note: 'Scenario forecasting is Belgium-first in the current release line; other markets remain point-only',
  },
  {
    modes: scenario,
    base: ['da_plus_imbalance'],
    tier: 'unsupported',
    note: 'Scenario forecasting is not supported for da_plus_imbalance in the current release line',
  },
  {
    modes: scenario,
    providers: ['perfect_foresight'],
    tier: 'unsupported',
    note: 'perfect_foresight only supports forecast_provider.mode=point in the current release line',
  },
  {
    modes: scenario,
    providers: ['persistence'],
    tier: 'unsupported',
    note: 'persistence only supports forecast_provider.mode=point in the current release line',
  },
  {
    modes: scenario,
    tier: 'experimental',
    note: 'Scenario bundle (Belgium first): weighted scenarios share the first-stage decisions; risk modes apply',
  },
  {
    providers: ['perfect_foresight'],
    modes: point,
    tier: 'oracle_only',
    note: 'Perfect foresight plans on actual prices: an oracle benchmark, not auditable',
  },
  {
    markets: ['belgium'],
    base: ['da_plus_afrr'],
    revision: true,
    scopes: ['portfolio'],
    providers: ['persistence', 'csv'],
    modes: point,
    tier: 'ga',
    note: 'GA path: validate-config, validate-data, backtest, reconcile, export-schedule operator, export-bids bid_planning',
  },
  {
    providers: ['custom_module'],
    modes: point,
    tier: 'experimental',
    note: 'Trusted local JS/TS ES module forecaster (auditable); the module contract is new in euroflex',
  },
  {
    base: ['da_plus_imbalance'],
    scopes: ['portfolio'],
    tier: 'experimental',
    note: 'Portfolio day-ahead plus imbalance: one site nomination behind the shared POI (the reference rejected it)',
  },
  {
    base: ['da_plus_imbalance'],
    revision: true,
    tier: 'experimental',
    note: 'Schedule revision over a day-ahead plus imbalance baseline',
  },
  {
    base: ['da_plus_imbalance'],
    tier: 'stable',
    note: 'Single-asset day-ahead plus imbalance rebalancing',
  },
  {
    tier: 'stable',
    note: 'Stable: auditable point forecasts on both markets, single asset and portfolio',
  },
];

/** The base workflow and revision flag of a matrix workflow label. */
export function splitCapabilityWorkflow(workflow: CapabilityWorkflow): { base: BaseWorkflow; revision: boolean } {
  const revision = workflow.startsWith('schedule_revision:');
  const base = (revision ? workflow.slice('schedule_revision:'.length) : workflow) as BaseWorkflow;
  return { base, revision };
}

/** The matrix label of a config's workflow (`schedule_revision:<base>` for revisions). */
export function capabilityWorkflow(workflow: Workflow, baseWorkflow: BaseWorkflow | undefined): CapabilityWorkflow {
  if (workflow !== 'schedule_revision') {
    return workflow;
  }
  if (baseWorkflow === undefined) {
    throw new Error('schedule_revision needs a base workflow');
  }
  return `schedule_revision:${baseWorkflow}`;
}

function matches<T>(allowed: readonly T[] | undefined, value: T): boolean {
  return allowed === undefined || allowed.includes(value);
}

/** The first rule of CAPABILITY_RULES that matches `key`. */
export function capabilityRuleOf(key: CapabilityKey): CapabilityRule {
  const { base, revision } = splitCapabilityWorkflow(key.workflow);
  const rule = CAPABILITY_RULES.find(
    (candidate) =>
      matches(candidate.markets, key.market) &&
      matches(candidate.base, base) &&
      (candidate.revision === undefined || candidate.revision === revision) &&
      matches(candidate.scopes, key.scope) &&
      matches(candidate.providers, key.provider) &&
      matches(candidate.modes, key.mode),
  );
  if (rule === undefined) {
    throw new Error('CAPABILITY_RULES must end with a catch-all rule');
  }
  return rule;
}

/** Whether and how well (market, workflow, scope, provider, mode) is supported. */
export function capabilityOf(key: CapabilityKey): Capability {
  const { tier, note } = capabilityRuleOf(key);
  return { supported: tier !== 'unsupported', tier, note };
}

let rows: readonly CapabilityRow[] | undefined;

/**
 * Every point of the matrix, in a fixed order (market, workflow, scope, provider, mode).
 * Built on first use: the 256 rule lookups cost every command's start otherwise.
 */
export function capabilityRows(): readonly CapabilityRow[] {
  rows ??= MARKET_IDS.flatMap((market) =>
    CAPABILITY_WORKFLOWS.flatMap((workflow) =>
      RUN_SCOPES.flatMap((scope) =>
        PROVIDER_NAMES.flatMap((provider) =>
          FORECAST_MODES.map((mode) => {
            const key: CapabilityKey = { market, workflow, scope, provider, mode };
            return { ...key, ...capabilityOf(key) };
          }),
        ),
      ),
    ),
  );
  return rows;
}

/** Providers whose runs can be audited against the oracle (all but perfect_foresight). */
export function isAuditableProvider(provider: ProviderName): boolean {
  return provider !== 'perfect_foresight';
}
