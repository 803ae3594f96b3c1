/**
 * Run ids are `<slug>-<UTC yyyymmddThhmmssZ>-<6 hex>`: collision-free (random suffix)
 * and path-safe (the slug alphabet has no `/`, `\` or `..`). The clock and the random
 * source are passed in, so the engine stays pure.
 */
const SLUG_INVALID = /[^a-z0-9-]+/g;

/** Lower-case slug of a run name: letters, digits and single dashes. */
export function runSlug(runName: string): string {
  const slug = runName
    .trim()
    .toLowerCase()
    .replace(/[\s_.]+/g, '-')
    .replace(SLUG_INVALID, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.length > 0 ? slug.slice(0, 80) : 'run';
}

function stamp(nowMs: number): string {
  const iso = new Date(nowMs).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** A new run id; `randomHex6` must return 6 lower-case hex characters. */
export function makeRunId(runName: string, nowMs: number, randomHex6: () => string): string {
  const suffix = randomHex6();
  if (!/^[0-9a-f]{6}$/.test(suffix)) {
    throw new RangeError(`run id suffix must be 6 lower-case hex characters, got "${suffix}"`);
  }
  return `${runSlug(runName)}-${stamp(nowMs)}-${suffix}`;
}

/** True when `runId` is a safe single path segment made by `makeRunId`. */
export function isSafeRunId(runId: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,100}-\d{8}T\d{6}Z-[0-9a-f]{6}$/.test(runId);
}
