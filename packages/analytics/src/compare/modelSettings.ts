import type { RunDirectory } from '../io/readRunDirectory';

/** What the model-setting check needs of a run: its summary and, when present, its config snapshot. */
export type SettingsRun = Pick<RunDirectory, 'summary'> & Partial<Pick<RunDirectory, 'configSnapshot'>>;

function objectOr(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The settings that change a run's PnL beyond its identity, flattened to `field -> value`:
 * `model.<key>` for the profile and every switch of `summary.model`, and
 * `degradation.<key>` for the `degradation` block of `config_snapshot.yaml`.
 */
function modelSettingsOf(run: SettingsRun): Map<string, unknown> {
  const settings = new Map<string, unknown>();
  for (const [key, value] of Object.entries(objectOr(run.summary.model))) {
    settings.set(`model.${key}`, value);
  }
  for (const [key, value] of Object.entries(objectOr(run.configSnapshot?.degradation))) {
    settings.set(`degradation.${key}`, value);
  }
  return settings;
}

const shown = (value: unknown) => (value === undefined ? 'absent' : JSON.stringify(value));

/**
 * The settings where `other` differs from `base`, each as `field other-value (base-value)`,
 * sorted by field; empty when they agree.
 */
export function settingDifferences(base: SettingsRun, other: SettingsRun, baseLabel: string): string[] {
  const a = modelSettingsOf(base);
  const b = modelSettingsOf(other);
  return [...new Set([...a.keys(), ...b.keys()])]
    .sort()
    .filter((field) => JSON.stringify(a.get(field)) !== JSON.stringify(b.get(field)))
    .map((field) => `${field} ${shown(b.get(field))} (${baseLabel} ${shown(a.get(field))})`);
}
