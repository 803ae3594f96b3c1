import { EXIT } from './errors';
import { colours } from './terminal';
import { unfinishedMessage } from './unfinished';

/**
 * Exit with `code` once stdout and stderr have taken all the output. Ending the process
 * here skips tearing down its heap, which costs a backtest's 120 MB process 10-30 ms
 * after the last line; work still pending then (a custom module's timer) is not waited for.
 */
export function exitAfterOutput(code: number): void {
  process.exitCode = code;
  let open = 2;
  const flushed = () => {
    open -= 1;
    if (open === 0) {
      process.exit(code);
    }
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

/**
 * When the event loop empties while `command` is still pending (a promise nothing will
 * settle, such as a custom module's forecast() that never resolves), Node would exit 0 in
 * silence: exit 1 with a message instead.
 */
export function exitIfUnfinished(command: Promise<unknown>): void {
  let settled = false;
  const done = () => {
    settled = true;
  };
  command.then(done, done);
  process.once('beforeExit', () => {
    if (!settled) {
      process.stderr.write(`${colours(process.stderr).red('error')}: ${unfinishedMessage()}\n`);
      exitAfterOutput(EXIT.user);
    }
  });
}
