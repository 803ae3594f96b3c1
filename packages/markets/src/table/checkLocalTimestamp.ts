import { isoUtc } from '../calendar';
import { parseTimestamp } from '../time/parseTimestamp';
import { formatOffset, type ZoneClock } from '../time/zoneClock';

/**
 * Why `timestamp_local` disagrees with the market time zone at `instantMs`, or undefined if
 * it agrees. With an offset it must denote the same instant and carry the zone's offset at
 * that instant; without one its wall clock must equal the zone's local time.
 */
export function checkLocalTimestamp(cell: string, instantMs: number, clock: ZoneClock): string | undefined {
  const local = parseTimestamp(cell);
  const expected = (): string => clock.formatLocal(instantMs);
  if (local === undefined) {
    return `"${cell}" is not an ISO-8601 timestamp; write the local time with its offset, here ${expected()}`;
  }
  if (local.offsetMinutes === undefined) {
    if (local.wallMs !== clock.wallMs(instantMs)) {
      return `"${cell.trim()}" is not the ${clock.timezone} wall clock of ${isoUtc(instantMs)}; expected ${expected()}`;
    }
    return undefined;
  }
  const localInstant = local.wallMs - local.offsetMinutes * 60_000;
  if (localInstant !== instantMs) {
    return `"${cell.trim()}" is the instant ${isoUtc(localInstant)}, not timestamp_utc ${isoUtc(instantMs)}; expected ${expected()}`;
  }
  const offset = clock.offsetMinutes(instantMs);
  if (local.offsetMinutes !== offset) {
    return `"${cell.trim()}" has offset ${formatOffset(local.offsetMinutes)} but ${clock.timezone} is at ${formatOffset(offset)} then; expected ${expected()}`;
  }
  return undefined;
}
