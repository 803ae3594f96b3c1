import type { ForecastMode } from '@euroflex/config';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from './contract';
import type { CustomForecaster } from './customModuleContract';
import { customModuleError, snapshotFromResult, type CustomModuleIdentity } from './customModuleResult';
import { isolatedRequest } from './isolatedRequest';

/** Name of the custom module provider, as written in configs (alias `custom_python`). */
export const CUSTOM_MODULE = 'custom_module';

/** Options of `createCustomModuleProvider`. */
export interface CustomModuleProviderOptions extends CustomModuleIdentity {
  /** `forecast_provider.mode`. Defaults to `point`. */
  readonly mode?: ForecastMode;
}

function reason(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * An auditable provider around a loaded, initialised custom forecaster (see
 * `loadCustomModule`). Each call gives the module an isolated copy of the request (no view
 * into data beyond what was public), awaits its answer and checks it with
 * `snapshotFromResult`. Whatever the module throws becomes a `UserError` naming the module,
 * the series and the decision, with the original error as `cause`.
 */
export function createCustomModuleProvider(forecaster: CustomForecaster, options: CustomModuleProviderOptions): ForecastProvider {
  const mode = options.mode ?? 'point';
  const identity: CustomModuleIdentity = { className: options.className, modulePath: options.modulePath };
  return {
    name: CUSTOM_MODULE,
    auditable: true,
    async forecast(request: ForecastRequest): Promise<ForecastSnapshot> {
      let result: unknown;
      try {
        result = await forecaster.forecast(isolatedRequest(request));
      } catch (error) {
        const failure = customModuleError(identity, request, `threw while forecasting (${reason(error)})`, 'custom_module_threw');
        failure.cause = error;
        throw failure;
      }
      return snapshotFromResult(result, request, identity, mode);
    },
  };
}
