import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError, type ForecastMode, type LabIssue, type MarketId, type SeriesName } from '@euroflex/config';
import type { ForecastProvider } from '../contract';
import type { CustomForecaster, CustomModuleContext } from '../customModuleContract';
import { createCustomModuleProvider } from '../customModuleProvider';
import { importFileUrl } from './importFileUrl';
import { transpileTypeScript } from './transpileTypeScript';

/** The `forecast_provider` fields of a custom module (paths resolved by the config loader). */
export interface CustomModuleSpec {
  /** Absolute path of an `.mjs`, `.js`, `.ts` or `.mts` file (`module_path`). */
  readonly modulePath: string;
  /** Exported class or factory (`class_name`). */
  readonly className: string;
  /** Given to the constructor or factory and to `initialize` (`init_kwargs`). Defaults to `{}`. */
  readonly initKwargs?: Readonly<Record<string, unknown>>;
  /** `point` or `scenario_bundle`. Defaults to `point`. */
  readonly mode?: ForecastMode;
}

/** The run facts a custom module's `initialize` receives. */
export interface CustomModuleRunContext {
  readonly marketId: MarketId;
  /** IANA time zone of the market. */
  readonly timezone: string;
  /** The series loaded for the run. */
  readonly seriesNames: readonly SeriesName[];
}

const JS_EXTENSIONS = new Set(['.mjs', '.js']);
const TS_EXTENSIONS = new Set(['.ts', '.mts']);

function moduleError(modulePath: string, code: string, message: string): UserError {
  return new UserError(message, [{ path: 'forecast_provider.module_path', code, message, file: modulePath }], modulePath);
}

