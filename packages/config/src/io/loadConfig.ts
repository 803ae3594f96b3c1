import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type LabIssue } from '../issues';
import { parseConfig, type ParseResult } from '../parseConfig';
import type { EuroflexConfig } from '../schema/configShape';
import { withLines } from './yamlLines';

/** A validated config with its paths resolved, the absolute file it came from, and non-fatal warnings. */
export interface LoadedConfig {
  readonly config: EuroflexConfig;
  readonly file: string;
  readonly warnings: LabIssue[];
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/**
 * Parse config YAML (1.2: `12:00` and `2025-06-17` stay strings) and validate it. Relative
 * paths resolve against the folder of `file`. YAML syntax errors and schema issues carry
 * the line (`row`) they point at.
 */
export function parseConfigText(text: string, file: string): ParseResult {
  const absoluteFile = path.resolve(file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const toIssue = (code: string) => (error: { message: string; linePos?: [{ line: number }, ...unknown[]] }) => {
    const issue: LabIssue = { path: '', code, message: `YAML: ${firstLine(error.message)}` };
    return error.linePos === undefined ? issue : { ...issue, row: error.linePos[0].line };
  };
  const yamlWarnings = doc.warnings.map(toIssue('yaml_warning'));
  if (doc.errors.length > 0) {
    return { ok: false, issues: doc.errors.map(toIssue('yaml_syntax')), warnings: yamlWarnings };
  }
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    const message = 'The config file is empty: start from an example in examples/';
    const issue = { path: '', code: 'empty_config', message };
    return { ok: false, issues: [issue], warnings: yamlWarnings };
  }
  const result = parseConfig(raw, { baseDir: path.dirname(absoluteFile), file: absoluteFile });
  const warnings = [...yamlWarnings, ...withLines(result.warnings, doc, lines)];
  return result.ok
    ? { ...result, warnings }
    : { ok: false, issues: withLines(result.issues, doc, lines), warnings };
}

/**
 * Read and validate a config file. Throws a ConfigError holding every issue (with line
 * numbers) when the file cannot be read, is not valid YAML, or is not a valid config.
 */
export function loadConfig(file: string): LoadedConfig {
  const absoluteFile = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absoluteFile, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const issue = { path: '', code: 'unreadable_file', message: `Cannot read the config file: ${reason}` };
    throw new ConfigError([issue], absoluteFile);
  }
  const result = parseConfigText(text, absoluteFile);
  if (!result.ok) {
    throw new ConfigError(result.issues, absoluteFile);
  }
  return { config: result.config, file: absoluteFile, warnings: result.warnings };
}
