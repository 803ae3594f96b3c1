// Imbalance money (spec/model.md, imbalance workflows): + dt (pSUR_t l_t - pSHO_t h_t).
// Single-price markets pass the same series twice. With a fixed nomination there is no
// day-ahead term: its money is a constant booked by the decision that set the nomination.
import type { ImbalanceInput } from '../../dispatch/DispatchProblem';
import type { ProfitSink } from '../../model/ProfitSink';
import type { ImbalanceColumns } from './variables';

export function defineImbalanceRevenue(sink: ProfitSink, cols: ImbalanceColumns, input: ImbalanceInput, hours: Float64Array): void {
  for (let t = 0; t < cols.long.count; t++) {
    sink.add(cols.long.offset + t, hours[t] * input.surplusPriceEurPerMwh[t]);
    sink.add(cols.short.offset + t, -hours[t] * input.shortagePriceEurPerMwh[t]);
  }
}
