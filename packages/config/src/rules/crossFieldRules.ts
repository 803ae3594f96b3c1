import type { CrossFieldRule } from './defineRule';
import {
  csvProviderPaths,
  customModuleFields,
  riskNeedsScenarios,
  riskWeightHasEffect,
  scenarioIdOnlyForPointCsv,
  supportedCapability,
} from './forecastRules';
import { capacityPriceAfterGate, localTimesExist, marketTimezoneMatches, reserveGatesBeforeDayAhead } from './marketRules';
import { rainflowHasCost, referenceProfileOverrides, terminalTargetExists } from './modelRules';
import { checkpointsLeaveAWindow } from './revisionRules';
import { revisionBlockMatchesWorkflow, uniqueAssetIds } from './structureRules';
import { unusedReserveBlocks, workflowInputs } from './workflowInputRules';

/**
 * Every cross-field rule, in the reference's order (1-11; its rules 4 and 5 are dropped
 * because portfolio da_plus_imbalance is supported, and rule 1 lives in the assets
 * schema) followed by euroflex's own.
 */
export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  uniqueAssetIds,
  revisionBlockMatchesWorkflow,
  supportedCapability,
  scenarioIdOnlyForPointCsv,
  riskNeedsScenarios,
  riskWeightHasEffect,
  workflowInputs,
  csvProviderPaths,
  customModuleFields,
  marketTimezoneMatches,
  capacityPriceAfterGate,
  localTimesExist,
  reserveGatesBeforeDayAhead,
  referenceProfileOverrides,
  terminalTargetExists,
  rainflowHasCost,
  checkpointsLeaveAWindow,
  unusedReserveBlocks,
];
