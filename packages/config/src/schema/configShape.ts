import { z } from 'zod';
import { WORKFLOWS } from '../vocabulary';
import { afrrSchema } from './afrr';
import { artifactsSchema } from './artifacts';
import { assetsSchema } from './asset';
import { dataSchema } from './data';
import { degradationSchema } from './degradation';
import { fcrSchema } from './fcr';
import { forecastProviderSchema } from './forecastProvider';
import { runNameSchema } from './formats';
import { marketSchema } from './market';
import { modelSchema } from './model';
import { revisionSchema } from './revision';
import { riskSchema } from './risk';
import { siteSchema } from './site';
import { solverSchema } from './solver';
import { timingSchema } from './timing';

/** The only accepted `schema_version`. */
export const SCHEMA_VERSION = 4;

/** Every top-level block of schema v4, each validated on its own (see parseConfig). */
export const configShape = {
  /** Always 4. Required. */
  schema_version: z.literal(SCHEMA_VERSION, {
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : `Input should be 4: this is the schema_version 4 format, got ${JSON.stringify(issue.input)} (a v3 config needs migrating, see docs/config.md)`,
  }),
  /** Name of the run; part of the run id. Required. */
  run_name: runNameSchema,
  market: marketSchema,
  /** The workflow; `schedule_revision` revises the `revision.base_workflow` schedule. Required. */
  workflow: z.enum(WORKFLOWS),
  forecast_provider: forecastProviderSchema,
  timing: timingSchema,
  site: siteSchema,
  assets: assetsSchema,
  degradation: degradationSchema.prefault({}),
  risk: riskSchema.prefault({}),
  data: dataSchema,
  fcr: fcrSchema.nullable().default(null),
  afrr: afrrSchema.nullable().default(null),
  revision: revisionSchema.nullable().default(null),
  artifacts: artifactsSchema.prefault({}),
  model: modelSchema.prefault({}),
  solver: solverSchema.prefault({}),
};

/** The top-level key of each block. */
export type ConfigBlockKey = keyof typeof configShape;
export const CONFIG_BLOCK_KEYS = Object.keys(configShape) as ConfigBlockKey[];

/** Field-level schema of the whole config, without the cross-field rules. */
export const configObjectSchema = z.strictObject(configShape);

/** A validated config with every default applied (keys as in YAML). */
export type EuroflexConfig = z.output<typeof configObjectSchema>;
/** What a config file may contain (defaults optional). */
export type EuroflexConfigInput = z.input<typeof configObjectSchema>;
