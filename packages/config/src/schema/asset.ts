import { z } from 'zod';
import { batterySchema } from './battery';
import { identifierSchema } from './formats';

/**
 * `assets[]`: one asset behind the site's POI. A battery left with the default name
 * `"battery"` takes the asset id as its name.
 */
export const assetSchema = z
  .strictObject({
    /** Asset id, unique within the config. Required. */
    id: identifierSchema,
    /** Asset kind; only `battery` exists. Defaults to `battery`. */
    kind: z.literal('battery').default('battery'),
    /** The battery's parameters. Required. */
    battery: batterySchema,
  })
  .transform((asset) =>
    asset.battery.name === 'battery' ? { ...asset, battery: { ...asset.battery, name: asset.id } } : asset,
  );

/** `assets`: at least one asset; ids must be unique (a cross-field rule). */
export const assetsSchema = z.array(assetSchema).min(1, {
  error: 'assets must contain at least one asset',
});

export type AssetConfig = z.output<typeof assetSchema>;
