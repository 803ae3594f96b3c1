// A custom_module forecaster for euroflex: a port of the reference's
// DeterministicVisibleMeanForecaster (blend_weight 0.65), made per quarter-hour of the day.
//
// For each delivery interval, with w = init_kwargs.blend_weight:
//   forecast = w * latest + (1 - w) * mean
// where, over the visible history of the series in the last `days` x 24 h before its last
// visible value, and at the same local wall-clock quarter-hour (HH:MM in the market's zone):
//   latest = the most recent value at that quarter-hour,
//   mean   = the mean of the values at that quarter-hour.
// A quarter-hour with no value in that window (a short history) uses the last visible
// value for both terms. Extra columns (e.g. Dutch surplus/shortage prices) are forecast
// the same way. Only `request` is read: it holds what was public at the decision time.

const HOUR_MS = 3_600_000;

/** Reads init_kwargs.blend_weight (default 0.65) and init_kwargs.days (default 7). */
function settingsOf(initKwargs) {
  const blendWeight = initKwargs.blend_weight ?? 0.65;
  const days = initKwargs.days ?? 7;
  if (typeof blendWeight !== 'number' || !(blendWeight >= 0 && blendWeight <= 1)) {
    throw new RangeError(`init_kwargs.blend_weight must be a number in [0, 1], not ${JSON.stringify(blendWeight)}`);
  }
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`init_kwargs.days must be a whole number of days >= 1, not ${JSON.stringify(days)}`);
  }
  return { blendWeight, days };
}

/** `HH:MM` of an instant in `timezone`: the key of a quarter-hour of the local day. */
function slotReader(timezone) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (instantMs) => format.format(instantMs);
}

/** Per quarter-hour key: the latest value and the mean, over history positions [from, to). */
function profileOf(instantsMs, values, from, to, slotOf) {
  const sums = new Map();
  const latest = new Map();
  for (let i = from; i < to; i += 1) {
    const slot = slotOf(instantsMs[i]);
    const [sum, count] = sums.get(slot) ?? [0, 0];
    sums.set(slot, [sum + values[i], count + 1]);
    latest.set(slot, values[i]);
  }
  const mean = new Map([...sums].map(([slot, [sum, count]]) => [slot, sum / count]));
  return { latest, mean };
}

function blend(profile, slots, fallback, weight) {
  return Float64Array.from(slots, (slot) => {
    const latest = profile.latest.get(slot) ?? fallback;
    const mean = profile.mean.get(slot) ?? fallback;
    return weight * latest + (1 - weight) * mean;
  });
}

export class BlendedPersistence {
  /** @param {{ blend_weight?: number, days?: number }} initKwargs */
  constructor(initKwargs = {}) {
    const { blendWeight, days } = settingsOf(initKwargs);
    this.blendWeight = blendWeight;
    this.days = days;
  }

  /** Called once per run; this forecaster needs nothing from the context. */
  initialize(_context) {}

  /** @param {import('@euroflex/forecasts').ForecastRequest} request */
  forecast(request) {
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
    const forecastColumn = (values) =>
      blend(profileOf(history.instantsMs, values, from, count, slotOf), slots, values[count - 1], this.blendWeight);
    const extra = Object.fromEntries(Object.entries(history.columns).map(([name, values]) => [name, forecastColumn(values)]));
    return { values: forecastColumn(history.values), ...(Object.keys(extra).length > 0 ? { extra } : {}) };
  }
}
