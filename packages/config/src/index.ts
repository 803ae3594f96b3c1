export * from './vocabulary';
export * from './issues';
export { MARKET_TIMEZONES, MARKET_LABELS, marketTimezone } from './marketTimezones';
export {
  configShape,
  configObjectSchema,
  CONFIG_BLOCK_KEYS,
  SCHEMA_VERSION,
  type ConfigBlockKey,
  type EuroflexConfig,
  type EuroflexConfigInput,
} from './schema/configShape';
export { configSchema } from './configSchema';
export { marketSchema, publicationLagsSchema, marketGatesSchema, type MarketConfig } from './schema/market';
export { timingSchema, type TimingConfig } from './schema/timing';
export { siteSchema, type SiteConfig } from './schema/site';
export { assetSchema, assetsSchema, type AssetConfig } from './schema/asset';
export { batterySchema, type BatteryConfig } from './schema/battery';
export {
  availabilitySchema,
  outageSchema,
  type AvailabilityConfig,
  type OutageConfig,
} from './schema/availability';
export { degradationSchema, DEGRADATION_MODES, type DegradationConfig } from './schema/degradation';
export { riskSchema, RISK_MODES, tailMassFromReferenceAlpha, type RiskConfig, type RiskMode } from './schema/risk';
export {
  dataSchema,
  realizedInputsSchema,
  seriesInputSchema,
  type DataConfig,
  type RealizedInputsConfig,
  type SeriesInputConfig,
} from './schema/data';
export {
  forecastProviderSchema,
  FORECAST_PATH_KEYS,
  PROVIDER_NAME_INPUTS,
  type ForecastPathKey,
  type ForecastProviderConfig,
} from './schema/forecastProvider';
export { fcrSchema, type FcrConfig } from './schema/fcr';
export { afrrSchema, type AfrrConfig } from './schema/afrr';
export { VALID_BLOCK_MINUTES } from './schema/reserveFields';
export { revisionSchema, type RevisionConfig } from './schema/revision';
export { artifactsSchema, type ArtifactsConfig } from './schema/artifacts';
export {
  modelSchema,
  MODEL_SWITCH_NAMES,
  MODEL_SWITCH_VALUES,
  type ModelConfig,
  type ModelSwitchName,
} from './schema/model';
export {
  solverSchema,
  DEFAULT_MIP_REL_GAP,
  DEFAULT_TIME_LIMIT_SECONDS,
  type SolverConfig,
} from './schema/solver';
export {
  SAFE_RUN_NAME,
  HHMM_PATTERN,
  isHhmm,
  hhmmToMinutes,
  isIsoDate,
  offsetDateTimeMs,
} from './schema/formats';
export { parseConfig, type ParseConfigOptions, type ParseResult } from './parseConfig';
export { loadConfig, parseConfigText, type LoadedConfig } from './io/loadConfig';
export { loadRealizedInputs, type RealizedInputs } from './io/loadRealizedInputs';
export { parseYamlOnce, type YamlSource } from './io/parseYamlOnce';
export { makeDirectory, nearestFolder } from './io/makeDirectory';
export { fileErrorHint, isUserFileError } from './io/fileErrorHint';
export { resolveConfigPaths, isPathLikeKey } from './resolveConfigPaths';
export { resolveModel, type ResolvedModel } from './resolveModel';
export { executionWorkflow, findExecutionWorkflow, runScope } from './executionWorkflow';
export { reserveProductOf, workflowSeries } from './workflowSeries';
export {
  capabilityRows,
  CAPABILITY_RULES,
  CAPABILITY_WORKFLOWS,
  capabilityOf,
  capabilityRuleOf,
  capabilityWorkflow,
  isAuditableProvider,
  splitCapabilityWorkflow,
  type Capability,
  type CapabilityKey,
  type CapabilityRow,
  type CapabilityRule,
  type CapabilityTier,
  type CapabilityWorkflow,
} from './capabilities';
export { renderCapabilitiesMarkdown } from './renderCapabilitiesMarkdown';
export { configJsonSchema } from './configJsonSchema';
export { editDistance, closestMatch } from './parse/suggest';
