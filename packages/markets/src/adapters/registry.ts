import type { MarketId } from '@euroflex/config';
import { BELGIUM } from './belgium';
import type { MarketAdapter } from './marketAdapter';
import { NETHERLANDS } from './netherlands';

// Adding a market: one adapter file and one entry here (the Record type forces the entry
// once the id is in MARKET_IDS of @euroflex/config).
const ADAPTERS: Readonly<Record<MarketId, MarketAdapter>> = {
  belgium: BELGIUM,
  netherlands: NETHERLANDS,
};

/** The adapter of market `id`. Throws a RangeError for an id that is not registered. */
export function marketAdapter(id: MarketId): MarketAdapter {
  const adapter = (ADAPTERS as Readonly<Record<string, MarketAdapter | undefined>>)[id];
  if (adapter === undefined) {
    throw new RangeError(`unknown market "${id}"; known markets: ${Object.keys(ADAPTERS).join(', ')}`);
  }
  return adapter;
}

/** All registered adapters. */
export function marketAdapters(): readonly MarketAdapter[] {
  return Object.values(ADAPTERS);
}

/** The adapter whose bidding zone is `zoneEic`, if any. */
export function adapterForZone(zoneEic: string): MarketAdapter | undefined {
  return marketAdapters().find((adapter) => adapter.zoneEic === zoneEic);
}
