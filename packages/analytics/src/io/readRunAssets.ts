import { DataError, type LabIssue } from '@euroflex/config';

/** One asset of a run with the SoC band the engine used (config snapshot, after headroom). */
export interface RunAssetBand {
  readonly id: string;
  /** soc_min_mwh + minimum_headroom_mwh, MWh. */
  readonly socMinMwh: number;
  /** soc_max_mwh - minimum_headroom_mwh, MWh. */
  readonly socMaxMwh: number;
  /** socMaxMwh - socMinMwh, MWh: the depth of one equivalent full cycle. */
  readonly usableEnergyMwh: number;
  /** battery.power_mw, MW. */
  readonly powerMw: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The assets of a config snapshot with their effective SoC band: soc_min + headroom ..
 * soc_max - headroom (the band `assetModels` of the engine uses). Every missing or
 * non-numeric field is reported at once, by its path in the snapshot.
 */
export function assetBandsOf(snapshot: Readonly<Record<string, unknown>> | undefined, file: string): RunAssetBand[] {
  if (snapshot === undefined) {
    throw new DataError([{ path: '', code: 'missing_file', message: 'the run directory has no config_snapshot.yaml, which holds the SoC bands of the assets', file }], file);
  }
  const assets = snapshot.assets;
  if (!Array.isArray(assets)) {
    throw new DataError([{ path: 'assets', code: 'missing_field', message: 'expected the list of assets', file }], file);
  }
  const issues: LabIssue[] = [];
  const out: RunAssetBand[] = [];
  assets.forEach((entry: unknown, a) => {
    const asset = record(entry);
    const battery = record(asset?.battery);
    const field = (name: string, fallback?: number): number => {
      const value = battery?.[name] ?? fallback;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push({ path: `assets.${a}.battery.${name}`, code: 'missing_field', message: 'expected a number', file });
        return Number.NaN;
      }
      return value;
    };
    const id = asset?.id;
    if (typeof id !== 'string') {
      issues.push({ path: `assets.${a}.id`, code: 'missing_field', message: 'expected the asset id', file });
    }
    const headroomMwh = field('minimum_headroom_mwh', 0);
    const socMinMwh = field('soc_min_mwh') + headroomMwh;
    const socMaxMwh = field('soc_max_mwh') - headroomMwh;
    out.push({ id: String(id), socMinMwh, socMaxMwh, usableEnergyMwh: socMaxMwh - socMinMwh, powerMw: field('power_mw') });
  });
  if (issues.length > 0) {
    throw new DataError(issues, file);
  }
  return out;
}
