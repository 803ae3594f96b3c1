// Reserve money (spec/model.md, Objective), per asset, interval t and scenario prices:
//   + dt (pFCR_t - penFCR) r_{b(t)}
//   + dt (pCU_t - penAFRR + rhoU_t pAU_t) u_{b(t)}
//   + dt (pCD_t - penAFRR + sigma rhoD_t pAD_t) w_{b(t)}
// Capacity is priced per interval although the award is per block, so a block's column earns
// the sum of its intervals' prices. sigma = -1 (`bsp_pays`, strict) or +1 (`bsp_receives`).
import type { AfrrInput, FcrInput } from '../../dispatch/DispatchProblem';
import type { ScenarioView } from '../../dispatch/resolveProblem';
import type { ProfitSink } from '../../model/ProfitSink';
import type { ReserveColumns } from './variables';

export function defineReserveRevenue(
  sink: ProfitSink,
  reserves: readonly ReserveColumns[],
  scenario: ScenarioView,
  fcr: FcrInput | undefined,
  afrr: AfrrInput | undefined,
  hours: Float64Array,
): void {
  for (const reserve of reserves) {
    const fcrCols = reserve.fcr;
    const fcrPrice = scenario.fcrCapacityPriceEurPerMwH;
    if (fcr !== undefined && fcrCols !== null && fcrPrice !== null) {
      for (let t = 0; t < fcrPrice.length; t++) {
        sink.add(fcrCols.block.offset + fcrCols.blockOfInterval[t], hours[t] * (fcrPrice[t] - fcr.penaltyEurPerMwH));
      }
    }
    const prices = scenario.afrr;
    const { up, down } = reserve;
    if (afrr !== undefined && prices !== null && up !== null && down !== null) {
      const sigma = afrr.downActivationSign;
      for (let t = 0; t < prices.upRatio.length; t++) {
        const upEur = prices.capacityUpEurPerMwH[t] - afrr.penaltyEurPerMwH + prices.upRatio[t] * prices.activationUpEurPerMwh[t];
        const downEur =
          prices.capacityDownEurPerMwH[t] - afrr.penaltyEurPerMwH + sigma * prices.downRatio[t] * prices.activationDownEurPerMwh[t];
        sink.add(up.block.offset + up.blockOfInterval[t], hours[t] * upEur);
        sink.add(down.block.offset + down.blockOfInterval[t], hours[t] * downEur);
      }
    }
  }
}
