export type {
  ForecastProvider,
  ForecastRequest,
  ForecastScenario,
  ForecastSnapshot,
} from './contract';
export { createPerfectForesightProvider, PERFECT_FORESIGHT } from './perfectForesight';
export { createPersistenceProvider, PERSISTENCE } from './persistence';
export type { ParsedForecastFile } from './forecastFile';
export { createCsvProvider, CSV_PROVIDER, type CsvProviderOptions } from './csvProvider';
export { validateSnapshot, SnapshotContractError } from './validateSnapshot';
export { snapshotRows, type SnapshotRow } from './snapshotRows';
export { readForecastCsv, parseForecastCsv, FORECAST_CSV_COLUMNS } from './io/readForecastCsv';
export { createProvider, type ForecastProviderSpec } from './io/createProvider';
