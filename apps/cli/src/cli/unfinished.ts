import type { EuroflexConfig } from '@euroflex/config';

type ProviderConfig = EuroflexConfig['forecast_provider'];

/** The custom forecast module the running command calls, if any: named when it never answers. */
let customModule: { readonly modulePath: string; readonly className: string | null; readonly file: string } | undefined;

/** Note the custom forecast module of a config's `forecast_provider` (read from `file`), when it is `custom_module`. */
export function noteCustomModule(provider: ProviderConfig, file: string): void {
  if (provider.name === 'custom_module' && provider.module_path !== null) {
    customModule = { modulePath: provider.module_path, className: provider.class_name, file };
  }
}

/**
 * The message when Node's event loop empties while the command still waits on a promise:
 * nothing is left that could settle it, so the command can never finish.
 */
export function unfinishedMessage(): string {
  const stopped = 'the command stopped before it finished: a promise never settled';
  if (customModule === undefined) {
    return `${stopped}; a custom forecast module whose forecast() never resolves does this (forecast_provider.module_path): make forecast() return its forecast, or a promise that resolves to it or rejects`;
  }
  const { modulePath, className, file } = customModule;
  const which = className === null ? modulePath : `${modulePath}, class ${className}`;
  return `${stopped}, most likely in the custom forecast module ${which} (forecast_provider.module_path in ${file}): its forecast() returned a promise that never resolves; make it return its forecast, or a promise that resolves to it or rejects`;
}
