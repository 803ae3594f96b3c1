import { z } from 'zod';
import { pathSchema } from './formats';

/** `artifacts`: where run directories are written and what they contain. */
export const artifactsSchema = z.strictObject({
  /** Root of run directories; relative paths resolve against the config file's folder. Defaults to `artifacts`. */
  root_dir: pathSchema.default('artifacts'),
  /** Copy the window of every input series into the run directory. Defaults to true. */
  save_inputs: z.boolean().default(true),
  /** Write the report charts. Defaults to true. */
  save_plots: z.boolean().default(true),
  /** Write `forecast_snapshots` tables. Defaults to true. */
  save_forecast_snapshots: z.boolean().default(true),
});

export type ArtifactsConfig = z.output<typeof artifactsSchema>;
