import { MARKET_TIMEZONES } from '@euroflex/config';
import { NL_SHORTAGE_COLUMN, NL_SURPLUS_COLUMN } from '../table/csvTable';
import { assumedDefaultsOf, COMMON_ASSUMPTIONS, COMMON_PUBLICATION_LAGS_MINUTES, STANDARD_RESERVE_PRODUCTS, type MarketAdapter } from './marketAdapter';

const assumedDefaults = assumedDefaultsOf({
  afrrGate:
    'Dutch aFRR capacity gate assumed at D-1 09:00 Europe/Amsterdam (TenneT daily aFRR capacity auction; the exact time is not verified, override with market.gates.afrr).',
  imbalanceLag:
    'Dutch imbalance prices assumed public 30 minutes after the end of their ISP (TenneT settlement prices; not verified, override with market.publication_lags.imbalance).',
});

/** The Netherlands: TenneT, bidding zone NL, dual imbalance prices (surplus / shortage). */
export const NETHERLANDS: MarketAdapter = {
  id: 'netherlands',
  timezone: MARKET_TIMEZONES.netherlands,
  zoneEic: '10YNL----------L',
  operator: 'TenneT',
  imbalanceSettlement: 'dual_price',
  settlementBasis: 'dual_price_shortage_surplus',
  imbalanceColumns: { surplus: NL_SURPLUS_COLUMN, shortage: NL_SHORTAGE_COLUMN },
  reserveProducts: STANDARD_RESERVE_PRODUCTS,
  defaultGates: { fcr: '08:00', afrr: '09:00' },
  defaultPublicationLagsMinutes: { ...COMMON_PUBLICATION_LAGS_MINUTES, imbalance: 30 },
  requiredColumns: { imbalance: [NL_SHORTAGE_COLUMN, NL_SURPLUS_COLUMN] },
  zoneSpecificSeries: ['day_ahead', 'imbalance'],
  assumedDefaults,
  assumptions: [
    ...Object.values(assumedDefaults),
    {
      text: 'Dutch imbalance is settled at dual prices: the surplus price when long (deviation >= 0), the shortage price when short.',
      series: ['imbalance'],
    },
    ...COMMON_ASSUMPTIONS,
  ],
};
