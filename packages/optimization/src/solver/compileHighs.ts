import { readFileSync } from 'node:fs';
import { setWasmTieringBudget } from './wasmTiering';
import type { SolverWorkload } from './wasmTiering';
import { webAssembly, type WasmModule } from './webAssembly';

/**
 * HiGHS' WebAssembly, compiled once for a workload. Solvers created from it skip reading and
 * compiling the 3.5 MB binary, and it can be posted to a worker thread, whose solvers then
 * share the compiled code (and what V8 has optimised of it) with this thread's.
 */
export interface HighsCode {
  readonly workload: SolverWorkload;
  readonly module: WasmModule;
}

/**
 * Read HiGHS' WebAssembly and start compiling it: V8 compiles on its background threads, so
 * a caller can start this first and load its data meanwhile. The file is read synchronously
 * (3.5 MB, a few ms): read asynchronously, its bytes reached V8 only once this thread was
 * free again, after the caller's data, and the run then waited for the compile. The
 * workload's tiering budget applies to this module.
 */
export async function compileHighs(workload: SolverWorkload = 'long'): Promise<HighsCode> {
  const bytes = readFileSync(require.resolve('highs/runtime'));
  setWasmTieringBudget(workload);
  return { workload, module: await webAssembly.compile(bytes) };
}
