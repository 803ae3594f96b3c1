import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
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

/** A YAML document with its line counter, its syntax errors and warnings as issues (with lines). */
export interface YamlDocument {
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly errors: LabIssue[];
  readonly warnings: LabIssue[];
}

/** Parse YAML 1.2 text into a document, keeping lines for issues. */
export function yamlDocument(text: string): YamlDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const toIssue = (code: string) => (error: { message: string; linePos?: [{ line: number }, ...unknown[]] }) => {
    const issue: LabIssue = { path: '', code, message: `YAML: ${firstLine(error.message)}` };
    return error.linePos === undefined ? issue : { ...issue, row: error.linePos[0].line };
  };
  return { doc, lines, errors: doc.errors.map(toIssue('yaml_syntax')), warnings: doc.warnings.map(toIssue('yaml_warning')) };
}

/**
 * Parse config YAML (1.2: `12:00` and `2025-06-17` stay strings) and validate it. Relative
 * paths resolve against the folder of `file`. YAML syntax errors and schema issues carry
 * the line (`row`) they point at.
 */
export function parseConfigText(text: string, file: string): ParseResult {
  const absoluteFile = path.resolve(file);
  const { doc, lines, errors, warnings: yamlWarnings } = yamlDocument(text);
  if (errors.length > 0) {
    return { ok: false, issues: errors, warnings: yamlWarnings };
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

/** The text of a config file; a file that cannot be read is a ConfigError naming it and the reason. */
export function readConfigText(absoluteFile: string): string {
  try {
    return readFileSync(absoluteFile, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const issue = { path: '', code: 'unreadable_file', message: `Cannot read the config file: ${reason}` };
    throw new ConfigError([issue], absoluteFile);
  }
}

/**
 * Read and validate a config file. Throws a ConfigError holding every issue (with line
 * numbers) when the file cannot be read, is not valid YAML, or is not a valid config.
 */
export function loadConfig(file: string): LoadedConfig {
  const absoluteFile = path.resolve(file);
  const result = parseConfigText(readConfigText(absoluteFile), absoluteFile);
  if (!result.ok) {
    throw new ConfigError(result.issues, absoluteFile);
  }
  return { config: result.config, file: absoluteFile, warnings: result.warnings };
}
