export type {
  ForecastProvider,
  ForecastRequest,
  ForecastScenario,
  ForecastSnapshot,
} from './contract';
export { createPerfectForesightProvider, PERFECT_FORESIGHT } from './perfectForesight';
export { createPersistenceProvider, PERSISTENCE, type PersistenceOptions } from './persistence';
export { forecastHistoryDays, persistenceDaysBack } from './historyDays';
export { configPublicationRules, firstForecastTimesMs, publicationOverridesOf, type ScheduleConfig } from './forecastSchedule';
export type { ParsedForecastFile } from './forecastFile';
export { createCsvProvider, CSV_PROVIDER, type CsvProviderOptions } from './csvProvider';
export type {
  CustomForecaster,
  CustomForecastResult,
  CustomModuleContext,
  CustomNumbers,
  CustomScenarioResult,
} from './customModuleContract';
export { createCustomModuleProvider, CUSTOM_MODULE, type CustomModuleProviderOptions } from './customModuleProvider';
export { jointScenarios, type JointScenario, type JointSeriesValues } from './jointScenarios';
export { validateSnapshot, SnapshotContractError, SCENARIO_WEIGHT_TOLERANCE } from './validateSnapshot';
export { snapshotRows, type SnapshotRow } from './snapshotRows';
export { scenarioSnapshotRows, type ScenarioSnapshotRow } from './scenarioSnapshotRows';
export { readForecastCsv, parseForecastCsv, FORECAST_CSV_COLUMNS } from './io/readForecastCsv';
export {
  createProvider,
  createProviderAsync,
  type CreateProviderOptions,
  type ForecastProviderSpec,
} from './io/createProvider';
export { checkForecastFiles, forecastFilesOf, type ForecastFileCheck } from './io/checkForecastFiles';
export { customModuleFileIssues, loadCustomModule, type CustomModuleRunContext, type CustomModuleSpec } from './io/loadCustomModule';
