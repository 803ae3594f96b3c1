import type { SeriesName } from '@euroflex/config';
import { INTERVAL_H } from '@euroflex/markets';
import { float64Array, float64Copy } from '@euroflex/optimization';
import { powerLimitsMw } from './assetModels';
import type { DaySeries, EngineContext, ExecutedAsset } from './types';

/** The final plan of a day, per asset (MW per interval, SoC at N+1 instants). */
export interface PlanArrays {
  readonly chargeMw: readonly Float64Array[];
  readonly dischargeMw: readonly Float64Array[];
  readonly socMwh: readonly Float64Array[];
  readonly fcrMw?: readonly Float64Array[];
  readonly afrrUpMw?: readonly Float64Array[];
  readonly afrrDownMw?: readonly Float64Array[];
}

const SOC_TOLERANCE_MWH = 1e-9;

/**
 * Execute a day's plan (spec/model.md, Settlement). With `activation_replay: actual_ratios`
 * (strict) the SoC is replayed from the realized start with the ACTUAL activation ratios:
 * where it would leave [Smin, Smax], the activation pushing it out is clipped and the
 * clipped energy is non-delivered (`afrrNonDeliveredMwh`); if even the energy schedule
 * alone would leave the band (the realized SoC drifted from the plan), charge or discharge
 * is cut too, and the executed flows then deviate from the nomination. With `planned_soc`
 * (reference_v1) the SoC is the plan's and the activation is booked in full.
 */
export function replayDay(
  context: EngineContext,
  instantsMs: Float64Array,
  plan: PlanArrays,
  nominationMw: readonly Float64Array[],
  series: Readonly<Partial<Record<SeriesName, DaySeries>>>,
  realizedStartSocMwh: readonly number[],
  assets: EngineContext['assets'] = context.assets,
): ExecutedAsset[] {
  const n = instantsMs.length;
  const dt = INTERVAL_H;
  const ratioUp = series.afrr_activation_ratio_up?.actual;
  const ratioDown = series.afrr_activation_ratio_down?.actual;
  const clip = context.model.switches.activation_replay === 'actual_ratios';
  return assets.map((asset, a) => {
    const etaC = asset.chargeEfficiency;
    const etaD = asset.dischargeEfficiency;
    const charge = float64Copy(plan.chargeMw[a]);
    const discharge = float64Copy(plan.dischargeMw[a]);
    const up = plan.afrrUpMw?.[a];
    const down = plan.afrrDownMw?.[a];
    const upDelivered = up ? float64Array(n) : undefined;
    const downDelivered = down ? float64Array(n) : undefined;
    const nonDelivered = up || down ? float64Array(n) : undefined;
    let soc: Float64Array;
    const noActivation = up === undefined && down === undefined;
    if (!clip || (noActivation && realizedStartSocMwh[a] === plan.socMwh[a][0])) {
      // The realized SoC is the plan's; the activation is booked in full. Under planned_soc
      // the energy the band could not have delivered is still computed (a shadow replay) and
      // reported as non-delivered, so a run that profits from it is never hidden.
      soc = float64Copy(plan.socMwh[a]);
      for (let t = 0; t < n; t += 1) {
        if (upDelivered && up && ratioUp) {
          upDelivered[t] = ratioUp[t] * up[t] * dt;
        }
        if (downDelivered && down && ratioDown) {
          downDelivered[t] = ratioDown[t] * down[t] * dt;
        }
      }
      if (!clip && nonDelivered && !noActivation) {
        const shadow = replayDay(
          { ...context, model: { ...context.model, switches: { ...context.model.switches, activation_replay: 'actual_ratios' } } },
          instantsMs,
          { ...plan, chargeMw: [plan.chargeMw[a]], dischargeMw: [plan.dischargeMw[a]], socMwh: [plan.socMwh[a]], ...(up ? { afrrUpMw: [up] } : {}), ...(down ? { afrrDownMw: [down] } : {}), fcrMw: undefined },
          [nominationMw[a]],
          series,
          [realizedStartSocMwh[a]],
          [asset],
        )[0];
        nonDelivered.set(shadow.afrrNonDeliveredMwh ?? float64Array(n));
      }
    } else {
      soc = float64Array(n + 1);
      soc[0] = realizedStartSocMwh[a];
      for (let t = 0; t < n; t += 1) {
        let upCell = up && ratioUp ? (dt * ratioUp[t] * up[t]) / etaD : 0;
        let downCell = down && ratioDown ? dt * etaC * ratioDown[t] * down[t] : 0;
        let next = soc[t] + dt * (etaC * charge[t] - discharge[t] / etaD) - upCell + downCell;
        let clipped = 0;
        if (next > asset.socMaxMwh + SOC_TOLERANCE_MWH) {
          const cut = Math.min(next - asset.socMaxMwh, downCell);
          downCell -= cut;
          next -= cut;
          clipped += cut / etaC;
          if (next > asset.socMaxMwh + SOC_TOLERANCE_MWH) {
            // The energy schedule itself overfills: charge less.
            const cutCharge = Math.min(charge[t], (next - asset.socMaxMwh) / (dt * etaC));
            charge[t] -= cutCharge;
            next -= cutCharge * dt * etaC;
          }
        } else if (next < asset.socMinMwh - SOC_TOLERANCE_MWH) {
          const cut = Math.min(asset.socMinMwh - next, upCell);
          upCell -= cut;
          next += cut;
          clipped += cut * etaD;
          if (next < asset.socMinMwh - SOC_TOLERANCE_MWH) {
            // The energy schedule itself overdrains: discharge less.
            const cutDischarge = Math.min(discharge[t], ((asset.socMinMwh - next) * etaD) / dt);
            discharge[t] -= cutDischarge;
            next += (cutDischarge * dt) / etaD;
          }
        }
        soc[t + 1] = next;
        if (upDelivered) {
          upDelivered[t] = upCell * etaD;
        }
        if (downDelivered) {
          downDelivered[t] = downCell / etaC;
        }
        if (nonDelivered) {
          nonDelivered[t] = clipped;
        }
      }
    }
    return {
      chargeMw: charge,
      dischargeMw: discharge,
      socMwh: soc,
      plannedSocMwh: plan.socMwh[a],
      plannedChargeMw: plan.chargeMw[a],
      plannedDischargeMw: plan.dischargeMw[a],
      powerLimitMw: powerLimitsMw(asset, instantsMs),
      nominationMw: nominationMw[a],
      ...(plan.fcrMw ? { fcrMw: plan.fcrMw[a] } : {}),
      ...(up ? { afrrUpMw: up } : {}),
      ...(down ? { afrrDownMw: down } : {}),
      ...(upDelivered ? { afrrUpDeliveredMwh: upDelivered } : {}),
      ...(downDelivered ? { afrrDownDeliveredMwh: downDelivered } : {}),
      ...(nonDelivered ? { afrrNonDeliveredMwh: nonDelivered } : {}),
    };
  });
}
