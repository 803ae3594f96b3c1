import type { ExtendedDispatchProblem } from '../../dispatch/DispatchProblem';

/** Upper bounds Ml, Mh of the long and short deviation per interval, MW. */
export interface DeviationBounds {
  readonly longMw: Float64Array;
  readonly shortMw: Float64Array;
}

/**
 * Tight bounds on l and h that every overlap-free plan satisfies, also used as the big-M of
 * the direction binary. With E'_t = min(E, sum_a P_{a,t}) and I'_t = min(I, sum_a P_{a,t}),
 * the site's net export n_t = sum_a (d - c) lies in [-I'_t, E'_t], so with a fixed
 * nomination b: l = (n - b)+ <= (E'_t - b_t)+ and h = (b - n)+ <= (b_t + I'_t)+; with a free
 * nomination (itself in [-I'_t, E'_t]) both are <= E'_t + I'_t.
 */
export function deviationBoundsMw(problem: ExtendedDispatchProblem): DeviationBounds {
  const n = problem.intervalCount;
  const longMw = new Float64Array(n);
  const shortMw = new Float64Array(n);
  const baseline = problem.imbalance?.baseline;
  for (let t = 0; t < n; t++) {
    let power = 0;
    for (const asset of problem.assets) {
      power += asset.powerLimitMw[t];
    }
    const exportMw = Math.min(problem.site.exportLimitMw, power);
    const importMw = Math.min(problem.site.importLimitMw, power);
    if (baseline === undefined || baseline === 'free') {
      longMw[t] = exportMw + importMw;
      shortMw[t] = exportMw + importMw;
    } else {
      longMw[t] = Math.max(0, exportMw - baseline[t]);
      shortMw[t] = Math.max(0, baseline[t] + importMw);
    }
  }
  return { longMw, shortMw };
}
