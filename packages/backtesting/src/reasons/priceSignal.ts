/** The direction the interval's forecast price asks an asset to move in. */
export type PriceSignal = 'charge' | 'discharge' | 'none';

/** What the price signal of one asset needs: its round-trip losses and its degradation rate. */
export interface SignalAsset {
  readonly chargeEfficiency: number;
  readonly dischargeEfficiency: number;
  /** Degradation cost per MWh of grid-side throughput. */
  readonly degradationEurPerMwh: number;
}

/** Lowest and highest price of each delivery day, per interval. */
export function dayPriceRange(
  priceEurPerMwh: ArrayLike<number>,
  deliveryDate: readonly string[],
): { readonly lowEurPerMwh: Float64Array; readonly highEurPerMwh: Float64Array } {
  // A day's intervals are usually contiguous: the map is asked only when the date changes.
  const ranges = new Map<string, { low: number; high: number }>();
  let date: string | undefined;
  let range: { low: number; high: number } | undefined;
  for (let t = 0; t < priceEurPerMwh.length; t += 1) {
    const price = priceEurPerMwh[t];
    if (!Number.isFinite(price)) {
      continue;
    }
    if (deliveryDate[t] !== date) {
      date = deliveryDate[t];
      range = ranges.get(date);
    }
    if (range === undefined) {
      range = { low: price, high: price };
      ranges.set(deliveryDate[t], range);
    } else {
      range.low = Math.min(range.low, price);
      range.high = Math.max(range.high, price);
    }
  }
  const low = new Float64Array(priceEurPerMwh.length).fill(Number.NaN);
  const high = new Float64Array(priceEurPerMwh.length).fill(Number.NaN);
  date = undefined;
  for (let t = 0; t < priceEurPerMwh.length; t += 1) {
    if (deliveryDate[t] !== date) {
      date = deliveryDate[t];
      range = ranges.get(date);
    }
    if (range !== undefined) {
      low[t] = range.low;
      high[t] = range.high;
    }
  }
  return { lowEurPerMwh: low, highEurPerMwh: high };
}

/**
 * The price signal of one interval for one asset (docs/reason-codes.md, "Wanted to move").
 * With eta = etaC x etaD and degradation k, per MWh of grid-side energy moved at this price p:
 * - discharging now and buying the energy back at the day's cheapest price L earns
 *   `(p - k) - (L + k) / eta`;
 * - charging now and selling the energy at the day's dearest price H earns
 *   `eta (H - k) - (p + k)`.
 * The signal is the direction with the larger positive margin (a tie goes to discharge), or
 * `none` when neither round trip pays after efficiency and degradation.
 */
export function priceSignal(priceEurPerMwh: number, dayLowEurPerMwh: number, dayHighEurPerMwh: number, asset: SignalAsset): PriceSignal {
  if (!Number.isFinite(priceEurPerMwh) || !Number.isFinite(dayLowEurPerMwh) || !Number.isFinite(dayHighEurPerMwh)) {
    return 'none';
  }
  const eta = asset.chargeEfficiency * asset.dischargeEfficiency;
  const k = asset.degradationEurPerMwh;
  const dischargeMargin = priceEurPerMwh - k - (dayLowEurPerMwh + k) / eta;
  const chargeMargin = eta * (dayHighEurPerMwh - k) - (priceEurPerMwh + k);
  if (dischargeMargin > 0 && dischargeMargin >= chargeMargin) {
    return 'discharge';
  }
  if (chargeMargin > 0) {
    return 'charge';
  }
  return 'none';
}
