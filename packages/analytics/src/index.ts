export {};
export { readRunDirectory, RUN_TABLE_NAMES, type ReadRunOptions, type RunDirectory, type RunSummaryFile, type RunTableName } from './io/readRunDirectory';
export { readRunCsv, parseRunCsv, type RunTable } from '@euroflex/backtesting';
export { runTableOf } from './io/runTableOf';
export { assetBandsOf, type RunAssetBand } from './io/readRunAssets';
export { rainflowStats, addRainflowStats, emptyRainflowStats, DEFAULT_DEPTH_BINS, type RainflowStats } from './rainflow/rainflowStats';
export { rainflowSummary, type RainflowSummary, type RainflowAssetInput, type AssetRainflow, type RainflowDay } from './rainflow/rainflowSummary';
export { rainflowOfRun, assetRowBlocks, type AssetRows } from './rainflow/rainflowOfRun';
export { buildRunReport, type RunReport, type ReportOptions, type DetailWindow } from './report/buildRunReport';
export { renderReportHtml } from './report/renderReportHtml';
export { renderSummaryMarkdown } from './report/renderSummaryMarkdown';
export { REPORT_TABLE_NAMES, writeReport, type WriteReportOptions, type WrittenReport } from './io/writeReport';
export {
  EXPORT_PROFILES,
  EXPORT_KINDS,
  EXPORT_PROFILE_NAMES,
  profilesOf,
  type ExportKind,
  type ExportProfileName,
  type ExportProfileSpec,
  type ExportFileSpec,
} from './exports/exportProfiles';
export { buildExport, profileSpec, type ExportBundle, type ExportManifest, type ExportOptions } from './exports/buildExport';
export { payloadJson, type ExportFile } from './exports/serializePayload';
export { SUBMISSION_TOLERANCE, type SubmissionCheck } from './exports/submissionChecks';
export { exportSchedule, exportBids, exportRevision, type ExportRunOptions } from './io/exportRun';
export { writeExportBundle, type ExportResult } from './io/writeExportBundle';
export { compareRuns, type Comparison, type ComparisonGroup, type ComparisonCell, type ComparedRun, type CompareOptions } from './compare/compareRuns';
export { portfolioUplifts, type PortfolioUplift, type ExcludedSingleRun } from './compare/portfolioUplift';
export { comparisonCsv, comparisonGroupsCsv, renderComparisonMarkdown } from './compare/renderComparison';
export { writeComparison, defaultComparisonDir, type WriteComparisonOptions, type WrittenComparison } from './io/writeComparison';
export { nodeCheck, solverCheck, credentialChecks, formatDoctorTable, tinyLp, MIN_NODE_MAJOR, type DoctorCheck, type DoctorStatus } from './doctor/doctorChecks';
export { runDoctor, EUROFLEX_PACKAGES, type DoctorOptions, type DoctorReport } from './io/runDoctor';
export { formatNumber } from './report/svg/format';
