import { parseDecimal } from './parseDecimal';

/**
 * Resolutions a series file may declare, as ISO-8601 durations (`resolution` column) or
 * minutes (`resolution_minutes` column). Everything is expanded to quarter-hours on load.
 */
export const RESOLUTION_CODES: Readonly<Record<string, number>> = {
  PT15M: 15,
  PT30M: 30,
  PT60M: 60,
  PT1H: 60,
  PT240M: 240,
  PT4H: 240,
};

/** Minute values accepted in a `resolution_minutes` column. */
export const RESOLUTION_MINUTES: readonly number[] = [15, 30, 60, 240];

/** Minutes of a resolution code (`PT60M` -> 60), case-insensitive; undefined if unknown. */
export function resolutionMinutesOf(code: string): number | undefined {
  return RESOLUTION_CODES[code.trim().toUpperCase()];
}

/** Minutes of a `resolution_minutes` cell (`60` -> 60); undefined unless one of RESOLUTION_MINUTES. */
export function resolutionMinutesFromNumber(cell: string): number | undefined {
  const minutes = parseDecimal(cell);
  return RESOLUTION_MINUTES.includes(minutes) ? minutes : undefined;
}

/** Canonical label of a resolution in minutes: 15 -> `PT15M`, 60 -> `PT60M`, 240 -> `PT4H`. */
export function resolutionLabel(minutes: number): string {
  return minutes === 240 ? 'PT4H' : `PT${minutes}M`;
}
