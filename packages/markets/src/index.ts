export * from './series';
export * from './calendar';
export * from './publication';
export { parseDecimal } from './parseDecimal';
export { isRatioInRange, isRatioSeries, RATIO_RANGE_FIX } from './ratio';
export { RESOLUTION_CODES, RESOLUTION_MINUTES, resolutionLabel, resolutionMinutesOf } from './resolution';
export { expandToQuarterHours, isOnResolutionGrid, quarterHoursCovered } from './expand';
export { zoneClock, formatOffset, type ZoneClock } from './time/zoneClock';
export { parseTimestamp, instantOf, type ParsedTimestamp } from './time/parseTimestamp';
export {
  validateSeriesCoverage,
  windowBoundsMs,
  windowGrid,
  sliceToWindow,
  missingInstants,
  type DeliveryWindow,
  type CoverageOptions,
} from './coverage';
export { CANONICAL_COLUMNS, NL_SHORTAGE_COLUMN, NL_SURPLUS_COLUMN, tableFromRows, type CsvTable } from './table/csvTable';
export { seriesFromTable, type SeriesReadResult, type SeriesReadOptions } from './table/seriesFromTable';
export { formatSeriesCsv, type SeriesRows, type WriteSeriesOptions } from './table/formatSeriesCsv';
export { capIssues } from './table/capIssues';
export { numberFromBytes, type NumberBytesOut } from './table/canonicalCells';
export {
  type MarketAdapter,
  type MarketAssumption,
  type ReserveProduct,
  type ReserveProductId,
  type ImbalanceSettlementRule,
} from './adapters/marketAdapter';
export { BELGIUM } from './adapters/belgium';
export { NETHERLANDS } from './adapters/netherlands';
export { marketAdapter, marketAdapters, adapterForZone } from './adapters/registry';
export { publicationRules, activeAssumptions, gateLocal, type PublicationOverrides } from './adapters/publicationRules';
export { imbalanceRevenueEur, imbalancePricesAt, type ImbalancePrices } from './adapters/imbalanceSettlement';
export {
  reportIssues,
  type DataValidationInput,
  type DataValidationReport,
  type MarketData,
  type SeriesValidation,
} from './validation/dataValidationReport';
export { normalizeTable, type NormalizeTableOptions, type NormalizeResult } from './normalize/normalizeTable';
export { fillGaps, type FillMethod, type FillOption, type FilledInstant } from './normalize/fillGaps';
export { parseCsvText } from './io/csvText';
export { readSeriesFile } from './io/readSeriesFile';
export { writeSeriesCsv } from './io/writeSeriesCsv';
export { validateData, loadMarketData, readMarketData } from './io/validateData';
export { normalizeCsv, type NormalizeOptions } from './io/normalizeCsv';
