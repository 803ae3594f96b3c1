import { isSafeRunId, makeRunId, runSlug } from './runId';

describe('run ids', () => {
  const now = Date.UTC(2026, 10, 29, 12, 50, 51);

  it('are slug, UTC stamp and random suffix', () => {
    expect(makeRunId('Belgium full_stack', now, () => 'a1b2c3')).toBe('belgium-full-stack-20261129T125051Z-a1b2c3');
  });

  it('never escape the artifact root', () => {
    for (const name of ['../../etc/passwd', 'a/b', '..', '/abs', 'x\\y', '  ']) {
      const id = makeRunId(name, now, () => '000000');
      expect(id).not.toMatch(/[/\\]|\.\./);
      expect(isSafeRunId(id)).toBe(true);
    }
    expect(runSlug('../../etc/passwd')).toBe('etc-passwd');
  });

  it('differ for two runs of the same name in the same second', () => {
    const suffixes = ['000001', '000002'];
    const ids = suffixes.map((suffix) => makeRunId('same', now, () => suffix));
    expect(new Set(ids).size).toBe(2);
  });

  it('reject a malformed random suffix', () => {
    expect(() => makeRunId('x', now, () => 'XYZ')).toThrow(/6 lower-case hex/);
  });
});
