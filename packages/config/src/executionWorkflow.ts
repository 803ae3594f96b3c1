import type { EuroflexConfig } from './schema/configShape';
import type { BaseWorkflow, RunScope } from './vocabulary';

type WorkflowPart = Pick<EuroflexConfig, 'workflow' | 'revision'>;

/**
 * The workflow whose logic runs: `revision.base_workflow` for `schedule_revision`, else
 * `workflow`. Undefined when `schedule_revision` has no revision block (an invalid config).
 */
export function findExecutionWorkflow(config: WorkflowPart): BaseWorkflow | undefined {
  return config.workflow === 'schedule_revision' ? config.revision?.base_workflow : config.workflow;
}

/** The workflow whose logic runs: `revision.base_workflow` for `schedule_revision`, else `workflow`. */
export function executionWorkflow(config: WorkflowPart): BaseWorkflow {
  const workflow = findExecutionWorkflow(config);
  if (workflow === undefined) {
    throw new Error('schedule_revision needs a revision block; validate the config with parseConfig first');
  }
  return workflow;
}

/** `single_asset` for exactly one asset, else `portfolio`. */
export function runScope(config: Pick<EuroflexConfig, 'assets'>): RunScope {
  return config.assets.length === 1 ? 'single_asset' : 'portfolio';
}
