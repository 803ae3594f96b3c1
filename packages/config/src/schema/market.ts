import { z } from 'zod';
import { MARKET_IDS, SERIES_NAMES, type SeriesName } from '../vocabulary';
import { hhmmSchema } from './formats';

const lagMinutesSchema = z.number().int().min(0).meta({ description: 'Publication lag in minutes, >= 0' });

const publicationLagShape = Object.fromEntries(
  SERIES_NAMES.map((name) => [name, lagMinutesSchema.optional()]),
) as Record<SeriesName, z.ZodOptional<typeof lagMinutesSchema>>;

/**
 * `market.publication_lags`: minutes after a series' publication anchor (its product gate
 * for auction series, the interval end for after-the-fact series). Unset series use the
 * market adapter's default.
 */
export const publicationLagsSchema = z.strictObject(publicationLagShape);

/** `market.gates`: local HH:MM on D-1 overriding the adapter's reserve gate closures. */
export const marketGatesSchema = z.strictObject({
  /** FCR capacity auction gate on D-1 (adapter default 08:00). */
  fcr: hhmmSchema('market.gates.fcr').optional(),
  /** aFRR capacity auction gate on D-1 (adapter default, e.g. 09:00 in Belgium). */
  afrr: hhmmSchema('market.gates.afrr').optional(),
});

/** `market`: which adapter runs, plus optional overrides of its publication rules. */
export const marketSchema = z.strictObject({
  /** Market adapter id. Required. */
  id: z.enum(MARKET_IDS),
  /** Free-form adapter overrides kept for reference compatibility; nothing reads them. Defaults to `{}`. */
  overrides: z.record(z.string(), z.unknown()).default({}),
  /** Environment variable names that live connectors need; `doctor` checks they are set. Defaults to `[]`. */
  live_data_auth_env_var_names: z.array(z.string().min(1)).default([]),
  /** Publication lag per series, minutes. Defaults to `{}` (adapter defaults). */
  publication_lags: publicationLagsSchema.prefault({}),
  /** Reserve gate overrides, local HH:MM on D-1. Defaults to `{}` (adapter defaults). */
  gates: marketGatesSchema.prefault({}),
});

export type MarketConfig = z.output<typeof marketSchema>;
