import { DataError } from '../issues';
import { parseYamlOnce } from './parseYamlOnce';

describe('parseYamlOnce', () => {
  it('parses YAML 1.2 (times and dates stay strings)', () => {
    expect(parseYamlOnce('a: 12:00\nb: [1, 2]\nc: 2025-06-17\nd: null\n')).toEqual({ a: '12:00', b: [1, 2], c: '2025-06-17', d: null });
  });

  it('gives each caller its own copy of a text parsed before', () => {
    const first = parseYamlOnce('list: [1, 2]\n') as { list: number[] };
    first.list.push(3);
    expect(parseYamlOnce('list: [1, 2]\n')).toEqual({ list: [1, 2] });
  });

  it('still parses a text it forgot', () => {
    for (let i = 0; i < 10; i += 1) {
      expect(parseYamlOnce(`n: ${i}\n`)).toEqual({ n: i });
    }
    expect(parseYamlOnce('n: 0\n')).toEqual({ n: 0 });
  });

  it('throws on invalid YAML, every time', () => {
    expect(() => parseYamlOnce('a: [1\n')).toThrow();
    expect(() => parseYamlOnce('a: [1\n')).toThrow();
  });
});

describe('parseYamlOnce with a source', () => {
  it('turns a syntax error into a DataError naming the file, the line and the fix', () => {
    let thrown: unknown;
    try {
      parseYamlOnce('a: 1\nschema_version: [\n', { file: '/run/config_snapshot.yaml', fix: 'write the run again' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataError);
    const [issue] = (thrown as DataError).issues;
    expect(issue).toMatchObject({ code: 'yaml_syntax', file: '/run/config_snapshot.yaml', row: expect.any(Number) });
    expect(issue.message).toMatch(/^not valid YAML \(.+\): write the run again$/);
  });
});