function reason(error: unknown): string {
  if (error instanceof UserError) {
    return error.issues.length > 0 ? `${error.message}: ${error.issues.map((issue) => issue.message).join('; ')}` : error.message;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function checkPath(modulePath: string): 'js' | 'ts' {
  const extension = extname(modulePath).toLowerCase();
  if (extension === '.py') {
    throw moduleError(
      modulePath,
      'python_module',
      `module_path ${modulePath} is a Python file (the reference's custom_python): euroflex does not execute Python modules. ` +
        'Port the forecaster to a JS/TS ES module that exports class_name; examples/custom/blended_persistence.mjs is a port ' +
        "of the reference's DeterministicVisibleMeanForecaster",
    );
  }
  if (!JS_EXTENSIONS.has(extension) && !TS_EXTENSIONS.has(extension)) {
    throw moduleError(modulePath, 'module_extension', `module_path ${modulePath} must be an ES module (.mjs or .js) or a TypeScript file (.ts or .mts)`);
  }
  if (!isAbsolute(modulePath)) {
    throw moduleError(modulePath, 'module_path_relative', `module_path ${modulePath} must be absolute; loadConfig resolves it against the config's folder`);
  }
  return TS_EXTENSIONS.has(extension) ? 'ts' : 'js';
}

/**
 * What can be told of a custom module without running it (`euroflex validate-data`): its
 * extension (a Python file is refused), an absolute path, and a readable file there. Empty
 * when it looks loadable; loading and calling it is left to the backtest.
 */
export function customModuleFileIssues(modulePath: string): LabIssue[] {
  try {
    checkPath(modulePath);
    if (!statSync(modulePath).isFile()) {
      throw moduleError(modulePath, 'module_unreadable', `module_path ${modulePath} is not a file; fix forecast_provider.module_path`);
    }
    return [];
  } catch (error) {
    if (error instanceof UserError) {
      return [...error.issues];
    }
    const message = `cannot read module_path ${modulePath} (${(error as Error).message}); fix forecast_provider.module_path (a relative path is read from the config's folder)`;
    return [{ path: 'forecast_provider.module_path', code: 'module_unreadable', message, file: modulePath }];
  }
}

/** Import the module: JavaScript directly, TypeScript through a transpiled copy in a temporary folder. */
async function importModule(modulePath: string, kind: 'js' | 'ts'): Promise<Record<string, unknown>> {
  let source: string;
  try {
    source = readFileSync(modulePath, 'utf8');
  } catch (error) {
    throw moduleError(modulePath, 'module_unreadable', `cannot read module_path ${modulePath} (${(error as Error).message}); fix forecast_provider.module_path`);
  }
  if (kind === 'js') {
    // The content hash makes an edited module load afresh in a long-lived process.
    const version = createHash('sha256').update(source).digest('hex').slice(0, 16);
    return importOrExplain(modulePath, `${pathToFileURL(modulePath).href}?sha256=${version}`);
  }
  const output = transpileTypeScript(source, modulePath);
  const dir = mkdtempSync(join(tmpdir(), 'euroflex-custom-module-'));
  try {
    const file = join(dir, `${basename(modulePath, extname(modulePath))}.mjs`);
    writeFileSync(file, output);
    return await importOrExplain(modulePath, pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importOrExplain(modulePath: string, url: string): Promise<Record<string, unknown>> {
  try {
    return await importFileUrl(url);
  } catch (error) {
    throw moduleError(modulePath, 'module_load_failed', `cannot load the custom module ${modulePath}: ${reason(error)}`);
  }
}

function exportedNamed(namespace: Record<string, unknown>, className: string): unknown {
  if (namespace[className] !== undefined) {
    return namespace[className];
  }
  const fallback = namespace.default;
  if (typeof fallback === 'function' && fallback.name === className) {
    return fallback;
  }
  // A CommonJS `.js` file: `module.exports = { ClassName }` arrives as the default export.
  return typeof fallback === 'object' && fallback !== null ? (fallback as Record<string, unknown>)[className] : undefined;
}

function isConstructor(candidate: (...args: unknown[]) => unknown): boolean {
  const prototype = (candidate as { prototype?: { forecast?: unknown } }).prototype;
  return Function.prototype.toString.call(candidate).startsWith('class') || typeof prototype?.forecast === 'function';
}

/** `new ClassName(init_kwargs)` or `await factory(init_kwargs)`. */
async function instantiate(spec: CustomModuleSpec, exported: unknown, initKwargs: Record<string, unknown>): Promise<unknown> {
  const { modulePath, className } = spec;
  if (typeof exported !== 'function') {
    throw moduleError(modulePath, 'class_not_callable', `${className} in ${modulePath} is a ${typeof exported}, not a class or factory function`);
  }
  const create = exported as (...args: unknown[]) => unknown;
  try {
    return isConstructor(create) ? new (create as unknown as new (kwargs: unknown) => unknown)(initKwargs) : await create(initKwargs);
  } catch (error) {
    throw moduleError(modulePath, 'custom_module_threw', `${className}(init_kwargs) in ${modulePath} threw: ${reason(error)}`);
  }
}

function asForecaster(spec: CustomModuleSpec, instance: unknown): CustomForecaster {
  const candidate = instance as { forecast?: unknown; initialize?: unknown } | null;
  const { modulePath, className } = spec;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.forecast !== 'function') {
    throw moduleError(modulePath, 'forecast_missing', `${className} in ${modulePath} gave an object without a forecast(request) method`);
  }
  if (candidate.initialize !== undefined && typeof candidate.initialize !== 'function') {
    throw moduleError(modulePath, 'initialize_not_callable', `${className} in ${modulePath} has an initialize that is not a function`);
  }
  return candidate as CustomForecaster;
}

/**
 * Load a trusted local custom module named in the config, once per run: import it (a
 * TypeScript file is transpiled in memory and imported from an OS temporary folder), build
 * its forecaster from `class_name` (a class, constructed with `init_kwargs`, or a factory
 * called with them, possibly async), call its optional `initialize(context)` and wrap it
 * with `createCustomModuleProvider`. Nothing is ever fetched.
 *
 * @throws UserError for a Python file, a wrong extension, a relative or unreadable path,
 *   TypeScript syntax errors or a missing typescript package, a module that fails to load,
 *   a missing export, or a constructor, factory or initialize that throws.
 */
export async function loadCustomModule(spec: CustomModuleSpec, run: CustomModuleRunContext): Promise<ForecastProvider> {
  const { modulePath, className } = spec;
  const kind = checkPath(modulePath);
  const namespace = await importModule(modulePath, kind);
  const exported = exportedNamed(namespace, className);
  if (exported === undefined) {
    const names = Object.keys(namespace).join(', ') || 'nothing';
    throw moduleError(modulePath, 'class_not_found', `${modulePath} does not export ${className} (it exports: ${names}); fix forecast_provider.class_name`);
  }
  // Each party gets its own copy: the module cannot change the config.
  const forecaster = asForecaster(spec, await instantiate(spec, exported, structuredClone({ ...(spec.initKwargs ?? {}) })));
  const mode = spec.mode ?? 'point';
  if (forecaster.initialize !== undefined) {
    const context: CustomModuleContext = {
      marketId: run.marketId,
      timezone: run.timezone,
      seriesNames: [...run.seriesNames],
      mode,
      initKwargs: structuredClone({ ...(spec.initKwargs ?? {}) }),
    };
    try {
      await forecaster.initialize(context);
    } catch (error) {
      throw moduleError(modulePath, 'custom_module_threw', `${className}.initialize(context) in ${modulePath} threw: ${reason(error)}`);
    }
  }
  return createCustomModuleProvider(forecaster, { className, modulePath, mode });
}
