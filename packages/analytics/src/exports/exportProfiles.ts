/** What is exported: the schedule, the bids (nominations and reserve bids) or a revision's lineage. */
export const EXPORT_KINDS = ['schedule', 'bids', 'revision'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_PROFILE_NAMES = ['benchmark', 'operator', 'bid_planning', 'submission_candidate'] as const;
export type ExportProfileName = (typeof EXPORT_PROFILE_NAMES)[number];

/** One payload of an export, written as `<payload>.csv`, `.json` and `.parquet` with these columns. */
export interface ExportFileSpec {
  readonly payload: string;
  /** One line for docs/exports.md. */
  readonly description: string;
  readonly columns: readonly string[];
}

/** A profile of one export kind: who it is for and what it writes. */
export interface ExportProfileSpec {
  readonly intendedConsumer: string;
  /** True when the files are for analysis only (benchmark grade), never for operations. */
  readonly benchmarkGradeOnly: boolean;
  /** The `schedule_version` the manifest reports: which version of the plan the files carry. */
  readonly scheduleVersion: string;
  readonly files: readonly ExportFileSpec[];
}

const RESERVES = ['fcr_reserved_mw', 'afrr_up_reserved_mw', 'afrr_down_reserved_mw'] as const;
const IDENTITY = ['run_id', 'site_id', 'market_id', 'workflow', 'run_scope'] as const;
const TIMES = ['timestamp_utc', 'timestamp_local', 'delivery_date_local'] as const;
const LINEAGE = ['schedule_version', 'lock_state', 'set_by_version', 'set_by_decision_id', 'set_by_decision_time_utc'] as const;

const VALIDATION_REPORT: ExportFileSpec = {
  payload: 'validation_report',
  description: 'one row per check of the submission gate, all passed or acknowledged',
  columns: ['check', 'description', 'status', 'violation_count', 'first_violation'],
};

const SCHEDULE: Partial<Record<ExportProfileName, ExportProfileSpec>> = {
  benchmark: {
    intendedConsumer: 'analytics',
    benchmarkGradeOnly: true,
    scheduleVersion: 'final_realized',
    files: [
      {
        payload: 'site_schedule',
        description: 'the executed site schedule with prices, POI duals, PnL and reason codes',
        columns: [
          ...IDENTITY, ...TIMES, 'decision_id', 'schedule_version', 'lock_state', 'charge_mw', 'discharge_mw', 'net_export_mw', 'nomination_mw', 'soc_start_mwh', 'soc_mwh', ...RESERVES,
          'poi_import_limit_mw', 'poi_export_limit_mw', 'poi_import_dual_eur_per_mw', 'poi_export_dual_eur_per_mw', 'day_ahead_forecast_price_eur_per_mwh', 'day_ahead_actual_price_eur_per_mwh',
          'expected_pnl_eur', 'realized_pnl_eur', 'reason_code',
        ],
      },
      {
        payload: 'asset_schedule',
        description: 'the executed schedule per asset with PnL and reason codes',
        columns: [
          ...IDENTITY, ...TIMES, 'asset_id', 'decision_id', 'schedule_version', 'lock_state', 'charge_mw', 'discharge_mw', 'net_export_mw', 'nomination_mw', 'soc_start_mwh', 'soc_mwh', 'power_limit_mw', ...RESERVES,
          'expected_pnl_eur', 'realized_pnl_eur', 'reason_code',
        ],
      },
    ],
  },
  operator: {
    intendedConsumer: 'scheduler',
    benchmarkGradeOnly: false,
    scheduleVersion: 'final_realized',
    files: [
      {
        payload: 'site_schedule',
        description: 'slim site schedule: position at the POI, reserves, SoC',
        columns: ['run_id', 'site_id', 'timestamp_utc', 'timestamp_local', 'net_export_mw', 'nomination_mw', 'soc_mwh', ...RESERVES, 'schedule_version', 'reason_code'],
      },
      {
        payload: 'asset_schedule',
        description: 'slim asset schedule: set points, reserves, SoC',
        columns: ['run_id', 'site_id', 'asset_id', 'timestamp_utc', 'timestamp_local', 'charge_mw', 'discharge_mw', 'net_export_mw', 'soc_mwh', ...RESERVES, 'schedule_version', 'reason_code'],
      },
    ],
  },
  submission_candidate: {
    intendedConsumer: 'execution_router_or_scheduler',
    benchmarkGradeOnly: false,
    scheduleVersion: 'final_realized',
    files: [
      {
        payload: 'site_schedule',
        description: 'site schedule with its limits and the decision that set every interval',
        columns: [
          'run_id', 'site_id', 'market_id', ...TIMES, 'net_export_mw', 'nomination_mw', ...RESERVES, 'soc_mwh', 'poi_import_limit_mw', 'poi_export_limit_mw', ...LINEAGE,
        ],
      },
      {
        payload: 'asset_schedule',
        description: 'asset set points with the band and limits they were checked against, and their lineage',
        columns: [
          'run_id', 'site_id', 'asset_id', ...TIMES, 'charge_mw', 'discharge_mw', 'net_export_mw', 'nomination_mw', 'soc_start_mwh', 'soc_mwh', 'soc_min_mwh', 'soc_max_mwh', 'power_limit_mw',
          ...RESERVES, ...LINEAGE,
        ],
      },
      VALIDATION_REPORT,
    ],
  },
};

const BLOCK_BIDS = [
  'run_id', 'site_id', 'market_id', 'delivery_date_local', 'product', 'block_start_utc', 'block_end_utc', 'block_start_local', 'block_end_local', 'interval_count', 'capacity_mw',
  'capacity_forecast_price_eur_per_mw_per_h', 'decision_id', 'decision_time_utc',
] as const;
const NOMINATIONS = [
  'run_id', 'site_id', 'market_id', ...TIMES, 'day_ahead_nomination_mw', 'day_ahead_forecast_price_eur_per_mwh', 'decision_id', 'decision_time_utc',
] as const;
const ALLOCATION = ['run_id', 'site_id', 'asset_id', ...TIMES, 'day_ahead_nomination_mw', ...RESERVES] as const;

const BIDS: Partial<Record<ExportProfileName, ExportProfileSpec>> = {
  benchmark: {
    intendedConsumer: 'analytics',
    benchmarkGradeOnly: true,
    scheduleVersion: 'baseline',
    files: [
      {
        payload: 'site_bids',
        description: 'day-ahead nomination and reserves held per interval, with the forecast prices they were chosen with',
        columns: [
          ...IDENTITY, ...TIMES, 'day_ahead_nomination_mw', ...RESERVES, 'reserve_product_id', 'day_ahead_forecast_price_eur_per_mwh', 'fcr_capacity_forecast_price_eur_per_mw_per_h',
          'afrr_capacity_up_forecast_price_eur_per_mw_per_h', 'afrr_capacity_down_forecast_price_eur_per_mw_per_h', 'schedule_version',
        ],
      },
      {
        payload: 'asset_bids',
        description: "each asset's part of the nomination and of the reserves per interval",
        columns: ['run_id', 'site_id', 'asset_id', ...TIMES, 'day_ahead_nomination_mw', ...RESERVES, 'schedule_version'],
      },
    ],
  },
  bid_planning: {
    intendedConsumer: 'trader_or_scheduler',
    benchmarkGradeOnly: false,
    scheduleVersion: 'baseline',
    files: [
      { payload: 'reserve_bids', description: 'one site bid per reserve product and product block, with the gate decision that chose it', columns: BLOCK_BIDS },
      { payload: 'energy_nominations', description: 'the site day-ahead nomination per interval, with the decision that made it', columns: NOMINATIONS },
      { payload: 'asset_allocation', description: 'annex: how the nomination and reserves split over the assets', columns: ALLOCATION },
    ],
  },
  submission_candidate: {
    intendedConsumer: 'execution_router_or_scheduler',
    benchmarkGradeOnly: false,
    scheduleVersion: 'baseline',
    files: [
      { payload: 'reserve_bids', description: 'the bid_planning reserve bids with their version and lock state', columns: [...BLOCK_BIDS, 'schedule_version', 'lock_state'] },
      { payload: 'energy_nominations', description: 'the bid_planning nominations with their version and lock state', columns: [...NOMINATIONS, 'schedule_version', 'lock_state'] },
      { payload: 'asset_allocation', description: 'annex: the asset split, with its version', columns: [...ALLOCATION, 'schedule_version'] },
      VALIDATION_REPORT,
    ],
  },
};

const PLAN = ['charge_mw', 'discharge_mw', 'net_export_mw', 'nomination_mw', 'soc_mwh', ...RESERVES] as const;

const REVISION: Partial<Record<ExportProfileName, ExportProfileSpec>> = {
  benchmark: {
    intendedConsumer: 'analytics',
    benchmarkGradeOnly: true,
    scheduleVersion: 'latest_revised',
    files: [
      {
        payload: 'baseline_schedule',
        description: 'the day-ahead plan per asset and interval',
        columns: [...IDENTITY, ...TIMES, 'asset_id', 'decision_id', 'decision_time_utc', 'schedule_version', 'lock_state', ...PLAN, 'expected_pnl_eur'],
      },
      {
        payload: 'latest_revised_schedule',
        description: 'per asset and interval, the plan of the latest revision that covered it (else the baseline)',
        columns: [
          ...IDENTITY, ...TIMES, 'asset_id', 'decision_id', 'decision_time_utc', 'schedule_version', 'lock_state', 'revision_status', 'revision_reason', 'checkpoint_local', ...PLAN,
        ],
      },
      {
        payload: 'schedule_lineage',
        description: 'per asset and interval, the version whose plan was executed, and the executed flows',
        columns: ['run_id', 'site_id', 'timestamp_utc', 'timestamp_local', 'asset_id', ...LINEAGE, 'charge_mw', 'discharge_mw', 'nomination_mw'],
      },
      {
        payload: 'asset_revision_allocation',
        description: 'per asset and interval, what the revisions changed against the baseline',
        columns: [
          'run_id', 'site_id', 'asset_id', ...TIMES, 'baseline_net_export_mw', 'revised_net_export_mw', 'executed_net_export_mw', 'revision_delta_mw', 'baseline_soc_mwh', 'revised_soc_mwh',
          'set_by_version', 'revision_count',
        ],
      },
    ],
  },
  operator: {
    intendedConsumer: 'scheduler',
    benchmarkGradeOnly: false,
    scheduleVersion: 'latest_revised',
    files: [
      {
        payload: 'site_revised_schedule',
        description: 'the site position after the latest revision, and its deviation from the nomination',
        columns: ['run_id', 'site_id', 'timestamp_utc', 'timestamp_local', 'net_export_mw', 'nomination_mw', 'deviation_mw', 'schedule_version'],
      },
      {
        payload: 'latest_revised_schedule',
        description: 'slim asset set points after the latest revision',
        columns: ['run_id', 'site_id', 'asset_id', 'timestamp_utc', 'timestamp_local', 'charge_mw', 'discharge_mw', 'net_export_mw', 'soc_mwh', ...RESERVES, 'schedule_version'],
      },
      {
        payload: 'schedule_lineage',
        description: 'which version set each asset interval',
        columns: ['run_id', 'site_id', 'asset_id', 'timestamp_utc', 'timestamp_local', 'set_by_version', 'set_by_decision_id'],
      },
    ],
  },
};

/**
 * Every export profile with its intended consumer and the exact columns of every file
 * (docs/exports.md is tested against this table). Kinds support: schedule: benchmark,
 * operator, submission_candidate; bids: benchmark, bid_planning, submission_candidate;
 * revision: benchmark, operator.
 */
export const EXPORT_PROFILES: Readonly<Record<ExportKind, Partial<Record<ExportProfileName, ExportProfileSpec>>>> = {
  schedule: SCHEDULE,
  bids: BIDS,
  revision: REVISION,
};

/** The profiles a kind supports, in EXPORT_PROFILE_NAMES order. */
export function profilesOf(kind: ExportKind): ExportProfileName[] {
  return EXPORT_PROFILE_NAMES.filter((name) => EXPORT_PROFILES[kind][name] !== undefined);
}
