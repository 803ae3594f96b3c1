export {};
export { readRunDirectory, RUN_TABLE_NAMES, type RunDirectory, type RunSummaryFile, type RunTableName } from './io/readRunDirectory';
export { readRunCsv, parseRunCsv, type RunTable } from './io/readRunCsv';
export { assetBandsOf, type RunAssetBand } from './io/readRunAssets';
