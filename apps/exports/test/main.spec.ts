import { main } from '../src/main';

function capture(argv: string[]): { code: number; stdout: string } {
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    return { code: main(argv), stdout };
  } finally {
    spy.mockRestore();
  }
}

describe('euroflex-exports', () => {
  it('prints its help and exits 0', () => {
    const { code, stdout } = capture(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: euroflex-exports');
  });

  it('prints the version of the app', () => {
    const { code, stdout } = capture(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe((require('../package.json') as { version: string }).version);
  });

  it('exits 2 on an unknown argument', () => {
    expect(capture(['serve']).code).toBe(2);
  });
});
