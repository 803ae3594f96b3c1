import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirectory, nearestFolder } from './makeDirectory';

describe('makeDirectory', () => {
  const dir = (): string => mkdtempSync(join(tmpdir(), 'euroflex-mkdir-'));

  it('creates every missing level and accepts a folder that exists', () => {
    const deep = join(dir(), 'a', 'b', 'c');
    expect(makeDirectory(deep)).toBe(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(makeDirectory(deep)).toBe(deep);
  });

  it('fails with ENOTDIR under a file and EEXIST on a file, creating nothing', () => {
    const root = dir();
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    expect(() => makeDirectory(join(file, 'out', 'deeper'))).toThrow(/^ENOTDIR: /);
    expect(() => makeDirectory(file)).toThrow(/^EEXIST: /);
    expect(readdirSync(root)).toEqual(['file']);
  });

  // CI runs as root: /proc refuses every mkdir with ENOENT, where a recursive mkdir loops forever.
  (existsSync('/proc/self') ? it : it.skip)('fails at once under /proc with ENOENT on the first missing level', () => {
    expect(() => makeDirectory('/proc/x/y')).toThrow("ENOENT: no such file or directory, mkdir '/proc/x'");
  });

  it('nearestFolder names the nearest existing folder and the missing levels, shallowest first, creating nothing', () => {
    const root = dir();
    expect(nearestFolder(join(root, 'a', 'b'))).toEqual({ folder: root, missing: [join(root, 'a'), join(root, 'a', 'b')] });
    expect(readdirSync(root)).toEqual([]);
  });
});
