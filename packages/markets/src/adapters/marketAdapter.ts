import type { MarketId, SeriesName } from '@euroflex/config';

/** Reserve products the lab models. */
export type ReserveProductId = 'fcr_symmetric' | 'afrr_asymmetric';

/** A balancing-capacity product of a market. */
export interface ReserveProduct {
  readonly id: ReserveProductId;
  /** FCR is one symmetric band; aFRR has separate up and down volumes. */
  readonly symmetric: boolean;
  /** Length of one product block in the market (minutes); `fcr|afrr.block_minutes` overrides it. */
  readonly defaultBlockMinutes: number;
  /** Which gate of `MarketAdapter.defaultGates` commits the product. */
  readonly gate: 'fcr' | 'afrr';
  /** Capacity price series (EUR/MW/h). */
  readonly capacitySeries: readonly SeriesName[];
  /** Activation price and ratio series (empty for FCR, whose activation is not settled). */
  readonly activationSeries: readonly SeriesName[];
}

/** `single_price`: one imbalance price for both directions; `dual_price`: surplus and shortage prices. */
export type ImbalanceSettlementRule = 'single_price' | 'dual_price';

/**
 * Everything market-specific: time zone, bidding zone, gates, publication lags, reserve
 * products and imbalance settlement. One object per market; see docs/markets.md for how
 * to add one.
 */
export interface MarketAdapter {
  readonly id: MarketId;
  /** IANA time zone of delivery days and gate times. */
  readonly timezone: string;
  /** Bidding-zone EIC code (the `zone` column of day-ahead and imbalance files). */
  readonly zoneEic: string;
  /** Transmission system operator. */
  readonly operator: string;
  readonly imbalanceSettlement: ImbalanceSettlementRule;
  /** Summary label of the settlement rule (`single_price_eur_per_mwh`, `dual_price_shortage_surplus`). */
  readonly settlementBasis: string;
  /** Dual-price columns of the imbalance file, for `dual_price` markets. */
  readonly imbalanceColumns?: { readonly surplus: string; readonly shortage: string };
  readonly reserveProducts: readonly ReserveProduct[];
  /** Reserve gate closures, local HH:MM on D-1 (`market.gates` overrides them). */
  readonly defaultGates: { readonly fcr: string; readonly afrr: string };
  /** Minutes after gate (daily auctions) or interval end (the rest) until a value is public. */
  readonly defaultPublicationLagsMinutes: Readonly<Record<SeriesName, number>>;
  /** Extra columns each series file must carry (e.g. NL dual imbalance prices). */
  readonly requiredColumns: Readonly<Partial<Record<SeriesName, readonly string[]>>>;
  /** Series whose `zone` column must be this market's zone (reserve prices may come from a common auction). */
  readonly zoneSpecificSeries: readonly SeriesName[];
  /**
   * Defaults that are assumptions rather than published market rules, keyed by the config
   * override that replaces them (`gates.afrr`, `publication_lags.imbalance`).
   */
  readonly assumedDefaults: Readonly<Record<string, MarketAssumption>>;
  /** Every assumption of the adapter, for the run summary (see activeAssumptions). */
  readonly assumptions: readonly MarketAssumption[];
}

/** Publication lags shared by both markets (minutes), per the engine spec. */
export const COMMON_PUBLICATION_LAGS_MINUTES: Readonly<Record<SeriesName, number>> = {
  day_ahead: 60,
  imbalance: 15,
  fcr_capacity: 60,
  afrr_capacity_up: 60,
  afrr_capacity_down: 60,
  afrr_activation_price_up: 0,
  afrr_activation_price_down: 0,
  afrr_activation_ratio_up: 0,
  afrr_activation_ratio_down: 0,
};

/** FCR (common FCR Cooperation auction, 4-hour blocks) and aFRR, as both markets run them. */
export const STANDARD_RESERVE_PRODUCTS: readonly ReserveProduct[] = [
  {
    id: 'fcr_symmetric',
    symmetric: true,
    defaultBlockMinutes: 240,
    gate: 'fcr',
    capacitySeries: ['fcr_capacity'],
    activationSeries: [],
  },
  {
    id: 'afrr_asymmetric',
    symmetric: false,
    defaultBlockMinutes: 240,
    gate: 'afrr',
    capacitySeries: ['afrr_capacity_up', 'afrr_capacity_down'],
    activationSeries: [
      'afrr_activation_price_up',
      'afrr_activation_price_down',
      'afrr_activation_ratio_up',
      'afrr_activation_ratio_down',
    ],
  },
];

/** One assumption of a market adapter: its sentence, and the series it is about. */
export interface MarketAssumption {
  /** The sentence of the run summary. */
  readonly text: string;
  /** The series (or the gate of the series) it is about: it applies only to a run whose workflow uses one of them. */
  readonly series: readonly SeriesName[];
}

/** The aFRR capacity series: what the aFRR gate closes on. */
const AFRR_CAPACITY_SERIES: readonly SeriesName[] = ['afrr_capacity_up', 'afrr_capacity_down'];

/**
 * A market's assumed defaults, keyed by the config override that replaces them, each with the
 * series it is about: the aFRR gate time (the aFRR capacity series) and the imbalance
 * publication lag (`imbalance`).
 */
export function assumedDefaultsOf(text: { readonly afrrGate: string; readonly imbalanceLag: string }): Readonly<Record<string, MarketAssumption>> {
  return {
    'gates.afrr': { text: text.afrrGate, series: AFRR_CAPACITY_SERIES },
    'publication_lags.imbalance': { text: text.imbalanceLag, series: ['imbalance'] },
  };
}

/** Assumptions common to both markets. */
export const COMMON_ASSUMPTIONS: readonly MarketAssumption[] = [
  {
    text: 'Reserve capacity prices of day D are assumed public 60 minutes after their gate on D-1 (override with market.publication_lags.<series>).',
    series: ['fcr_capacity', ...AFRR_CAPACITY_SERIES],
  },
  {
    text: 'aFRR activation prices and ratios are assumed public at the end of their quarter-hour (lag 0).',
    series: ['afrr_activation_price_up', 'afrr_activation_price_down', 'afrr_activation_ratio_up', 'afrr_activation_ratio_down'],
  },
];
