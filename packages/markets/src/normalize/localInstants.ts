import type { ZoneClock } from '../time/zoneClock';

/** A naive local timestamp of a foreign file: its wall clock and its data row. */
export interface NaiveRow {
  readonly wallMs: number;
  readonly rowIndex: number;
}

/** The outcome of placing naive local rows on the UTC time line. */
export interface PlacedRows {
  /** UTC instant per placed row (same order as the input), NaN where the row was not placed. */
  readonly instantsMs: Float64Array;
  /** Rows whose wall time does not exist (spring-forward hour). */
  readonly nonexistent: NaiveRow[];
  /** Rows in the repeated autumn hour whose occurrence cannot be told (the label appears once). */
  readonly ambiguous: NaiveRow[];
}

/**
 * Map naive local wall times to UTC instants. A wall time of the repeated autumn hour that
 * appears twice is read as both occurrences in time order (the earlier, summer-time one
 * first; files sorted newest-first are recognised and mapped the other way round). One that
 * appears once cannot be placed and is reported, as is a wall time of the spring gap.
 */
export function placeNaiveRows(rows: readonly NaiveRow[], clock: ZoneClock): PlacedRows {
  const instantsMs = new Float64Array(rows.length).fill(Number.NaN);
  const nonexistent: NaiveRow[] = [];
  const ambiguous: NaiveRow[] = [];
  const descending = rows.length > 1 && rows[rows.length - 1].wallMs < rows[0].wallMs;
  const totals = new Map<number, number>();
  const candidates = rows.map((row) => {
    const hits = clock.instantsOfWall(row.wallMs);
    if (hits.length > 1) {
      totals.set(row.wallMs, (totals.get(row.wallMs) ?? 0) + 1);
    }
    return hits;
  });
  const seen = new Map<number, number>();
  rows.forEach((row, i) => {
    const hits = candidates[i];
    if (hits.length === 0) {
      nonexistent.push(row);
      return;
    }
    if (hits.length === 1) {
      instantsMs[i] = hits[0];
      return;
    }
    if ((totals.get(row.wallMs) ?? 0) < 2) {
      ambiguous.push(row);
      return;
    }
    const occurrence = seen.get(row.wallMs) ?? 0;
    seen.set(row.wallMs, occurrence + 1);
    const first = descending ? hits[hits.length - 1] : hits[0];
    const second = descending ? hits[0] : hits[hits.length - 1];
    instantsMs[i] = occurrence === 0 ? first : second;
  });
  return { instantsMs, nonexistent, ambiguous };
}
