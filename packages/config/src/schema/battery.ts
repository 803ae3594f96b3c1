import { z } from 'zod';
import { addRuleIssue, whenFieldsValid } from './addRuleIssue';
import { availabilitySchema } from './availability';
import { fmt } from './formats';

const efficiencySchema = z.number().positive().max(1);

/**
 * `assets[].battery`: one battery's physical parameters. Power in MW, energy and SoC in
 * MWh, efficiencies as fractions in (0, 1].
 */
export const batterySchema = z
  .strictObject({
    /** Display name. Defaults to `"battery"`, which is replaced by the asset id. */
    name: z.string().min(1).default('battery'),
    /** Rated power in MW, > 0. Required. */
    power_mw: z.number().positive(),
    /** Nameplate energy in MWh, > 0. Required. */
    energy_mwh: z.number().positive(),
    /** SoC at the start of the run in MWh, >= 0, inside the headroom-shrunk band. Required. */
    initial_soc_mwh: z.number().min(0),
    /** End-of-day SoC target in MWh (see `model.terminal_soc`), or null for none. Defaults to null. */
    terminal_soc_mwh: z.number().min(0).nullable().default(null),
    /** Lowest allowed SoC in MWh, >= 0. Required. */
    soc_min_mwh: z.number().min(0),
    /** Highest allowed SoC in MWh, > 0 and <= energy_mwh. Required. */
    soc_max_mwh: z.number().positive(),
    /** Grid-to-battery efficiency in (0, 1]. Required. */
    charge_efficiency: efficiencySchema,
    /** Battery-to-grid efficiency in (0, 1]. Required. */
    discharge_efficiency: efficiencySchema,
    /** Inverter/connection limit in MW (effective power = min(power_mw, this)), or null. Defaults to null. */
    connection_limit_mw: z.number().positive().nullable().default(null),
    /** SoC kept free at both ends of the band, MWh, >= 0. Defaults to 0. */
    minimum_headroom_mwh: z.number().min(0).default(0),
    /** Outages and derates. Defaults to no outages. */
    availability: availabilitySchema.prefault({}),
  })
  .superRefine((battery, ctx) => {
    const { soc_min_mwh: socMin, soc_max_mwh: socMax, minimum_headroom_mwh: headroom } = battery;
    const bandValid = socMin < socMax;
    if (!bandValid) {
      addRuleIssue(
        ctx,
        ['soc_min_mwh'],
        'invalid_soc_band',
        `soc_min_mwh must be smaller than soc_max_mwh (${socMin} >= ${socMax})`,
      );
    }
    if (socMax > battery.energy_mwh) {
      addRuleIssue(
        ctx,
        ['soc_max_mwh'],
        'invalid_soc_band',
        `soc_max_mwh cannot exceed energy_mwh (${socMax} > ${battery.energy_mwh})`,
      );
    }
    if (!bandValid) {
      return;
    }
    const targets = [
      ['initial_soc_mwh', battery.initial_soc_mwh],
      ['terminal_soc_mwh', battery.terminal_soc_mwh],
    ] as const;
    const inBand = targets.map(([field, soc]) => {
      if (soc === null || (soc >= socMin && soc <= socMax)) {
        return true;
      }
      addRuleIssue(
        ctx,
        [field],
        'soc_out_of_bounds',
        `${field} must be within SOC bounds [${socMin}, ${socMax}] (got ${soc})`,
      );
      return false;
    });
    if (2 * headroom >= socMax - socMin) {
      addRuleIssue(
        ctx,
        ['minimum_headroom_mwh'],
        'infeasible_headroom',
        `minimum_headroom_mwh leaves no feasible SOC band: 2 x ${headroom} >= ${socMax} - ${socMin}; lower the headroom or widen the band`,
      );
      return;
    }
    targets.forEach(([field, soc], index) => {
      if (soc !== null && inBand[index] && (soc < socMin + headroom || soc > socMax - headroom)) {
        addRuleIssue(
          ctx,
          [field],
          'soc_out_of_bounds',
          `${field} must remain feasible after headroom is applied: ${soc} is outside [${fmt(socMin + headroom)}, ${fmt(socMax - headroom)}]`,
        );
      }
    });
  }, whenFieldsValid);

export type BatteryConfig = z.output<typeof batterySchema>;
