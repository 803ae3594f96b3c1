import { readFile } from 'node:fs/promises';
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
 * Read and compile HiGHS' WebAssembly without blocking this thread: the file is read
 * asynchronously and V8 compiles on its background threads, so a caller can start this
 * first and load its data meanwhile. The workload's tiering budget applies to this module.
 */
export async function compileHighs(workload: SolverWorkload = 'long'): Promise<HighsCode> {
  const bytes = await readFile(require.resolve('highs/runtime'));
  setWasmTieringBudget(workload);
  return { workload, module: await webAssembly.compile(bytes) };
}
