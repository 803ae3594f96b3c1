import { blockOfInterval } from '@euroflex/backtesting';
import type { ExportContext } from './exportContext';

/** A reserve product as it is bid: a capacity column of site_dispatch, its price, its gate and block length. */
export interface ReserveProduct {
  /** `fcr_symmetric`, `afrr_up` or `afrr_down`. */
  readonly product: string;
  readonly capacityColumn: string;
  readonly priceColumn: string;
  /** decision_type of the gate that chooses it (`day_ahead_nomination` under single gates). */
  readonly gateType: string;
  readonly blockMinutes: number;
}

/** One product block of one product: intervals [start, end) of site_dispatch. */
export interface ReserveBlock {
  readonly product: ReserveProduct;
  readonly date: string;
  readonly start: number;
  readonly end: number;
}

function blockMinutesOf(ctx: ExportContext, key: 'fcr_block_minutes' | 'afrr_block_minutes'): number {
  const model = ctx.run.summary.model as Readonly<Record<string, unknown>> | undefined;
  const minutes = model?.[key];
  return typeof minutes === 'number' && minutes > 0 ? minutes : 15;
}

/** The reserve products the run holds (the capacity columns present in site_dispatch). */
export function reserveProducts(ctx: ExportContext): ReserveProduct[] {
  const products: ReserveProduct[] = [];
  if (ctx.site.has('fcr_reserved_mw')) {
    products.push({
      product: 'fcr_symmetric',
      capacityColumn: 'fcr_reserved_mw',
      priceColumn: 'fcr_capacity_forecast_price_eur_per_mw_per_h',
      gateType: 'fcr_gate',
      blockMinutes: blockMinutesOf(ctx, 'fcr_block_minutes'),
    });
  }
  for (const side of ['up', 'down'] as const) {
    if (ctx.site.has(`afrr_${side}_reserved_mw`)) {
      products.push({
        product: `afrr_${side}`,
        capacityColumn: `afrr_${side}_reserved_mw`,
        priceColumn: `afrr_capacity_${side}_forecast_price_eur_per_mw_per_h`,
        gateType: 'afrr_gate',
        blockMinutes: blockMinutesOf(ctx, 'afrr_block_minutes'),
      });
    }
  }
  return products;
}

/**
 * The product blocks of every product, day by day in time order (the blocks of the engine:
 * aligned to local midnight, shorter or longer on DST days), products in table order within
 * each day.
 */
export function reserveBlocks(ctx: ExportContext): ReserveBlock[] {
  const utc = ctx.site.text('timestamp_utc');
  const dates = ctx.site.text('delivery_date_local');
  const timezone = String(ctx.run.summary.market_timezone);
  const products = reserveProducts(ctx);
  const blocks: ReserveBlock[] = [];
  let dayStart = 0;
  while (dayStart < ctx.intervalCount) {
    let dayEnd = dayStart;
    while (dayEnd < ctx.intervalCount && dates[dayEnd] === dates[dayStart]) {
      dayEnd += 1;
    }
    const instants = Float64Array.from({ length: dayEnd - dayStart }, (_, i) => Date.parse(utc[dayStart + i]));
    for (const product of products) {
      const { blockOfInterval: ids } = blockOfInterval(instants, timezone, product.blockMinutes);
      let start = 0;
      for (let i = 1; i <= ids.length; i += 1) {
        if (i === ids.length || ids[i] !== ids[start]) {
          blocks.push({ product, date: dates[dayStart], start: dayStart + start, end: dayStart + i });
          start = i;
        }
      }
    }
    dayStart = dayEnd;
  }
  return blocks;
}
