import { z } from 'zod';
import { SERIES_NAMES, type SeriesName } from '../vocabulary';
import { pathSchema } from './formats';

/** One input series: the canonical CSV/Parquet file with actual values. */
export const seriesInputSchema = z.strictObject(
  {
    /** Path of the actual series; relative paths resolve against the config file's folder. Required. */
    actual_path: pathSchema,
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input !== undefined && issue.input !== null && typeof issue.input !== 'object'
        ? `Expected a mapping {actual_path: <file>}, got ${JSON.stringify(issue.input)}: write the file under actual_path, e.g. {actual_path: ${JSON.stringify(String(issue.input))}}`
        : undefined,
  },
);

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
