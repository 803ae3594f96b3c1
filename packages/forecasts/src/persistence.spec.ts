import { UserError } from '@euroflex/config';
import { localDayGrid, type PublicationRule } from '@euroflex/markets';
import {
  AFTER_INTERVAL_RULE,
  DAY_AHEAD_RULE,
  labelledSeries,
  localMs,
  requestAsOf,
} from '../test/support/series';
import type { ForecastRequest, ForecastSnapshot } from './contract';
import { createPersistenceProvider } from './persistence';

const provider = createPersistenceProvider();

async function forecast(request: ForecastRequest): Promise<ForecastSnapshot> {
  return provider.forecast(request);
}

/** Delivery grid from a local start time to the end of its local day. */
function restOfDay(dateIso: string, fromLocal: string): Float64Array {
  const startMs = localMs(`${dateIso}T${fromLocal}`);
  return localDayGrid(dateIso, 'Europe/Brussels').filter((instantMs) => instantMs >= startMs);
}

describe('persistence, day-ahead style series (Europe/Brussels)', () => {
  // Values read "day-of-month HHMM": 190215 is 02:15 local on the 19th.
  const dayAhead = labelledSeries('day_ahead', '2024-03-17', '2024-04-02');
  const autumn = labelledSeries('day_ahead', '2024-10-24', '2024-10-29');

  it('copies the previous local day on a normal day, stamped at the decision time', async () => {
    const decisionMs = localMs('2024-03-19T12:00');
    const snapshot = await forecast(requestAsOf(dayAhead, DAY_AHEAD_RULE, decisionMs, localDayGrid('2024-03-20', 'Europe/Brussels')));
    expect(snapshot.values).toHaveLength(96);
    expect([snapshot.values[0], snapshot.values[1], snapshot.values[48], snapshot.values[95]]).toEqual([190000, 190015, 191200, 192345]);
    expect(snapshot.issueTimeMs).toBe(decisionMs);
    expect(snapshot.availableFromMs).toBe(decisionMs);
    expect(snapshot.provider).toBe('persistence');
  });

  it('uses the delivery day itself once its prices are public (never a later day)', async () => {
    // At 13:00 on the 19th the auction result for the 20th is public, and so (not used) nothing later.
    const snapshot = await forecast(
      requestAsOf(dayAhead, DAY_AHEAD_RULE, localMs('2024-03-19T13:00'), localDayGrid('2024-03-20', 'Europe/Brussels')),
    );
    expect([snapshot.values[0], snapshot.values[95]]).toEqual([200000, 202345]);
    // A revision on the 20th at 14:00 sees the 21st too, but forecasts the 20th from the 20th.
    const revision = await forecast(requestAsOf(dayAhead, DAY_AHEAD_RULE, localMs('2024-03-20T14:00'), restOfDay('2024-03-20', '14:15')));
    expect(revision.values[0]).toBe(201415);
  });

  it('delivers the 92-interval spring day from a normal source day', async () => {
    const snapshot = await forecast(
      requestAsOf(dayAhead, DAY_AHEAD_RULE, localMs('2024-03-30T12:00'), localDayGrid('2024-03-31', 'Europe/Brussels')),
    );
    expect(snapshot.values).toHaveLength(92);
    // 01:45 is followed by 03:00 on the delivery day; the source's 02:xx values are simply unused.
    expect([snapshot.values[7], snapshot.values[8], snapshot.values[91]]).toEqual([300145, 300300, 302345]);
    expect(Array.from(snapshot.values).filter((value) => value >= 300200 && value < 300300)).toEqual([]);
  });

  it('delivers the day after spring-forward from the 92-interval source day: 02:xx takes 01:45', async () => {
    const snapshot = await forecast(
      requestAsOf(dayAhead, DAY_AHEAD_RULE, localMs('2024-03-31T12:00'), localDayGrid('2024-04-01', 'Europe/Brussels')),
    );
    expect(snapshot.values).toHaveLength(96);
    expect(Array.from(snapshot.values.subarray(7, 13))).toEqual([310145, 310145, 310145, 310145, 310145, 310300]);
    expect(snapshot.values[95]).toBe(312345);
  });

  it('delivers the 100-interval autumn day: both occurrences of 02:xx use the one source value', async () => {
    const snapshot = await forecast(
      requestAsOf(autumn, DAY_AHEAD_RULE, localMs('2024-10-26T12:00'), localDayGrid('2024-10-27', 'Europe/Brussels')),
    );
    expect(snapshot.values).toHaveLength(100);
    // Intervals 8-11 are 02:00-02:45 summer time, 12-15 the same clock times in winter time.
    expect(Array.from(snapshot.values.subarray(8, 17))).toEqual([260200, 260215, 260230, 260245, 260200, 260215, 260230, 260245, 260300]);
    expect(snapshot.values[99]).toBe(262345);
  });

  it('delivers the day after fall-back from the 100-interval source day: the first occurrence wins', async () => {
    const snapshot = await forecast(
      requestAsOf(autumn, DAY_AHEAD_RULE, localMs('2024-10-27T12:00'), localDayGrid('2024-10-28', 'Europe/Brussels')),
    );
    expect(snapshot.values).toHaveLength(96);
    // The source's second 02:00 is labelled 270200.5; it must not be used.
    expect(Array.from(snapshot.values.subarray(7, 13))).toEqual([270145, 270200, 270215, 270230, 270245, 270300]);
    expect(snapshot.values[95]).toBe(272345);
  });

  it('forecasts extra columns the same way', async () => {
    const withExtra = labelledSeries('day_ahead', '2024-03-18', '2024-03-20', 'Europe/Brussels', { spread_eur_per_mwh: 0.25 });
    const snapshot = await forecast(
      requestAsOf(withExtra, DAY_AHEAD_RULE, localMs('2024-03-19T12:00'), localDayGrid('2024-03-20', 'Europe/Brussels')),
    );
    expect(snapshot.extra?.spread_eur_per_mwh[4]).toBe(190100.25);
  });
});

