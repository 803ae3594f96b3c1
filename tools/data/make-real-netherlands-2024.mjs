// Rebuild the Dutch day-ahead and imbalance prices for the local year 2024:
// examples/data/real/netherlands_day_ahead_2024{_raw,}.csv (hourly ENTSO-E prices, each hour
// held on its four quarter-hours) and netherlands_imbalance_2024{_prepared,}.csv (ENTSO-E
// long = surplus and short = shortage prices; the single price column is their mid, appended
// to the prepared input because normalizeCsv maps columns but does not compute them).
//
//   npx nx run @euroflex/markets:build && \
//     node tools/data/make-real-netherlands-2024.mjs [DAY_AHEAD_CSV [IMBALANCE_CSV]]
//
// The sources default to the files in /work/shared/real-data/netherlands/ (read-only).
// Options: tools/data/real-data-recipes.json.
import { rebuild } from './realData.mjs';

const [dayAhead, imbalance] = process.argv.slice(2);
rebuild(['netherlands_day_ahead_2024', 'netherlands_imbalance_2024'], {
  ...(dayAhead === undefined ? {} : { netherlands_day_ahead_2024: dayAhead }),
  ...(imbalance === undefined ? {} : { netherlands_imbalance_2024: imbalance }),
});
