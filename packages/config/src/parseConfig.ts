import * as path from 'node:path';
import type { LabIssue } from './issues';
import { aliasWarnings } from './parse/aliasWarnings';
import { toLabIssues } from './parse/zodIssues';
import { resolveConfigPaths } from './resolveConfigPaths';
import { CROSS_FIELD_RULES } from './rules/crossFieldRules';
import { runRules } from './rules/defineRule';
import {
  CONFIG_BLOCK_KEYS,
  configObjectSchema,
  configShape,
  type ConfigBlockKey,
  type EuroflexConfig,
} from './schema/configShape';

/** Outcome of parseConfig: a config, or every issue found. Warnings never block. */
export type ParseResult =
  | { readonly ok: true; readonly config: EuroflexConfig; readonly warnings: LabIssue[] }
  | { readonly ok: false; readonly issues: LabIssue[]; readonly warnings: LabIssue[] };

export interface ParseConfigOptions {
  /**
   * Absolute folder that relative paths resolve against. Defaults to the folder of an
   * absolute `file`; without either, paths stay as written.
   */
  readonly baseDir?: string;
  /** The config file, when there is one. */
  readonly file?: string;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parse each block that has no field issue on its own, so rules can run on the valid parts. */
function validBlocks(raw: Record<string, unknown>, issues: readonly { path: PropertyKey[] }[]) {
  const broken = new Set(issues.filter((issue) => issue.path.length > 0).map((issue) => String(issue.path[0])));
  const config: Partial<Record<ConfigBlockKey, unknown>> = {};
  const valid = new Set<ConfigBlockKey>();
  for (const key of CONFIG_BLOCK_KEYS) {
    if (broken.has(key)) {
      continue;
    }
    const parsed = configShape[key].safeParse(raw[key]);
    if (parsed.success) {
      config[key] = parsed.data;
      valid.add(key);
    }
  }
  return { config: config as Partial<EuroflexConfig>, valid };
}

/**
 * Validate a config object (as loaded from YAML or JSON) against schema v4: field checks,
 * block rules and cross-field rules, all reported at once as LabIssues with dotted
 * paths. Pure: no file access; relative paths are resolved only when a base folder is known.
 */
export function parseConfig(raw: unknown, options: ParseConfigOptions = {}): ParseResult {
  if (!isMapping(raw)) {
    const issue = {
      path: '',
      code: 'invalid_type',
      message: 'The config must be a mapping of blocks (schema_version, run_name, market, ...) at the top level',
    };
    return { ok: false, issues: [issue], warnings: [] };
  }
  const warnings = aliasWarnings(raw);
  const parsed = configObjectSchema.safeParse(raw, { reportInput: true });
  const fieldIssues = parsed.success ? [] : toLabIssues(parsed.error.issues, configObjectSchema, raw);
  const partial = parsed.success
    ? { config: parsed.data, valid: new Set(CONFIG_BLOCK_KEYS) }
    : validBlocks(raw, parsed.error.issues);
  const providerName = isMapping(raw.forecast_provider) ? raw.forecast_provider.name : undefined;
  const findings = runRules(CROSS_FIELD_RULES, partial.config, partial.valid, {
    providerNameAsWritten: typeof providerName === 'string' ? providerName : undefined,
  });
  const issues = [...fieldIssues, ...findings.issues];
  const allWarnings = [...warnings, ...findings.warnings];
  if (!parsed.success || issues.length > 0) {
    return { ok: false, issues, warnings: allWarnings };
  }
  const fileDir = options.file !== undefined && path.isAbsolute(options.file) ? path.dirname(options.file) : undefined;
  const baseDir = options.baseDir ?? fileDir;
  const config = baseDir === undefined ? parsed.data : resolveConfigPaths(parsed.data, baseDir);
  return { ok: true, config, warnings: allWarnings };
}
