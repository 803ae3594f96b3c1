import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError, type EuroflexConfig, type LabIssue } from '@euroflex/config';
import type { MarketData } from '@euroflex/markets';
import type { HighsCode } from '@euroflex/optimization';
import type { ExecutedDay, WalkForwardStats } from '../engine/types';

/** What the worker thread of a later day chunk is asked to do (its `workerData`). */
export interface DayChunkRequest {
  /** The validated config (with any provider override applied). */
  readonly config: EuroflexConfig;
  /** The chunk's delivery dates, in order. */
  readonly dates: readonly string[];
  /** SoC the chunk's first day is planned and executed from (and its first oracle day). */
  readonly startSocMwh: readonly number[];
  readonly memo: boolean;
  readonly debugChecks: boolean;
}

/**
 * What this thread has loaded and sends once it has it (the worker's one message in): the
 * market series, which the worker then neither reads nor checks again, and HiGHS compiled,
 * whose code the worker's solver shares.
 */
export interface DayChunkInputs {
  readonly marketData: MarketData;
  readonly highs: HighsCode;
}

/** A chunk's walk-forward, and its oracle days when the walk is not itself the oracle. */
export interface DayChunkResult {
  readonly walk: { readonly days: ExecutedDay[]; readonly stats: WalkForwardStats };
  readonly oracle?: { readonly days: ExecutedDay[]; readonly stats: WalkForwardStats };
}

/** Messages from the worker thread: one per executed delivery day, then the result or the error. */
export type DayChunkMessage =
  | { readonly kind: 'day' }
  | { readonly kind: 'done'; readonly result: DayChunkResult }
  | { readonly kind: 'error'; readonly name: string; readonly message: string; readonly stack?: string; readonly issues?: readonly LabIssue[]; readonly file?: string };

/** A running worker thread: its result, and a way to stop it. */
export interface DayChunkThread {
  readonly result: Promise<DayChunkResult>;
  /** Send the loaded inputs; the worker waits for them before its first day. */
  provide(inputs: DayChunkInputs): void;
  /** Stop the thread (its result is then never used). */
  cancel(): Promise<void>;
}

/** How to start the worker: its file and the Node options it needs. */
export interface DayChunkEntry {
  readonly code: string;
  readonly execArgv: readonly string[];
}

/**
 * Environment variable naming a CommonJS require hook that compiles TypeScript, set only by
 * the Jest setup: tests run the sources, where the worker entry is `dayChunkWorker.ts`.
 */
export const TS_WORKER_HOOK_ENV = 'EUROFLEX_TS_WORKER_HOOK';

/**
 * The worker entry: the compiled `dayChunkWorker.js` next to this module (or, from a bundle,
 * the installed package's), or under Jest the TypeScript source loaded through the hook of
 * `EUROFLEX_TS_WORKER_HOOK` (with the `@euroflex/source` condition, so sibling packages
 * resolve to their sources too). Undefined when none exists: the run then stays on one thread.
 */
export function dayChunkEntry(): DayChunkEntry | undefined {
  const compiled = [join(__dirname, 'dayChunkWorker.js'), installedWorker()].find((file) => file !== undefined && existsSync(file));
  if (compiled !== undefined) {
    return { code: `require(${JSON.stringify(compiled)});`, execArgv: [] };
  }
  const source = join(__dirname, 'dayChunkWorker.ts');
  const hook = process.env[TS_WORKER_HOOK_ENV];
  if (hook && existsSync(source) && existsSync(hook)) {
    return { code: `require(${JSON.stringify(hook)}); require(${JSON.stringify(source)});`, execArgv: ['--conditions=@euroflex/source'] };
  }
  return undefined;
}

/**
 * The compiled worker entry of the installed package, for code bundled into one file (the
 * `euroflex` bin, docs/decisions/0005-bundled-cli.md), where `__dirname` is the bundle's
 * folder; undefined when the package cannot be resolved from here.
 */
function installedWorker(): string | undefined {
  try {
    return join(dirname(require.resolve('@euroflex/backtesting/package.json')), 'dist/io/dayChunkWorker.js');
  } catch {
    return undefined;
  }
}

function chunkError(request: DayChunkRequest, message: Extract<DayChunkMessage, { kind: 'error' }>): Error {
  const where = `day chunk ${request.dates[0]}..${request.dates[request.dates.length - 1]} (worker thread)`;
  if (message.issues !== undefined) {
    // A problem with the user's input (a UserError, DataError, ...): same class of error, same issues.
    const error = new UserError(`${message.message} [${where}]`, message.issues, message.file);
    error.name = message.name;
    return error;
  }
  const error = new Error(`${where} failed: ${message.name}: ${message.message}`);
  error.stack = `${error.name}: ${error.message}\n--- in the worker thread ---\n${message.stack ?? ''}`;
  return error;
}

/**
 * Start the later chunk of a window on a worker thread with its own data, HiGHS instance and
 * memo. `onDay` is called after each of its executed days. The thread is terminated when it
 * has answered, failed or been cancelled: none outlives the run.
 */
export function startDayChunkThread(entry: DayChunkEntry, request: DayChunkRequest, onDay?: () => void): DayChunkThread {
  const worker = new Worker(entry.code, { eval: true, workerData: request, execArgv: [...entry.execArgv] });
  let settled = false;
  const result = new Promise<DayChunkResult>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      if (!settled) {
        settled = true;
        outcome();
        void worker.terminate();
      }
    };
    worker.on('message', (message: DayChunkMessage) => {
      if (message.kind === 'day') {
        onDay?.();
      } else if (message.kind === 'done') {
        finish(() => resolve(message.result));
      } else {
        finish(() => reject(chunkError(request, message)));
      }
    });
    worker.on('error', (error) => finish(() => reject(chunkError(request, { kind: 'error', name: error.name, message: error.message, stack: error.stack }))));
    worker.on('messageerror', (error) => finish(() => reject(chunkError(request, { kind: 'error', name: 'MessageError', message: error.message }))));
    worker.on('exit', (code) =>
      finish(() => reject(chunkError(request, { kind: 'error', name: 'Exit', message: `the worker thread exited with code ${code} before it answered` }))),
    );
  });
  // A failure is reported where the result is awaited; never as an unhandled rejection meanwhile.
  result.catch(() => undefined);
  return {
    result,
    provide: (inputs) => worker.postMessage(inputs),
    cancel: async () => {
      settled = true;
      await worker.terminate();
    },
  };
}
