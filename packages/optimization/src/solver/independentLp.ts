import loadHighs from 'highs';
import type { DispatchProblem } from '../dispatch/DispatchProblem';

/**
 * A second, independent formulation of the da_only problem, for tests: LP text with only
 * charge and discharge columns (the SoC path written as cumulative sums), the power
 * limits as column bounds and the POI as rows, solved through HiGHS' LP reader instead of
 * the CSC builder. It has no exclusivity binaries, so it equals the kernel's optimum on
 * days where burning energy cannot pay and bounds it from above otherwise.
 */
export function independentLpText(problem: DispatchProblem): string {
  const n = problem.intervalCount;
  const dt = problem.intervalHours;
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  problem.assets.forEach((asset, a) => {
    const k = asset.degradationEurPerMwh;
    const terms: string[] = [];
    for (let t = 0; t < n; t += 1) {
      const p = problem.dayAheadPriceEurPerMwh[t];
      objective.push(`+ ${dt * (p - k)} d_${a}_${t} - ${dt * (p + k)} c_${a}_${t}`);
      bounds.push(` 0 <= c_${a}_${t} <= ${asset.powerLimitMw[t]}`, ` 0 <= d_${a}_${t} <= ${asset.powerLimitMw[t]}`);
      terms.push(`+ ${dt * asset.chargeEfficiency} c_${a}_${t} - ${dt / asset.dischargeEfficiency} d_${a}_${t}`);
      const delta = terms.join(' ');
      rows.push(` low_${a}_${t}: ${delta} >= ${asset.socMinMwh - asset.initialSocMwh}`);
      rows.push(` high_${a}_${t}: ${delta} <= ${asset.socMaxMwh - asset.initialSocMwh}`);
      if (t === n - 1 && asset.terminalSocMwh !== null) {
        const relation = problem.terminalSoc === 'equal' ? '=' : '>=';
        rows.push(` terminal_${a}: ${delta} ${relation} ${asset.terminalSocMwh - asset.initialSocMwh}`);
      }
    }
  });
  for (let t = 0; t < n; t += 1) {
    rows.push(` import_${t}: ${problem.assets.map((_, a) => `+ c_${a}_${t}`).join(' ')} <= ${problem.site.importLimitMw}`);
    rows.push(` export_${t}: ${problem.assets.map((_, a) => `+ d_${a}_${t}`).join(' ')} <= ${problem.site.exportLimitMw}`);
  }
  return `Maximize\n obj: ${objective.join(' ')}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
}

/** Optimum of `independentLpText(problem)` in EUR, from a fresh HiGHS instance. */
export async function independentDayAheadOptimumEur(problem: DispatchProblem): Promise<number> {
  const highs = await loadHighs();
  const result = highs.solve(independentLpText(problem), { output_flag: false });
  if (result.Status !== 'Optimal') {
    throw new Error(`independent LP: ${result.Status}`);
  }
  return result.ObjectiveValue;
}
