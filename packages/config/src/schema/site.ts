import { z } from 'zod';
import { identifierSchema } from './formats';

/** `site`: the shared grid connection (point of interconnection, POI) of all assets. */
export const siteSchema = z.strictObject({
  /** Site id. Required. */
  id: identifierSchema,
  /** POI import limit in MW, > 0: sum of charging plus downward reserve. Required. */
  poi_import_limit_mw: z.number().positive(),
  /** POI export limit in MW, > 0: sum of discharging plus upward reserve. Required. */
  poi_export_limit_mw: z.number().positive(),
});

export type SiteConfig = z.output<typeof siteSchema>;
