// Worker-thread entry of a later day chunk (docs/backtesting.md, Day chunks): waits for the
// market data and compiled HiGHS that the main thread loaded, builds its own provider, HiGHS
// instance and memo, walks the chunk's days from the assumed start SoC, runs their oracle
// days, and posts plain data back.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '@euroflex/config';
import { createSolver } from '@euroflex/optimization';
import { runOracle } from '../engine/oracle';
import { runWalkForward } from '../engine/walkForward';
import type { DayChunkInputs, DayChunkMessage, DayChunkRequest, DayChunkResult } from './dayChunkThread';
import { loadRunInputs } from './loadRunInputs';

async function runChunk(request: DayChunkRequest, sent: Promise<DayChunkInputs>, post: (message: DayChunkMessage) => void): Promise<DayChunkResult> {
  const { marketData, highs } = await sent;
  const { context, provider, memo } = await loadRunInputs(request.config, {
    dates: request.dates,
    marketData,
    solver: () => createSolver({ code: highs }),
    memo: request.memo,
    debugChecks: request.debugChecks,
    allowCustomModule: false,
  });
  const start = { plannedSocMwh: request.startSocMwh, realizedSocMwh: request.startSocMwh };
  const walk = await runWalkForward(context, provider, { start, onDay: () => post({ kind: 'day' }) });
  const oracle = await runOracle(context, provider.auditable ? undefined : walk, request.startSocMwh);
  memo?.clearMemo();
  return {
    walk: { days: [...walk.days], stats: walk.stats },
    ...(oracle.days === walk.days ? {} : { oracle: { days: [...oracle.days], stats: oracle.stats } }),
  };
}

const port = parentPort;
if (port === null) {
  throw new Error('dayChunkWorker runs only as a worker thread');
}
const post = (message: DayChunkMessage) => port.postMessage(message);
const sent = new Promise<DayChunkInputs>((resolve) => port.once('message', resolve));
runChunk(workerData as DayChunkRequest, sent, post).then(
  (result) => post({ kind: 'done', result }),
  (error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    post({
      kind: 'error',
      name: failure.name,
      message: failure.message,
      ...(failure.stack ? { stack: failure.stack } : {}),
      ...(failure instanceof UserError ? { issues: failure.issues, ...(failure.file ? { file: failure.file } : {}) } : {}),
    });
  },
);
