import { defineRule } from './defineRule';

/** Rule 2 of the reference: asset ids are unique. */
export const uniqueAssetIds = defineRule('unique_asset_ids', ['assets'], ({ assets }, report) => {
  const seen = new Set<string>();
  assets.forEach((asset, index) => {
    if (seen.has(asset.id)) {
      report.error(
        `assets.${index}.id`,
        'duplicate_asset_id',
        `asset ids must be unique: "${asset.id}" is used more than once`,
      );
    }
    seen.add(asset.id);
  });
});

/** Rule 3: `revision` exists exactly when the workflow is `schedule_revision`. */
export const revisionBlockMatchesWorkflow = defineRule(
  'revision_block',
  ['workflow', 'revision'],
  ({ workflow, revision }, report) => {
    if (workflow === 'schedule_revision' && revision === null) {
      report.error(
        'revision',
        'missing_block',
        'revision configuration block is required for schedule_revision: add revision.base_workflow and revision.revision_checkpoints_local',
      );
    }
    if (workflow !== 'schedule_revision' && revision !== null) {
      report.error(
        'revision',
        'unexpected_block',
        `revision configuration block is only valid when workflow is schedule_revision (workflow is ${workflow}); remove it or set workflow: schedule_revision`,
      );
    }
  },
);
