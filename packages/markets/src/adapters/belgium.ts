import { MARKET_TIMEZONES } from '@euroflex/config';
import { assumedDefaultsOf, COMMON_ASSUMPTIONS, COMMON_PUBLICATION_LAGS_MINUTES, STANDARD_RESERVE_PRODUCTS, type MarketAdapter } from './marketAdapter';

const assumedDefaults = assumedDefaultsOf({
  afrrGate:
    'Belgian aFRR capacity gate assumed at D-1 09:00 Europe/Brussels (Elia daily auction; override with market.gates.afrr).',
  imbalanceLag:
    'Belgian imbalance prices assumed public 15 minutes after the end of their quarter-hour (override with market.publication_lags.imbalance).',
});

/** Belgium: Elia, bidding zone BE, single imbalance price. */
export const BELGIUM: MarketAdapter = {
  id: 'belgium',
  timezone: MARKET_TIMEZONES.belgium,
  zoneEic: '10YBE----------2',
  operator: 'Elia',
  imbalanceSettlement: 'single_price',
  settlementBasis: 'single_price_eur_per_mwh',
  reserveProducts: STANDARD_RESERVE_PRODUCTS,
  defaultGates: { fcr: '08:00', afrr: '09:00' },
  defaultPublicationLagsMinutes: COMMON_PUBLICATION_LAGS_MINUTES,
  requiredColumns: {},
  zoneSpecificSeries: ['day_ahead', 'imbalance'],
  assumedDefaults,
  assumptions: [...Object.values(assumedDefaults), ...COMMON_ASSUMPTIONS],
};
