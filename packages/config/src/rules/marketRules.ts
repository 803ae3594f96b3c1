import { findExecutionWorkflow } from '../executionWorkflow';
import { datesNearOffsetChange, isoDatesBetween, localTimeOccurrences, shiftIsoDate } from '../localTime';
import { MARKET_LABELS, MARKET_TIMEZONES } from '../marketTimezones';
import { hhmmToMinutes } from '../schema/formats';
import { PROFILE_DEFAULTS } from '../vocabulary';
import { defineRule, type RuleReport } from './defineRule';

/** The market adapter fixes the time zone. */
export const marketTimezoneMatches = defineRule('market_timezone', ['market', 'timing'], (config, report) => {
  const { market, timing } = config;
  const expected = MARKET_TIMEZONES[market.id];
  if (timing.timezone !== expected) {
    report.error(
      'timing.timezone',
      'timezone_mismatch',
      `${MARKET_LABELS[market.id]} adapter requires timezone=${expected} (got ${timing.timezone})`,
    );
  }
});

/** A local time to check on the dates (near a DST change) it is used on. */
interface LocalTimeUse {
  readonly path: string;
  readonly label: string;
  readonly hhmm: string;
  readonly dates: readonly string[];
}

function checkLocalTime(use: LocalTimeUse, timezone: string, report: RuleReport): void {
  const minutes = hhmmToMinutes(use.hhmm);
  for (const date of use.dates) {
    const occurrences = localTimeOccurrences(date, minutes, timezone);
    if (occurrences === 0) {
      report.error(
        use.path,
        'nonexistent_local_time',
        `${use.label} ${use.hhmm} does not exist on ${date} in ${timezone} (spring DST change); choose a time outside the skipped hour`,
      );
      return;
    }
    if (occurrences > 1) {
      report.error(
        use.path,
        'ambiguous_local_time',
        `${use.label} ${use.hhmm} occurs twice on ${date} in ${timezone} (autumn DST change); choose a time outside the repeated hour`,
      );
      return;
    }
  }
}

/**
 * Local times must exist exactly once on every day they are used: gates on D-1 and
 * revision checkpoints on D, for every delivery day D.
 */
export const localTimesExist = defineRule(
  'local_times_exist',
  ['market', 'timing', 'workflow', 'revision'],
  (config, report) => {
    const { timing, market } = config;
    const timezone = MARKET_TIMEZONES[market.id];
    if (timing.timezone !== timezone) {
      return;
    }
    // Only days near a UTC offset change can lack a local time or have it twice.
    const firstGateDate = shiftIsoDate(timing.delivery_start_date, -1);
    const nearChange = new Set(
      datesNearOffsetChange(isoDatesBetween(firstGateDate, timing.delivery_end_date), timezone),
    );
    const allDeliveryDates = isoDatesBetween(timing.delivery_start_date, timing.delivery_end_date);
    const deliveryDates = allDeliveryDates.filter((date) => nearChange.has(date));
    const gateDates = allDeliveryDates.map((date) => shiftIsoDate(date, -1)).filter((date) => nearChange.has(date));
    const uses: LocalTimeUse[] = [
      {
        path: 'timing.day_ahead_gate_closure_local',
        label: 'day_ahead_gate_closure_local',
        hhmm: timing.day_ahead_gate_closure_local,
        dates: gateDates,
      },
    ];
    const workflow = findExecutionWorkflow(config);
    for (const product of ['fcr', 'afrr'] as const) {
      const gate = market.gates[product];
      if (gate !== undefined && workflow === `da_plus_${product}`) {
        uses.push({ path: `market.gates.${product}`, label: `market.gates.${product}`, hhmm: gate, dates: gateDates });
      }
    }
    config.revision?.revision_checkpoints_local.forEach((checkpoint, index) => {
      uses.push({
        path: `revision.revision_checkpoints_local.${index}`,
        label: 'revision checkpoint',
        hhmm: checkpoint,
        dates: deliveryDates,
      });
    });
    uses.forEach((use) => checkLocalTime(use, timezone, report));
  },
);

/**
 * With sequential gates each reserve product is awarded at its own gate before the
 * day-ahead gate re-plans energy around the awards, so an overridden reserve gate must
 * come before the day-ahead gate.
 */
export const reserveGatesBeforeDayAhead = defineRule(
  'gate_order',
  ['market', 'timing', 'model', 'workflow', 'revision'],
  (config, report) => {
    const gates = config.model.gates ?? PROFILE_DEFAULTS[config.model.profile].gates;
    if (gates !== 'sequential') {
      return;
    }
    const workflow = findExecutionWorkflow(config);
    const dayAheadGate = config.timing.day_ahead_gate_closure_local;
    for (const product of ['fcr', 'afrr'] as const) {
      const gate = config.market.gates[product];
      const used = gate !== undefined && workflow === `da_plus_${product}`;
      if (used && hhmmToMinutes(gate) >= hhmmToMinutes(dayAheadGate)) {
        report.error(
          `market.gates.${product}`,
          'gate_order',
          `market.gates.${product} (${gate}) must be before day_ahead_gate_closure_local (${dayAheadGate}) with model.gates=sequential: reserves are awarded before the day-ahead nomination`,
        );
      }
    }
  },
);

/** Capacity price series published at their own gate (`publication_lags` 0) would be seen by the decision that sizes them. */
const CAPACITY_PRICES = ['fcr_capacity', 'afrr_capacity_up', 'afrr_capacity_down'] as const;

/**
 * A reserve's capacity price is never known when its own volume is chosen (spec/engine.md).
 * A publication lag of 0 makes it public at its gate, and a value is visible at tau when its
 * publication time is <= tau: the gate decision would then see the price it bids against.
 */
export const capacityPriceAfterGate = defineRule('capacity_price_lag', ['market'], (config, report) => {
  for (const series of CAPACITY_PRICES) {
    if (config.market.publication_lags[series] === 0) {
      report.warn(
        `market.publication_lags.${series}`,
        'price_at_own_gate',
        `market.publication_lags.${series} is 0: day D's price would be public at its own gate, so the gate decision would see the price of the volume it chooses; use a lag > 0 (the adapter default is 60 minutes)`,
      );
    }
  }
});
