import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@euroflex/config';
import { seriesOf, simpleRequest } from '../../test/support/request';
import type { ForecastProvider } from '../contract';
import { createProviderAsync } from './createProvider';
import { loadCustomModule, type CustomModuleSpec } from './loadCustomModule';

const RUN = { marketId: 'belgium', timezone: 'Europe/Brussels', seriesNames: ['day_ahead', 'imbalance'] } as const;
const history = seriesOf('day_ahead', '2024-04-01T00:00:00Z', [10, 20, 30]);
const request = simpleRequest(history, '2024-04-01T01:00:00Z', ['2024-04-02T00:00:00Z', '2024-04-02T00:15:00Z']);

let dir: string;
function write(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

async function load(name: string, className: string, extra: Partial<CustomModuleSpec> = {}): Promise<ForecastProvider> {
  return loadCustomModule({ modulePath: join(dir, name), className, ...extra }, RUN);
}

async function failure(run: () => Promise<unknown>): Promise<UserError> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof UserError)) {
    throw new Error(`expected a UserError, got ${String(error)}`);
  }
  return error;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'custom-module-'));
  write(
    'last_value.mjs',
    `export class LastValue {
       constructor(kwargs) { this.offset = kwargs.offset ?? 0; this.seen = []; }
       initialize(context) { this.context = context; }
       forecast(request) {
         const last = request.history.values[request.history.values.length - 1];
         return { values: Array.from(request.deliveryInstantsMs, () => last + this.offset) };
       }
     }`,
  );
  write(
    'factory.mjs',
    `export async function makeForecaster(kwargs) {
       await new Promise((resolve) => setTimeout(resolve, 1));
       let context;
       return {
         initialize: async (given) => { context = given; },
         forecast: async (request) => ({
           values: new Float64Array(request.deliveryInstantsMs.length).fill(kwargs.level),
           issueTimeMs: request.decisionTimeMs - 60000,
           extra: { context: Array.from(request.deliveryInstantsMs, () => context.seriesNames.length) },
         }),
       };
     }`,
  );
  write('helper.mjs', 'export const meanOf = (values) => values.reduce((a, b) => a + b, 0) / values.length;\n');
  write(
    'typed_mean.ts',
    `import { meanOf } from './helper.mjs';
     import type { ForecastRequest } from '@euroflex/forecasts';
     interface Kwargs { readonly scale?: number }
     export class TypedMean {
       private readonly scale: number;
       constructor(kwargs: Kwargs) { this.scale = kwargs.scale ?? 1; }
       forecast(request: ForecastRequest): { values: number[] } {
         const mean: number = meanOf(Array.from(request.history.values));
         return { values: Array.from(request.deliveryInstantsMs, () => mean * this.scale) };
       }
     }`,
  );
  write(
    'factory.mts',
    `export const createFlat = (kwargs: { level: number }) => ({
       forecast: async (request: { deliveryInstantsMs: Float64Array }) => ({ values: Array.from(request.deliveryInstantsMs, () => kwargs.level) }),
     });`,
  );
  write('commonjs.js', 'class Legacy { forecast(request) { return { values: Array.from(request.deliveryInstantsMs, () => 5) }; } }\nmodule.exports = { Legacy };\n');
  write('default_export.mjs', 'export default class Named { forecast(request) { return { values: Array.from(request.deliveryInstantsMs, () => 6) }; } }\n');
  write('no_forecast.mjs', 'export class NoForecast { predict() { return {}; } }\nexport const notAFunction = 3;\n');
  write('throws.mjs', "export class Throws { constructor() { throw new Error('bad weights file'); } }\nexport class BadInit { initialize() { throw new Error('no model'); } forecast() { return {}; } }\n");
  write('broken.mjs', 'export class Broken { forecast( { }\n');
  write('broken.ts', 'export class Broken {\n  forecast(: number) {}\n}\n');
  write('imports_ts.ts', "import { x } from './other.ts';\nexport class UsesTs { forecast() { return { values: [x] }; } }\n");
  write('model.py', 'class DeterministicVisibleMeanForecaster: pass\n');
  write('notes.json', '{}');
  mkdirSync(join(dir, 'folder.mjs'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadCustomModule: module forms', () => {
  it('constructs an exported class with init_kwargs and calls its sync forecast', async () => {
    const provider = await load('last_value.mjs', 'LastValue', { initKwargs: { offset: 1.5 } });
    expect([provider.name, provider.auditable]).toEqual(['custom_module', true]);
    const snapshot = await provider.forecast(request);
    expect(Array.from(snapshot.values)).toEqual([31.5, 31.5]);
    expect([snapshot.issueTimeMs, snapshot.availableFromMs]).toEqual([request.decisionTimeMs, request.decisionTimeMs]);
    expect(snapshot.provider).toBe('custom_module:LastValue');
  });

  it('awaits an async factory, its async initialize (with the run context) and its async forecast', async () => {
    const provider = await load('factory.mjs', 'makeForecaster', { initKwargs: { level: 42 } });
    const snapshot = await provider.forecast(request);
    expect(Array.from(snapshot.values)).toEqual([42, 42]);
    expect(snapshot.issueTimeMs).toBe(request.decisionTimeMs - 60_000);
    expect(Array.from(snapshot.extra?.context ?? [])).toEqual([2, 2]);
  });

  it('transpiles a .ts class in memory; its relative .mjs import and type-only import work', async () => {
    const provider = await load('typed_mean.ts', 'TypedMean', { initKwargs: { scale: 2 } });
    expect(Array.from((await provider.forecast(request)).values)).toEqual([40, 40]);
  });

  it('transpiles a .mts factory', async () => {
    const provider = await load('factory.mts', 'createFlat', { initKwargs: { level: -3 } });
    expect(Array.from((await provider.forecast(request)).values)).toEqual([-3, -3]);
  });

  it('finds a class in a CommonJS .js file and a default-exported class by its name', async () => {
    expect(Array.from((await (await load('commonjs.js', 'Legacy')).forecast(request)).values)).toEqual([5, 5]);
    expect(Array.from((await (await load('default_export.mjs', 'Named')).forecast(request)).values)).toEqual([6, 6]);
  });

  it('gives initialize the market, time zone, series, mode and its own copy of init_kwargs', async () => {
    const path = write(
      'context.mjs',
      `import { writeFileSync } from 'node:fs';
       export class Spy {
         constructor(kwargs) { this.reportFile = kwargs.report_file; kwargs.nested.changed = true; }
         initialize(context) {
           writeFileSync(this.reportFile, JSON.stringify(context));
           context.initKwargs.nested.alsoChanged = true;
         }
         forecast(request) { return { values: Array.from(request.deliveryInstantsMs, () => 0) }; }
       }`,
    );
    const reportFile = join(dir, 'context.json');
    const initKwargs = { report_file: reportFile, nested: { model_path: '/abs/model.json' } };
    await loadCustomModule({ modulePath: path, className: 'Spy', initKwargs, mode: 'scenario_bundle' }, RUN);
    expect(JSON.parse(readFileSync(reportFile, 'utf8'))).toEqual({
      marketId: 'belgium',
      timezone: 'Europe/Brussels',
      seriesNames: ['day_ahead', 'imbalance'],
      mode: 'scenario_bundle',
      initKwargs: { report_file: reportFile, nested: { model_path: '/abs/model.json' } },
    });
    expect(initKwargs).toEqual({ report_file: reportFile, nested: { model_path: '/abs/model.json' } });
  });
});

