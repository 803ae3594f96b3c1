import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@euroflex/config';
import { runBacktest } from '../src';
import { configVariant, REFERENCE, tempRoot } from './support/runs';

const DA_ONLY = join(REFERENCE, 'tests/fixtures/example_configs/basic/belgium_da_only_base.yaml');

/** A config whose day-ahead file is missing: a run that read its data would fail on that. */
function withoutData(edit: (doc: Record<string, unknown>) => void = () => undefined): string {
  return configVariant(DA_ONLY, (doc) => {
    (doc.data as Record<string, { actual_path: string }>).day_ahead.actual_path = '/no/such/day_ahead.csv';
    edit(doc);
  });
}

/** A regular file in a fresh folder: no folder can be made under it (ENOTDIR), whoever runs the test. */
function aFile(): string {
  const file = join(tempRoot(), 'not-a-folder');
  writeFileSync(file, 'x');
  return file;
}

async function failure(run: Promise<unknown>): Promise<UserError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('the artifact root is checked before the run', () => {
  it('an outDir under a file fails before any data are read, naming the flag', async () => {
    const file = aFile();
    const error = await failure(runBacktest({ config: withoutData(), outDir: join(file, 'runs'), outDirFlag: '--out' }));
    expect(error.message).toBe(`cannot write the artifact root ${join(file, 'runs')} (--out)`);
    expect(error.issues[0].message).toMatch(/ENOTDIR.*pass --out a folder/);
  });

  it('an artifacts.root_dir that is a file names the field and the config file', async () => {
    const file = aFile();
    const config = withoutData((doc) => {
      doc.artifacts = { ...(doc.artifacts as object), root_dir: file };
    });
    const error = await failure(runBacktest({ config }));
    expect(error.file).toBe(config);
    expect(error.issues[0].path).toBe('artifacts.root_dir');
    expect(error.issues[0].message).toContain('EEXIST');
    expect(readdirSync(join(file, '..'))).toEqual(['not-a-folder']);
  });

  it('a dry run writes nothing and does not check it', async () => {
    const error = await failure(runBacktest({ config: withoutData(), outDir: join(aFile(), 'runs'), dryRun: true }));
    expect(error.message).toBe('data: 1 problem found');
    expect(error.issues[0].message).toContain('the file does not exist');
  });
});

describe('the workflow override', () => {
  it('is validated again: a workflow whose series the config lacks names the field', async () => {
    const error = await failure(runBacktest({ config: DA_ONLY, workflow: 'da_plus_fcr', dryRun: true }));
    expect(error.message).toMatch(/^--workflow da_plus_fcr does not fit .*belgium_da_only_base\.yaml: /);
    expect(error.issues.map((issue) => issue.path)).toContain('data.fcr_capacity');
  });
});
