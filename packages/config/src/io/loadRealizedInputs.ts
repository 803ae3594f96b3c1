import * as path from 'node:path';
import { ConfigError, type LabIssue } from '../issues';
import { isMapping } from '../parseConfig';
import { toLabIssues } from '../parse/zodIssues';
import { realizedInputsSchema } from '../schema/data';
import type { SeriesName } from '../vocabulary';
import { readConfigText, yamlDocument } from './loadConfig';
import { withLines } from './yamlLines';

/** The realized series a config file names for reconcile, and the block that named them. */
export interface RealizedInputs {
  /** Series name -> absolute file. */
  readonly files: Partial<Record<SeriesName, string>>;
  /** `revision.realized_inputs` or `data`; undefined when the file has neither. */
  readonly field: 'revision.realized_inputs' | 'data' | undefined;
}

/**
 * Read the realized inputs a config file names (docs/reconciliation.md): its
 * `revision.realized_inputs`, else its `data` block, each entry `{actual_path: <file>}` with
 * relative paths resolved against the file's folder. Only that block is checked, so a file
 * holding just `revision.realized_inputs` is enough. A file that is not YAML, is not a
 * mapping, or has a malformed entry is a ConfigError naming the field and its line.
 */
export function loadRealizedInputs(file: string): RealizedInputs {
  const absoluteFile = path.resolve(file);
  const { doc, lines, errors } = yamlDocument(readConfigText(absoluteFile));
  if (errors.length > 0) {
    const fix = 'fix the YAML at that line (REALIZED is a config file naming the series, or a directory of <series>.csv files)';
    throw new ConfigError(errors.map((issue) => ({ ...issue, message: `${issue.message.replace(/:$/, '')}: ${fix}` })), absoluteFile);
  }
  const raw: unknown = doc.toJS();
  if (!isMapping(raw)) {
    const message = 'Expected a YAML or JSON mapping with revision.realized_inputs or data (series name -> {actual_path: <file>})';
    throw new ConfigError([{ path: '', code: 'invalid_type', message }], absoluteFile);
  }
  const revision = isMapping(raw.revision) ? raw.revision : undefined;
  const given = (value: unknown): boolean => value !== null && value !== undefined;
  const field = given(revision?.realized_inputs) ? 'revision.realized_inputs' : given(raw.data) ? 'data' : undefined;
  if (field === undefined) {
    return { files: {}, field };
  }
  const block = field === 'data' ? raw.data : revision?.realized_inputs;
  const parsed = realizedInputsSchema.safeParse(block);
  if (!parsed.success) {
    const issues: LabIssue[] = toLabIssues(parsed.error.issues, realizedInputsSchema, block).map((issue) => ({
      ...issue,
      path: issue.path === '' ? field : `${field}.${issue.path}`,
    }));
    throw new ConfigError(withLines(issues, doc, lines), absoluteFile);
  }
  const files: Partial<Record<SeriesName, string>> = {};
  for (const [name, entry] of Object.entries(parsed.data) as [SeriesName, { actual_path: string } | undefined][]) {
    if (entry !== undefined) {
      files[name] = path.resolve(path.dirname(absoluteFile), entry.actual_path);
    }
  }
  return { files, field };
}
