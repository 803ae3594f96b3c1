import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@euroflex/config';
import { writeFolderAtomically, type ReplaceableFolder } from './replaceFolder';

const FOLDER: ReplaceableFolder = {
  what: 'test output',
  flag: '--out',
  earlierOutput: 'one holds done.txt',
  isEarlierOutput: (_dir, entries) => entries.includes('done.txt'),
};

const write = (tmp: string) => writeFileSync(join(tmp, 'done.txt'), 'new');

describe('writeFolderAtomically', () => {
  it('writes a new folder, then replaces its own earlier output, leaving no temporary sibling', () => {
    const parent = mkdtempSync(join(tmpdir(), 'euroflex-replace-'));
    const out = join(parent, 'a', 'out');
    writeFolderAtomically(out, FOLDER, write);
    writeFileSync(join(out, 'done.txt'), 'old');
    writeFolderAtomically(out, FOLDER, write);
    expect(readFileSync(join(out, 'done.txt'), 'utf8')).toBe('new');
    expect(readdirSync(join(parent, 'a'))).toEqual(['out']);
  });

  it('refuses a file and a foreign folder, naming the flag and the fix, and touches neither', () => {
    const parent = mkdtempSync(join(tmpdir(), 'euroflex-replace-'));
    const file = join(parent, 'file');
    writeFileSync(file, 'keep');
    expect(() => writeFolderAtomically(file, FOLDER, write)).toThrow(new UserError(`${file} (--out) is a file, not a folder for the test output: refusing to replace it; pass --out a new or empty folder, or move the file away`));
    const foreign = join(parent, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'x'), 'keep');
    expect(() => writeFolderAtomically(foreign, { ...FOLDER, defaulted: 'the default' }, write)).toThrow(/foreign \(the default\) is not empty and is not an earlier test output \(one holds done.txt\): refusing to replace it; pass --out a new or empty folder/);
    expect(readFileSync(file, 'utf8')).toBe('keep');
    expect(readdirSync(foreign)).toEqual(['x']);
    expect(readdirSync(parent).sort()).toEqual(['file', 'foreign']);
  });

  it('keeps the earlier output and removes the temporary folder when writing fails', () => {
    const parent = mkdtempSync(join(tmpdir(), 'euroflex-replace-'));
    const out = join(parent, 'out');
    writeFolderAtomically(out, FOLDER, write);
    expect(() =>
      writeFolderAtomically(out, FOLDER, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(out, 'done.txt'), 'utf8')).toBe('new');
  });
});
