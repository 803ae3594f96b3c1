import { hhmmToMinutes } from '../schema/formats';
import { defineRule } from './defineRule';

const MINUTES_PER_DAY = 1440;
const INTERVAL_MINUTES = 15;

/**
 * A checkpoint revises from the first interval starting at or after it plus
 * `execution_lock_intervals`; a checkpoint so late that this lies past midnight revises
 * nothing (the reference skipped it silently).
 */
export const checkpointsLeaveAWindow = defineRule('checkpoint_window', ['revision', 'timing'], (config, report) => {
  if (config.revision === null) {
    return;
  }
  const lockIntervals = config.timing.execution_lock_intervals;
  config.revision.revision_checkpoints_local.forEach((checkpoint, index) => {
    const firstInterval = Math.ceil(hhmmToMinutes(checkpoint) / INTERVAL_MINUTES);
    if ((firstInterval + lockIntervals) * INTERVAL_MINUTES >= MINUTES_PER_DAY) {
      report.warn(
        `revision.revision_checkpoints_local.${index}`,
        'checkpoint_no_window',
        `revision checkpoint ${checkpoint} revises nothing: with execution_lock_intervals=${lockIntervals} its first revisable interval starts after the end of the delivery day`,
      );
    }
  });
});
