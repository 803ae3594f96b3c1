import type { Table } from '@euroflex/backtesting';
import type { ExportFileSpec } from './exportProfiles';
import { PayloadColumns } from './payloadColumns';
import type { SubmissionCheck } from './submissionChecks';

/** `validation_report`: one row per submission check, in the order they ran. */
export function validationReport(checks: readonly SubmissionCheck[], spec: ExportFileSpec): Table {
  return new PayloadColumns(checks.length)
    .text('check', checks.map((c) => c.check))
    .text('description', checks.map((c) => c.description))
    .text('status', checks.map((c) => c.status))
    .integers('violation_count', checks.map((c) => c.violationCount))
    .text('first_violation', checks.map((c) => (c.firstViolation === '' ? null : c.firstViolation)))
    .cut(spec);
}
