/** Colours honour NO_COLOR (https://no-color.org) and are off when the stream is not a TTY. */
export function colours(stream: NodeJS.WriteStream) {
  const enabled = stream.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    bold: wrap(1, 22),
    dim: wrap(2, 22),
  };
}

/**
 * A progress bar on stderr for long work, drawn only on a TTY (never into pipes or logs).
 * Returns the update function and a `done` that clears the line.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  const startedAt = Date.now();
  let lastDraw = 0;
  return {
    update(done: number, total: number): void {
      const nowMs = Date.now();
      if (!enabled || (nowMs - lastDraw < 50 && done < total) || nowMs - startedAt < 300) {
        return;
      }
      lastDraw = nowMs;
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    done(): void {
      if (enabled && lastDraw > 0) {
        stream.write('\r\u001b[2K');
      }
    },
  };
}
