// The TypeScript twin of blended_persistence.mjs (same numbers): euroflex transpiles a .ts
// module in memory (syntax only, no type check), so the type imports below cost nothing
// at run time. See blended_persistence.mjs for the method.
import type { CustomForecaster, CustomForecastResult, CustomModuleContext, ForecastRequest } from '@euroflex/forecasts';

const HOUR_MS = 3_600_000;

interface Profile {
  readonly latest: Map<string, number>;
  readonly mean: Map<string, number>;
}

interface BlendedPersistenceKwargs {
  readonly blend_weight?: number;
  readonly days?: number;
}

function slotReader(timezone: string): (instantMs: number) => string {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (instantMs) => format.format(instantMs);
}

function profileOf(instantsMs: Float64Array, values: Float64Array, from: number, to: number, slotOf: (ms: number) => string): Profile {
  const sums = new Map<string, [number, number]>();
  const latest = new Map<string, number>();
  for (let i = from; i < to; i += 1) {
    const slot = slotOf(instantsMs[i]);
    const [sum, count] = sums.get(slot) ?? [0, 0];
    sums.set(slot, [sum + values[i], count + 1]);
    latest.set(slot, values[i]);
  }
  const mean = new Map([...sums].map(([slot, [sum, count]]): [string, number] => [slot, sum / count]));
  return { latest, mean };
}

function blend(profile: Profile, slots: readonly string[], fallback: number, weight: number): Float64Array {
  return Float64Array.from(slots, (slot) => {
    const latest = profile.latest.get(slot) ?? fallback;
    const mean = profile.mean.get(slot) ?? fallback;
    return weight * latest + (1 - weight) * mean;
  });
}

export class BlendedPersistence implements CustomForecaster {
  private readonly blendWeight: number;
  private readonly days: number;

  constructor(initKwargs: BlendedPersistenceKwargs = {}) {
    const blendWeight = initKwargs.blend_weight ?? 0.65;
    const days = initKwargs.days ?? 7;
    if (typeof blendWeight !== 'number' || !(blendWeight >= 0 && blendWeight <= 1)) {
      throw new RangeError(`init_kwargs.blend_weight must be a number in [0, 1], not ${JSON.stringify(blendWeight)}`);
    }
    if (!Number.isInteger(days) || days < 1) {
      throw new RangeError(`init_kwargs.days must be a whole number of days >= 1, not ${JSON.stringify(days)}`);
    }
    this.blendWeight = blendWeight;
    this.days = days;
  }

  initialize(_context: CustomModuleContext): void {
    // Nothing to prepare: everything comes with each request.
  }

  forecast(request: ForecastRequest): CustomForecastResult {
    const { history, deliveryInstantsMs, timezone, series } = request;
    const count = history.instantsMs.length;
    if (count === 0) {
      throw new Error(`BlendedPersistence needs at least one visible value of ${series}; none is visible yet`);
    }
    const slotOf = slotReader(timezone);
    const lastMs = history.instantsMs[count - 1];
    let from = count - 1;
    while (from > 0 && history.instantsMs[from - 1] > lastMs - this.days * 24 * HOUR_MS) {
      from -= 1;
    }
    const slots = Array.from(deliveryInstantsMs, slotOf);
    const forecastColumn = (values: Float64Array): Float64Array =>
      blend(profileOf(history.instantsMs, values, from, count, slotOf), slots, values[count - 1], this.blendWeight);
    const extra = Object.fromEntries(Object.entries(history.columns).map(([name, values]) => [name, forecastColumn(values)]));
    return { values: forecastColumn(history.values), ...(Object.keys(extra).length > 0 ? { extra } : {}) };
  }
}
