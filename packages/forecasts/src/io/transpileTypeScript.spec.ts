import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '@euroflex/config';
import { transpileTypeScript } from './transpileTypeScript';

describe('transpileTypeScript', () => {
  it('erases types and points relative imports at the original folder, since the output runs from a temporary one', () => {
    const source = [
      "import type { ForecastRequest } from '@euroflex/forecasts';",
      "import { CustomModuleContext } from '@euroflex/config-types';",
      'export const init = (context: CustomModuleContext): string => context.timezone;',
      "import { readFileSync } from 'node:fs';",
      "import { meanOf } from './helpers/mean.mjs';",
      'export const mean = meanOf;',
      "export { scale } from '../shared/scale.js';",
      'export const load = async (r: ForecastRequest): Promise<unknown> => import(\'./lazy.mjs\');',
      'export const read = (path: string): string => readFileSync(path, \'utf8\');',
    ].join('\n');
    const output = transpileTypeScript(source, '/models/acme/forecaster.ts');
    expect(output).not.toContain('@euroflex/forecasts');
    expect(output).not.toContain('ForecastRequest');
    expect(output).not.toContain('@euroflex/config-types');
    expect(output).toContain('from "node:fs"');
    expect(output).toContain('from "file:///models/acme/helpers/mean.mjs"');
    expect(output).toContain('from "file:///models/shared/scale.js"');
    expect(output).toContain('import("file:///models/acme/lazy.mjs")');
    expect(output).toContain('export const load = async (r) =>');
  });

  it('resolves package imports from the original folder when it can, and leaves them otherwise', () => {
    const here = join(__dirname, 'model.ts');
    const resolved = transpileTypeScript("import { DateTime } from 'luxon';\nexport const t = DateTime;", here);
    expect(resolved).toContain(`from "${pathToFileURL(require.resolve('luxon')).href}"`);
    const unresolved = transpileTypeScript("import { DateTime } from 'luxon';\nexport const t = DateTime;", '/nowhere/model.ts');
    expect(unresolved).toContain('from "luxon"');
  });

  it('reports every syntax error with its line and column', () => {
    let error: unknown;
    try {
      transpileTypeScript('export const a = ;\nexport const b = 1;\nexport function (x) {}\n', '/m/bad.ts');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(UserError);
    const issues = (error as UserError).issues;
    expect(issues.map((issue) => issue.row)).toEqual([1, 3]);
    expect(issues[0]).toMatchObject({ file: '/m/bad.ts', code: 'typescript_syntax' });
    expect(issues[0].message).toMatch(/^column 18: Expression expected/);
  });

  it('says how to fix a missing typescript package', () => {
    jest.isolateModules(() => {
      jest.doMock('node:module', () => ({
        createRequire: () => () => {
          throw new Error("Cannot find module 'typescript'");
        },
      }));
      const isolated = jest.requireActual<{ transpileTypeScript: typeof transpileTypeScript }>('./transpileTypeScript');
      expect(() => isolated.transpileTypeScript('export const a = 1;', '/m/a.ts')).toThrow(
        "module_path /m/a.ts is a TypeScript file, and the typescript package cannot be loaded (Cannot find module 'typescript'): install typescript or ship a .mjs",
      );
    });
  });
});

