import { z } from 'zod';
import { SERIES_NAMES, type SeriesName } from '../vocabulary';
import { pathSchema } from './formats';

/** One input series: the canonical CSV/Parquet file with actual values. */
export const seriesInputSchema = z.strictObject({
  /** Path of the actual series; relative paths resolve against the config file's folder. Required. */
  actual_path: pathSchema,
});

const optionalSeriesShape = Object.fromEntries(
  SERIES_NAMES.map((name) => [name, seriesInputSchema.optional()]),
) as Record<SeriesName, z.ZodOptional<typeof seriesInputSchema>>;

/**
 * `revision.realized_inputs`: the same keys as `data`, all optional (used by reconcile
 * when realized values differ from the backtest's actuals).
 */
export const realizedInputsSchema = z.strictObject(optionalSeriesShape);

/** `data`: actual series per name. `day_ahead` is required; the workflow decides which others. */
export const dataSchema = z.strictObject({
  ...optionalSeriesShape,
  day_ahead: seriesInputSchema,
});

export type SeriesInputConfig = z.output<typeof seriesInputSchema>;
export type DataConfig = z.output<typeof dataSchema>;
export type RealizedInputsConfig = z.output<typeof realizedInputsSchema>;
