// Rebuild the Belgian imbalance and day-ahead prices for the local days 2024-05-31 to
// 2025-05-31 (the window 2024-06-01..2025-05-31 plus one day of history for persistence):
// examples/data/real/belgium_imbalance_2024-06_2025-05{_raw,}.csv and
// examples/data/real/belgium_day_ahead_2024-06_2025-05{_raw,_filled}.csv. The day-ahead
// source lacks 10 quarter-hours on the DST days; they are filled opt-in (same-hour, then
// previous) and every fill is recorded in the row's provenance.
//
//   npx nx run @euroflex/markets:build && \
//     node tools/data/make-real-belgium-2024-06-2025-05.mjs [IMBALANCE_CSV [DAY_AHEAD_CSV]]
//
// The sources default to /work/shared/real-data/belgium/imbalance_actual.csv and
// dam_prices.csv (read-only). Options: tools/data/real-data-recipes.json.
import { rebuild } from './realData.mjs';

const [imbalance, dayAhead] = process.argv.slice(2);
rebuild(['belgium_2024-06_2025-05', 'belgium_day_ahead_2024-06_2025-05'], {
  ...(imbalance === undefined ? {} : { 'belgium_2024-06_2025-05': imbalance }),
  ...(dayAhead === undefined ? {} : { 'belgium_day_ahead_2024-06_2025-05': dayAhead }),
});