describe('loadCustomModule: errors name the module and the fix', () => {
  it('refuses Python modules and points to the JS port', async () => {
    const error = await failure(() => load('model.py', 'DeterministicVisibleMeanForecaster'));
    expect(error.message).toContain('is a Python file');
    expect(error.message).toContain('does not execute Python modules');
    expect(error.message).toContain('examples/custom/blended_persistence.mjs');
    expect(error.issues[0]).toMatchObject({ path: 'forecast_provider.module_path', code: 'python_module' });
  });

  it.each([
    ['notes.json', 'X', 'must be an ES module (.mjs or .js) or a TypeScript file (.ts or .mts)'],
    ['missing.mjs', 'X', 'cannot read module_path'],
    ['folder.mjs', 'X', 'cannot read module_path'],
    ['no_forecast.mjs', 'Absent', 'does not export Absent (it exports: NoForecast, notAFunction); fix forecast_provider.class_name'],
    ['no_forecast.mjs', 'notAFunction', 'notAFunction in'],
    ['no_forecast.mjs', 'NoForecast', 'gave an object without a forecast(request) method'],
    ['throws.mjs', 'Throws', 'Throws(init_kwargs) in'],
    ['throws.mjs', 'BadInit', 'BadInit.initialize(context) in'],
    ['broken.mjs', 'Broken', 'cannot load the custom module'],
    ['broken.ts', 'Broken', 'TypeScript syntax error'],
    ['imports_ts.ts', 'UsesTs', 'imports "./other.ts": only the configured module is transpiled'],
  ])('%s#%s', async (name, className, message) => {
    const error = await failure(() => load(name, className));
    expect(error.message).toContain(message);
    expect(error.file).toBe(join(dir, name));
  });

  it('keeps the thrown message and the syntax error position', async () => {
    expect((await failure(() => load('throws.mjs', 'Throws'))).message).toContain('Error: bad weights file');
    expect((await failure(() => load('broken.ts', 'Broken'))).issues[0]).toMatchObject({ row: 2, code: 'typescript_syntax' });
  });

  it('wants an absolute path (loadConfig resolves module_path against the config)', async () => {
    const error = await failure(() => loadCustomModule({ modulePath: 'examples/custom/blended_persistence.mjs', className: 'X' }, RUN));
    expect(error.message).toContain("must be absolute; loadConfig resolves it against the config's folder");
  });
});

