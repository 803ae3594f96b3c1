// A custom_module forecaster for euroflex that returns a two-scenario bundle
// (forecast_provider.mode: scenario_bundle): persistence -15 % ("low") and +15 % ("high"),
// weights 0.5 / 0.5 by default.
//
// The base forecast is BlendedPersistence (./blended_persistence.mjs) with blend_weight 1,
// i.e. the most recent visible value at the same local quarter-hour. Each scenario moves it
// by `spread` of its magnitude (so a negative price becomes more negative in "low"), and
// activation ratios stay within [0, 1]. Every series gets the same ids and weights, as the
// engine requires: a scenario is a joint outcome of all series.
import { BlendedPersistence } from './blended_persistence.mjs';

export class TwoScenarioBundle {
  /** @param {{ spread?: number, high_weight?: number }} initKwargs */
  constructor(initKwargs = {}) {
    const { spread = 0.15, high_weight: highWeight = 0.5 } = initKwargs;
    if (typeof spread !== 'number' || !(spread >= 0)) {
      throw new RangeError(`init_kwargs.spread must be a number >= 0, not ${JSON.stringify(spread)}`);
    }
    if (typeof highWeight !== 'number' || !(highWeight >= 0 && highWeight <= 1)) {
      throw new RangeError(`init_kwargs.high_weight must be a number in [0, 1], not ${JSON.stringify(highWeight)}`);
    }
    this.spread = spread;
    this.highWeight = highWeight;
    this.base = new BlendedPersistence({ blend_weight: 1 });
  }

  initialize(context) {
    if (context.mode !== 'scenario_bundle') {
      throw new Error('TwoScenarioBundle returns scenarios: set forecast_provider.mode: scenario_bundle');
    }
  }

  forecast(request) {
    const { values } = this.base.forecast(request);
    const isRatio = request.series.startsWith('afrr_activation_ratio');
    const moved = (sign) =>
      Float64Array.from(values, (value) => {
        const shifted = value + sign * this.spread * Math.abs(value);
        return isRatio ? Math.min(1, Math.max(0, shifted)) : shifted;
      });
    // No `values`: euroflex uses the weighted mean of the scenarios as the point forecast.
    return {
      scenarios: [
        { id: 'low', weight: 1 - this.highWeight, values: moved(-1) },
        { id: 'high', weight: this.highWeight, values: moved(1) },
      ],
    };
  }
}
