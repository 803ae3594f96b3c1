// Shared by the solver benchmarks: daily Belgian day-ahead prices by LOCAL day, with the
// local date and hour of every interval, and the canonical two-battery Belgian site.
import { readFileSync } from 'node:fs';

const local = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/**
 * Days of `year` from the dam_prices.csv format (datetime_utc naive UTC, date, hour,
 * minute, price_eur_mwh), grouped by local day: [{ day, prices: Float64Array, localHours: Int32Array }].
 */
export function loadDays(csvPath, year) {
  const days = new Map();
  for (const line of readFileSync(csvPath, 'utf8').split('\n').slice(1)) {
    if (line === '') {
      continue;
    }
    const [stamp, , , , price] = line.split(',');
    const parts = Object.fromEntries(local.formatToParts(new Date(`${stamp.replace(' ', 'T')}Z`)).map((p) => [p.type, p.value]));
    const day = `${parts.year}-${parts.month}-${parts.day}`;
    if (!day.startsWith(year)) {
      continue;
    }
    if (!days.has(day)) {
      days.set(day, { prices: [], hours: [] });
    }
    days.get(day).prices.push(Number(price));
    days.get(day).hours.push(Number(parts.hour));
  }
  return [...days.entries()].map(([day, { prices, hours }]) => ({ day, prices: Float64Array.from(prices), localHours: Int32Array.from(hours) }));
}

/** The canonical two-battery Belgian site (reference belgium_full_stack.yaml). */
export function canonicalSite(prices) {
  const n = prices.length;
  const common = { powerLimitMw: new Float64Array(n).fill(1), degradationEurPerMwh: 4 };
  return {
    intervalCount: n,
    intervalHours: 0.25,
    site: { importLimitMw: 1.5, exportLimitMw: 1.5 },
    dayAheadPriceEurPerMwh: prices,
    terminalSoc: 'equal',
    assets: [
      { id: 'be-bess-1', ...common, socMinMwh: 0.3, socMaxMwh: 1.7, initialSocMwh: 0.9, terminalSocMwh: 0.9, chargeEfficiency: 0.95, dischargeEfficiency: 0.95 },
      { id: 'be-bess-2', ...common, socMinMwh: 0.2, socMaxMwh: 1.3, initialSocMwh: 0.7, terminalSocMwh: 0.7, chargeEfficiency: 0.94, dischargeEfficiency: 0.94 },
    ],
  };
}

/** Named command-line options: `option(args, '--year', '2024')`. */
export function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}
