import type { DaySeries, ExecutedDay } from './types';

/**
 * The days as the baseline (the day-ahead decision) planned them: its flows, SoC and
 * reserves, valued at the forecasts it was made with. Settling these gives the baseline
 * expected PnL of reconciliation (only the expected columns are meaningful).
 */
export function baselineDays(days: readonly ExecutedDay[]): ExecutedDay[] {
  return days.map((day) => {
    const baseline = day.baseline;
    if (baseline === undefined) {
      return day;
    }
    const series: Partial<Record<string, DaySeries>> = {};
    for (const [name, value] of Object.entries(day.series) as [string, DaySeries][]) {
      series[name] = {
        ...value,
        forecast: value.baselineForecast ?? value.forecast,
        ...(value.extraBaselineForecast ? { extraForecast: value.extraBaselineForecast } : {}),
      };
    }
    return {
      ...day,
      series,
      assets: day.assets.map((asset, a) => {
        const plan = baseline.assets[a];
        return {
          ...asset,
          chargeMw: plan.chargeMw,
          dischargeMw: plan.dischargeMw,
          plannedChargeMw: plan.chargeMw,
          plannedDischargeMw: plan.dischargeMw,
          socMwh: plan.socMwh,
          plannedSocMwh: plan.socMwh,
        };
      }),
    };
  });
}
