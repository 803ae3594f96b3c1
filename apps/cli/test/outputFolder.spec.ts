import fs, { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runBacktest } from '@euroflex/backtesting';
import { referenceVariant } from './configVariant';
import { cli } from './run';

const DA_ONLY = resolve(__dirname, '../../../examples/reference/tests/fixtures/example_configs/basic/belgium_da_only_base.yaml');

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'euroflex-cli-out-'));
}

/** A regular file: no folder can be made under it (ENOTDIR), whoever runs the test (CI runs as root). */
function aFile(): string {
  const file = join(temp(), 'not-a-folder');
  writeFileSync(file, 'x');
  return file;
}

/** An OS error as Node throws it. */
function osError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall} '${path}'`), { code, syscall, path });
}

describe('an output folder that cannot be written is a user error (exit 1) naming the flag and the fix', () => {
  it('backtest --out under a file: refused before the run, naming --out', async () => {
    const out = join(aFile(), 'runs');
    const result = await cli('backtest', DA_ONLY, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: cannot write the artifact root ${out} (--out)`);
    expect(result.stderr).toMatch(/--out: a part of the path is a file, not a folder: .*ENOTDIR.*; pass --out a folder that exists or can be created, and that you can write to/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an artifacts.root_dir that is a file: names the field and the config file, and offers --out', async () => {
    const root = aFile();
    const config = referenceVariant('tests/fixtures/example_configs/basic/belgium_da_only_base.yaml', (doc) => {
      doc.artifacts = { ...(doc.artifacts as object), root_dir: root };
    });
    const result = await cli('backtest', config);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot write the artifact root ${root} (artifacts.root_dir in ${config})`);
    expect(result.stderr).toContain(`${config}: artifacts.root_dir: a file of that name is already there`);
    expect(result.stderr).toContain('or pass --out DIR');
  });

  (existsSync('/proc/self') ? it : it.skip)('backtest --out /proc/euroflex fails at once instead of hanging', async () => {
    const result = await cli('backtest', DA_ONLY, '--out', '/proc/euroflex');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot write the artifact root /proc/euroflex (--out)');
    expect(result.stderr).toContain('ENOENT');
  });

  describe('normalize --output', () => {
    const input = resolve(__dirname, '../../../examples/data/real/belgium_day_ahead_2024_raw.csv');
    const args = ['--input', input, '--series', 'day_ahead', '--timestamp-column', 'datetime_utc', '--value-column', 'price_eur_mwh', '--zone', '10YBE----------2', '--start', '2024-03-01', '--end', '2024-03-02'];

    (existsSync('/proc/self') ? it : it.skip)(
      'under /proc/x fails at once (exit 1) instead of hanging in a recursive mkdir',
      async () => {
        const result = await cli('normalize', ...args, '--output', '/proc/x/y.csv');
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('error: cannot write /proc/x/y.csv (--output)');
        expect(result.stderr).toMatch(/--output: ENOENT: .*mkdir '\/proc\/x'; pass --output a file in a folder that exists or can be created, and that you can write to/);
        expect(result.stderr).not.toContain('internal error');
      },
      10_000,
    );

    it('under a file: exit 1 naming --output, and a new folder on the way is made', async () => {
      const out = join(aFile(), 'y.csv');
      const result = await cli('normalize', ...args, '--output', out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`cannot write ${out} (--output)`);
      expect(result.stderr).toContain(`EEXIST: file already exists, mkdir '${dirname(out)}'`);
      const fresh = join(temp(), 'a', 'b', 'y.csv');
      expect((await cli('normalize', ...args, '--output', fresh)).code).toBe(0);
      expect(existsSync(fresh)).toBe(true);
    });
  });

  it.each(['EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EACCES'])('backtest --out on a folder failing with %s', async (code) => {
    const out = join(temp(), 'runs');
    const spy = jest.spyOn(fs, 'mkdtempSync').mockImplementation((prefix) => {
      throw osError(code, 'mkdtemp', `${String(prefix)}XXXXXX`);
    });
    try {
      const result = await cli('backtest', DA_ONLY, '--out', out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`cannot write the artifact root ${out} (--out)`);
      expect(result.stderr).toContain(code);
      expect(result.stderr).not.toContain('internal error');
    } finally {
      spy.mockRestore();
    }
  });

  describe('the other commands that write where --out says', () => {
    let runDir: string;
    beforeAll(async () => {
      runDir = (await runBacktest({ config: DA_ONLY, outDir: temp(), debugChecks: true })).runDir as string;
    });

    // The export makes the folder above --out itself, and finds the file there (EEXIST).
    it.each([
      ['reconcile', 'EEXIST', (out: string) => ['reconcile', runDir, '--out', out]],
      ['compare', 'ENOTDIR', (out: string) => ['compare', runDir, '--out', out]],
      ['export-schedule', 'EEXIST', (out: string) => ['export-schedule', runDir, '--profile', 'benchmark', '--out', out]],
    ])('%s --out under a file: exit 1 with the reason (%s) and the fix', async (_name, code, argv) => {
      const result = await cli(...argv(join(aFile(), 'out')));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`error: ${code}: `);
      expect(result.stderr).toMatch(/\n {2}(a part of the path is a file, not a folder|a file of that name is already there): choose /);
      expect(result.stderr).not.toContain('internal error');
    });

    it.each([
      ['EPERM', 'not permitted'],
      ['EROFS', 'read-only'],
      ['ENOSPC', 'no space is left'],
      ['EDQUOT', 'quota'],
    ])('compare --out failing with %s: exit 1, not an internal error', async (code, reason) => {
      const out = join(temp(), 'new');
      const spy = jest.spyOn(fs, 'mkdirSync').mockImplementation((path) => {
        throw osError(code, 'mkdir', String(path));
      });
      try {
        const result = await cli('compare', runDir, '--out', out);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${code}: simulated, mkdir '${out}'`);
        expect(result.stderr).toContain(reason);
        expect(result.stderr).not.toContain('internal error');
      } finally {
        spy.mockRestore();
      }
    });
  });
});