describe('persistence over horizons of several local days', () => {
  const spring = labelledSeries('day_ahead', '2024-03-24', '2024-04-03');
  const autumn = labelledSeries('day_ahead', '2024-10-21', '2024-10-31');
  /** Local days from `first` to `last`, from `fromLocal` on the first one, as one horizon. */
  const horizon = (first: string, last: string, fromLocal: string): Float64Array => {
    const days: number[] = [];
    for (let date = first; date <= last; date = new Date(Date.parse(`${date}T00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
      days.push(...(date === first ? restOfDay(date, fromLocal) : localDayGrid(date, 'Europe/Brussels')));
    }
    return Float64Array.from(days);
  };

  it.each([
    // Whole days copied from normal days, the DST day among the delivery days.
    ['spring', spring, '2024-03-29T14:00', '2024-03-29', '2024-04-01'],
    ['autumn', autumn, '2024-10-25T14:00', '2024-10-25', '2024-10-28'],
    // Whole normal days copied from the DST day (the newest complete day at 11:00).
    ['spring source', spring, '2024-03-31T11:00', '2024-03-31', '2024-04-02'],
    ['autumn source', autumn, '2024-10-27T11:00', '2024-10-27', '2024-10-29'],
  ])('gives every interval of a %s horizon (whole days among them) what a one-interval request gives it', async (_label, series, decision, first, last) => {
    const instants = horizon(first, last, `${decision.slice(11, 13)}:15`);
    const whole = await forecast(requestAsOf(series, DAY_AHEAD_RULE, localMs(decision), instants));
    const alone: number[] = [];
    for (const instant of instants) {
      alone.push((await forecast(requestAsOf(series, DAY_AHEAD_RULE, localMs(decision), Float64Array.of(instant)))).values[0]);
    }
    expect(Array.from(whole.values)).toEqual(alone);
    // The horizon holds the DST day and whole 96-interval days, read as whole days.
    expect(instants.length).toBeGreaterThan(2 * 96);
    expect(new Set(whole.values).size).toBeGreaterThan(90);
  });
});

describe('persistence, a day-ahead-like series clipped interval by interval', () => {
  // The same-time rule with a visibility that grows during the day (an after-interval rule):
  // only fully visible days are used as sources.
  const activation = labelledSeries('day_ahead', '2024-03-18', '2024-03-21');

  it('skips the partly visible newest day on an intraday decision', async () => {
    // At 10:00 on the 20th the 20th is public up to its 09:30 interval: the source is the 19th.
    const request = requestAsOf(activation, AFTER_INTERVAL_RULE, localMs('2024-03-20T10:00'), restOfDay('2024-03-20', '10:15'));
    expect(request.history.values[request.history.values.length - 1]).toBe(200930);
    const snapshot = await forecast(request);
    expect([snapshot.values[0], snapshot.values[snapshot.values.length - 1]]).toEqual([191015, 192345]);
  });

  it('uses a day as soon as its last interval is published', async () => {
    const tomorrow = localDayGrid('2024-03-21', 'Europe/Brussels');
    // The 23:45 interval of the 20th is public at 00:15 on the 21st.
    const before = await forecast(requestAsOf(activation, AFTER_INTERVAL_RULE, localMs('2024-03-21T00:14'), tomorrow));
    const after = await forecast(requestAsOf(activation, AFTER_INTERVAL_RULE, localMs('2024-03-21T00:15'), tomorrow));
    expect([before.values[0], after.values[0]]).toEqual([190000, 200000]);
  });

  it('names the series, the decision and the fix when no complete day is visible', async () => {
    const shortHistory = labelledSeries('day_ahead', '2024-03-20', '2024-03-21');
    const request = requestAsOf(shortHistory, AFTER_INTERVAL_RULE, localMs('2024-03-20T12:00'), localDayGrid('2024-03-21', 'Europe/Brussels'));
    const failure = await forecast(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    const message = (failure as UserError).message;
    expect(message).toContain('`day_ahead`');
    expect(message).toContain('2024-03-20T12:00:00+01:00');
    expect(message).toContain('the visible data start at 2024-03-20T00:00:00+01:00');
    expect(message).toContain('add history before the delivery window to data.day_ahead or start the delivery window later');
    expect((failure as UserError).issues[0]).toMatchObject({ path: 'data.day_ahead', code: 'persistence_history_missing' });
  });

  it('names the data file and the days of history a long publication lag needs', async () => {
    // Published 50 h after the D-1 08:00 gate: day X is public on X+1 at 10:00. At 08:00 on the
    // 20th the latest public day is the 18th, 3 days before the delivery day 21st.
    const rule: PublicationRule = { kind: 'daily_auction', gateLocal: '08:00', lagMinutes: 3000 };
    const fcr = { ...labelledSeries('fcr_capacity', '2024-03-20', '2024-03-21'), provenance: { path: '/data/fcr.csv', source: 'test', steps: [] } };
    const request = requestAsOf(fcr, rule, localMs('2024-03-20T08:00'), localDayGrid('2024-03-21', 'Europe/Brussels'));
    const lagged = createPersistenceProvider({ publication: { fcr_capacity: rule } });
    const failure = (await Promise.resolve().then(() => lagged.forecast(request)).catch((error: unknown) => error)) as UserError;
    expect(failure).toBeInstanceOf(UserError);
    expect(failure.message).toBe(
      'persistence needs a fully visible local day of `fcr_capacity` for delivery day 2024-03-21 at the decision time ' +
        '2024-03-20T08:00:00+01:00: no value of it is visible yet; with its publication lag of 3000 minutes, persistence reads ' +
        'the data 3 days before delivery day 2024-03-21: add 3 days of history before the delivery window to /data/fcr.csv, ' +
        'or start the delivery window 3 days after the first day of its data',
    );
    expect(failure.issues[0]).toMatchObject({ file: '/data/fcr.csv', path: 'data.fcr_capacity', code: 'persistence_history_missing' });
  });
});

describe('persistence, imbalance', () => {
  const imbalance = labelledSeries('imbalance', '2024-03-19', '2024-03-20', 'Europe/Brussels', {
    imbalance_surplus_price_eur_per_mwh: -1,
    imbalance_shortage_price_eur_per_mwh: 1,
  });

  it('holds the last visible value (and extra columns) flat over the horizon', async () => {
    const delivery = restOfDay('2024-03-20', '10:15');
    const snapshot = await forecast(requestAsOf(imbalance, AFTER_INTERVAL_RULE, localMs('2024-03-20T10:00'), delivery));
    expect(new Set(snapshot.values)).toEqual(new Set([200930]));
    expect(snapshot.values).toHaveLength(delivery.length);
    expect(new Set(snapshot.extra?.imbalance_surplus_price_eur_per_mwh)).toEqual(new Set([200929]));
    expect(new Set(snapshot.extra?.imbalance_shortage_price_eur_per_mwh)).toEqual(new Set([200931]));
  });

  it('fails clearly when nothing is visible yet', async () => {
    const request = requestAsOf(imbalance, AFTER_INTERVAL_RULE, localMs('2024-03-19T00:10'), restOfDay('2024-03-19', '00:15'));
    await expect(forecast(request)).rejects.toThrow(/needs at least one value visible at the decision time 2024-03-19T00:10:00\+01:00/);
  });
});

describe('persistence, aFRR activation series', () => {
  it('holds the last visible activation ratio flat, like imbalance', async () => {
    const ratios = labelledSeries('afrr_activation_ratio_up', '2024-03-19', '2024-03-20', 'Europe/Brussels', {});
    const delivery = restOfDay('2024-03-21', '00:00');
    const snapshot = await forecast(requestAsOf(ratios, AFTER_INTERVAL_RULE, localMs('2024-03-20T09:00'), delivery));
    // With a 15-minute lag, the last interval public at 09:00 is 08:30 (it ends at 08:45).
    const last = ratios.values[ratios.instantsMs.indexOf(localMs('2024-03-20T08:30'))];
    expect(last).toBe(200830);
    expect(new Set(snapshot.values)).toEqual(new Set([last]));
  });
});