describe('createProviderAsync', () => {
  it('loads the module of the config, with series names taken from the loaded series', async () => {
    const provider = await createProviderAsync(
      { name: 'custom_module', modulePath: join(dir, 'factory.mjs'), className: 'makeForecaster', initKwargs: { level: 1 } },
      { day_ahead: history },
      { marketId: 'belgium', timezone: 'Europe/Brussels' },
    );
    expect(Array.from((await provider.forecast(request)).extra?.context ?? [])).toEqual([1, 1]);
  });

  it('asks for module_path and class_name', async () => {
    const run = { marketId: 'belgium', timezone: 'Europe/Brussels' } as const;
    await expect(createProviderAsync({ name: 'custom_module', className: 'X' }, {}, run)).rejects.toThrow('requires forecast_provider.module_path');
    await expect(createProviderAsync({ name: 'custom_module', modulePath: join(dir, 'factory.mjs') }, {}, run)).rejects.toThrow(
      'requires forecast_provider.class_name',
    );
  });

  it('refuses custom modules where they are disabled (configs from a request), before touching the file', async () => {
    const error = await failure(() =>
      createProviderAsync(
        { name: 'custom_module', modulePath: join(dir, 'missing.mjs'), className: 'X' },
        {},
        { marketId: 'belgium', timezone: 'Europe/Brussels' },
        { allowCustomModule: false },
      ),
    );
    expect(error.issues[0].code).toBe('custom_module_disabled');
  });

  it('builds the other providers as createProvider does', async () => {
    const provider = await createProviderAsync({ name: 'persistence' }, {}, { marketId: 'belgium', timezone: 'Europe/Brussels' });
    expect(provider.name).toBe('persistence');
  });
});
