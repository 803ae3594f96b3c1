import { fileErrorHint, isUserFileError } from './fileErrorHint';

function osError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, mkdir '/x'`), { code, syscall: 'mkdir', path: '/x' });
}

describe('fileErrorHint', () => {
  it.each([
    ['ENOENT', 'it does not exist'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'not permitted'],
    ['EROFS', 'read-only'],
    ['ENOSPC', 'no space is left'],
    ['EDQUOT', 'quota'],
    ['ENOTDIR', 'a part of the path is a file'],
    ['EEXIST', 'a file of that name is already there'],
    ['EISDIR', 'it is a folder'],
  ])('%s is the user\'s to fix: %s', (code, reason) => {
    expect(isUserFileError(osError(code))).toBe(true);
    expect(fileErrorHint(osError(code))).toContain(reason);
  });

  it.each([['EIO'], ['EMFILE'], ['ERR_INVALID_ARG_TYPE']])('%s is not (an internal error)', (code) => {
    expect(isUserFileError(osError(code))).toBe(false);
    expect(fileErrorHint(osError(code))).toBeUndefined();
  });

  it('knows nothing of errors without a code', () => {
    expect(fileErrorHint(new Error('plain'))).toBeUndefined();
    expect(fileErrorHint(undefined)).toBeUndefined();
    expect(fileErrorHint(Object.assign(new Error('proto'), { code: 'toString' }))).toBeUndefined();
  });
});
