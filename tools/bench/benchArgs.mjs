// Shared by the benches: the median of samples, and the arguments of the A/B benches.
import path from 'node:path';

/**
 * The glibc allocator settings the measured processes inherit, for the header line: e.g.
 * `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (docs/performance.md, huge pages); '' when unset.
 */
export function tunables() {
  return process.env.GLIBC_TUNABLES ? `, GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES}` : '';
}

/** The median (the lower middle of an even count) of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * `[COUNT_FLAG N] [--baseline DIR] PATH ...`: the repeat count (default `count`), the
 * baseline workspace (absolute, or undefined) and the other arguments as absolute paths.
 */
export function abArgs(args, countFlag, count) {
  let repeats = count;
  let baseline;
  const paths = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === countFlag) {
      repeats = Number(args[++i]);
    } else if (args[i] === '--baseline') {
      baseline = path.resolve(args[++i]);
    } else {
      paths.push(path.resolve(args[i]));
    }
  }
  return { repeats, baseline, paths };
}
