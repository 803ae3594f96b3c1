import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@euroflex/config';
import { checkOutputDirectory } from './outputDirectory';

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'euroflex-outdir-'));
}

/** The error `run` throws (it must throw). */
function thrown(run: () => unknown): NodeJS.ErrnoException {
  try {
    run();
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('expected an error');
}

describe('checkOutputDirectory', () => {
  it('accepts a folder that exists or can be created, and creates nothing', () => {
    const dir = temp();
    checkOutputDirectory(dir, 'the artifact root', { flag: '--out' });
    checkOutputDirectory(join(dir, 'new', 'root'), 'the artifact root', { flag: '--out' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the flag, the folder, the OS reason and the fix for a path under a file', () => {
    const file = join(temp(), 'file');
    writeFileSync(file, 'x');
    const error = thrown(() => checkOutputDirectory(join(file, 'runs'), 'the artifact root', { flag: '--out' })) as unknown as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(`cannot write the artifact root ${join(file, 'runs')} (--out)`);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].path).toBe('--out');
    expect(error.issues[0].message).toContain('a part of the path is a file, not a folder');
    expect(error.issues[0].message).toContain('ENOTDIR');
    expect(error.issues[0].message).toContain('pass --out a folder that exists or can be created, and that you can write to');
  });

  it('names the config field and file when the folder came from the config, and offers the flag', () => {
    const file = join(temp(), 'file');
    writeFileSync(file, 'x');
    const config = { file: '/x/config.yaml', field: 'artifacts.root_dir', flag: '--out' };
    const error = thrown(() => checkOutputDirectory(file, 'the artifact root', { config })) as unknown as UserError;
    expect(error.message).toBe(`cannot write the artifact root ${file} (artifacts.root_dir in /x/config.yaml)`);
    expect(error.file).toBe('/x/config.yaml');
    expect(error.issues[0].path).toBe('artifacts.root_dir');
    expect(error.issues[0].message).toContain('a file of that name is already there');
    expect(error.issues[0].message).toContain('EEXIST');
    expect(error.issues[0].message).toContain('set artifacts.root_dir to a folder that exists or can be created, and that you can write to, or pass --out DIR');
  });

  (existsSync('/proc/self') ? it : it.skip)('fails at once for a folder that cannot be created (under /proc)', () => {
    const error = thrown(() => checkOutputDirectory('/proc/euroflex', 'the artifact root', { flag: '--out' })) as unknown as UserError;
    expect(error.issues[0].message).toContain('ENOENT');
  });
});
