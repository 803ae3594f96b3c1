import { INTERVAL_MS } from '@euroflex/markets';
import { localLabeler, type Table } from '@euroflex/backtesting';
import type { DecisionRow, ExportContext } from './exportContext';
import type { ExportFileSpec } from './exportProfiles';
import { reserveBlocks } from './reserveBlocks';
import { identity, RESERVE_COLUMNS } from './scheduleFiles';

const TIMES = ['timestamp_utc', 'timestamp_local', 'delivery_date_local'];
const PRODUCT_PRICES = [
  'day_ahead_forecast_price_eur_per_mwh',
  'fcr_capacity_forecast_price_eur_per_mw_per_h',
  'afrr_capacity_up_forecast_price_eur_per_mw_per_h',
  'afrr_capacity_down_forecast_price_eur_per_mw_per_h',
];

/** Bids are day-ahead commitments: the baseline version, committed at its gate. */
const BID_VERSION = 'baseline';
const BID_LOCK_STATE = 'baseline_committed';

/**
 * The decision of type `type` for a delivery date. Under single gates (`model.gates: single`,
 * reference_v1) the day-ahead decision chooses every product, so it stands in for the
 * reserve gates; under sequential gates each product needs its own gate decision.
 */
export function gateDecision(ctx: ExportContext, date: string, type: string): DecisionRow | undefined {
  const model = ctx.run.summary.model as Readonly<Record<string, unknown>> | undefined;
  const lookFor = model?.gates === 'single' && type !== 'day_ahead_nomination' ? 'day_ahead_nomination' : type;
  return ctx.decisionsByDay.get(`${date}|${lookFor}`);
}

/**
 * The forecast day-ahead price each interval's nomination was chosen with: the day-ahead
 * decision's `day_ahead` snapshot when the run kept its forecast snapshots, else the
 * forecast column of site_dispatch (the final plan's).
 */
function nominationPrices(ctx: ExportContext, decisionIds: readonly string[]): Float64Array {
  const prices = Float64Array.from(ctx.site.numbers('day_ahead_forecast_price_eur_per_mwh'));
  const snapshots = ctx.run.optionalTable('forecast_snapshots');
  if (snapshots === undefined) {
    return prices;
  }
  const wanted = new Set(decisionIds);
  const ids = snapshots.text('decision_id');
  const series = snapshots.text('series');
  const starts = snapshots.text('delivery_start_utc');
  const values = snapshots.numbers('forecast_value');
  const byKey = new Map<string, number>();
  for (let r = 0; r < snapshots.rowCount; r += 1) {
    if (series[r] === 'day_ahead' && wanted.has(ids[r])) {
      byKey.set(`${ids[r]}|${starts[r]}`, values[r]);
    }
  }
  const utc = ctx.site.text('timestamp_utc');
  for (let t = 0; t < prices.length; t += 1) {
    prices[t] = byKey.get(`${decisionIds[t]}|${utc[t]}`) ?? prices[t];
  }
  return prices;
}

/** Site payloads per interval: `site_bids` (benchmark) and `energy_nominations`. */
export function siteBidRows(ctx: ExportContext, spec: ExportFileSpec): Table {
  const site = ctx.site;
  const dates = site.text('delivery_date_local');
  const daDecisions = dates.map((date) => gateDecision(ctx, date, 'day_ahead_nomination'));
  const decisionIds = daDecisions.map((d) => d?.decisionId ?? '');
  const columns = identity(ctx, site.rowCount)
    .copyText(site, TIMES)
    .copyNumbersOrZero(site, RESERVE_COLUMNS)
    .copyNumbersOrMissing(site, PRODUCT_PRICES)
    .numbers('day_ahead_nomination_mw', site.numbers('nomination_mw'))
    .text('reserve_product_id', new Array<string | null>(site.rowCount).fill(ctx.run.summary.reserve_product_id ?? null))
    .text('decision_id', decisionIds)
    .text('decision_time_utc', daDecisions.map((d) => d?.decisionTimeUtc ?? ''))
    .constant('schedule_version', BID_VERSION)
    .constant('lock_state', BID_LOCK_STATE)
    .numbers('day_ahead_forecast_price_eur_per_mwh', nominationPrices(ctx, decisionIds));
  return columns.cut(spec);
}

/** Asset payloads per interval: `asset_bids` (benchmark) and the `asset_allocation` annex. */
export function assetBidRows(ctx: ExportContext, spec: ExportFileSpec): Table {
  const table = ctx.assets;
  return identity(ctx, table.rowCount)
    .copyText(table, [...TIMES, 'asset_id'])
    .copyNumbersOrZero(table, RESERVE_COLUMNS)
    .numbers('day_ahead_nomination_mw', table.numbers('nomination_mw'))
    .constant('schedule_version', BID_VERSION)
    .cut(spec);
}

/** `reserve_bids`: one row per product and product block, the site's capacity and its forecast price. */
export function reserveBidRows(ctx: ExportContext, spec: ExportFileSpec): Table {
  const blocks = reserveBlocks(ctx);
  const utc = ctx.site.text('timestamp_utc');
  const local = ctx.site.text('timestamp_local');
  const label = localLabeler(String(ctx.run.summary.market_timezone));
  const capacity = new Float64Array(blocks.length);
  const price = new Float64Array(blocks.length);
  const decisions = blocks.map((block) => gateDecision(ctx, block.date, block.product.gateType));
  blocks.forEach((block, b) => {
    const mw = ctx.site.numbers(block.product.capacityColumn);
    const prices = ctx.site.has(block.product.priceColumn) ? ctx.site.numbers(block.product.priceColumn) : undefined;
    capacity[b] = mw[block.start];
    let sum = 0;
    for (let t = block.start; t < block.end; t += 1) {
      sum += prices ? prices[t] : Number.NaN;
    }
    price[b] = sum / (block.end - block.start);
  });
  const endMs = blocks.map((block) => Date.parse(utc[block.end - 1]) + INTERVAL_MS);
  return identity(ctx, blocks.length)
    .text('delivery_date_local', blocks.map((block) => block.date))
    .text('product', blocks.map((block) => block.product.product))
    .text('block_start_utc', blocks.map((block) => utc[block.start]))
    .text('block_end_utc', endMs.map((ms) => new Date(ms).toISOString().replace('.000Z', 'Z')))
    .text('block_start_local', blocks.map((block) => local[block.start]))
    .text('block_end_local', endMs.map((ms) => label(ms)))
    .integers('interval_count', blocks.map((block) => block.end - block.start))
    .numbers('capacity_mw', capacity)
    .numbers('capacity_forecast_price_eur_per_mw_per_h', price)
    .text('decision_id', decisions.map((d) => d?.decisionId ?? ''))
    .text('decision_time_utc', decisions.map((d) => d?.decisionTimeUtc ?? ''))
    .constant('schedule_version', BID_VERSION)
    .constant('lock_state', BID_LOCK_STATE)
    .cut(spec);
}
