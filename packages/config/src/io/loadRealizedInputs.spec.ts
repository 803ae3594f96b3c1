import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRealizedInputs } from './loadRealizedInputs';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'euroflex-realized-')), 'realized.yaml');
  writeFileSync(path, text);
  return path;
}

/** A ConfigError carrying these issues. */
const withIssues = (issues: unknown[]) => expect.objectContaining({ name: 'ConfigError', issues });

describe('loadRealizedInputs', () => {
  it('reads revision.realized_inputs, paths relative to the file', () => {
    const path = file('revision:\n  realized_inputs:\n    day_ahead: {actual_path: final/da.csv}\n');
    expect(loadRealizedInputs(path)).toEqual({ field: 'revision.realized_inputs', files: { day_ahead: join(path, '..', 'final/da.csv') } });
  });

  it('falls back to data, and reports neither block as no files', () => {
    expect(loadRealizedInputs(file('data:\n  imbalance: {actual_path: /x/imb.csv}\n'))).toEqual({ field: 'data', files: { imbalance: '/x/imb.csv' } });
    expect(loadRealizedInputs(file('run_name: x\n'))).toEqual({ field: undefined, files: {} });
  });

  it('names the field, its line and the shape of a series given as a plain string', () => {
    expect(() => loadRealizedInputs(file('revision:\n  realized_inputs:\n    day_ahead: nope.csv\n'))).toThrow(withIssues([
      expect.objectContaining({
        path: 'revision.realized_inputs.day_ahead',
        row: 3,
        message: 'Expected a mapping {actual_path: <file>}, got "nope.csv": write the file under actual_path, e.g. {actual_path: "nope.csv"}',
      }),
    ]));
  });

  it('suggests the series meant by a misspelt key', () => {
    expect(() => loadRealizedInputs(file('data:\n  day_ahaed: {actual_path: a.csv}\n'))).toThrow(withIssues([
      expect.objectContaining({ path: 'data.day_ahaed', row: 2, message: expect.stringContaining('did you mean `day_ahead`?') }),
    ]));
  });

  it('names the line of a YAML syntax error and the fix', () => {
    expect(() => loadRealizedInputs(file('revision:\n  realized_inputs: [\n'))).toThrow(withIssues([
      expect.objectContaining({ code: 'yaml_syntax', row: expect.any(Number), message: expect.stringMatching(/^YAML: .+: fix the YAML at that line/) }),
    ]));
  });
});
