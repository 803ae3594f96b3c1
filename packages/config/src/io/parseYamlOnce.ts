import { parse, YAMLParseError } from 'yaml';
import { DataError } from '../issues';

const MAX_TEXTS = 4;
const parsed = new Map<string, unknown>();

/** Where a text came from, for its syntax error: the file and how to fix it. */
export interface YamlSource {
  readonly file: string;
  /** Appended to the syntax error, e.g. `the run directory is damaged; run euroflex backtest again`. */
  readonly fix: string;
}

/** A YAML syntax error as a DataError naming the file, the line and the fix. */
function syntaxError(error: YAMLParseError, source: YamlSource): DataError {
  const reason = error.message.split('\n')[0].replace(/:$/, '');
  const row = error.linePos?.[0].line;
  const issue = { path: '', code: 'yaml_syntax', message: `not valid YAML (${reason}): ${source.fix}`, file: source.file };
  return new DataError([row === undefined ? issue : { ...issue, row }], source.file);
}

/**
 * `parse` of the yaml package, answering a text it has parsed recently from memory (a
 * structured clone, so callers may keep or change what they get). The YAML parser needs
 * 10-30 ms for a run's 3 KB config_snapshot.yaml, which the report, reconcile and the
 * export of one `euroflex pipeline` each read. With `source`, a syntax error is a DataError
 * naming the file, the line and the fix; without, the parser's error is thrown as it is.
 */
export function parseYamlOnce(text: string, source?: YamlSource): unknown {
  if (!parsed.has(text)) {
    let value: unknown;
    try {
      value = parse(text);
    } catch (error) {
      throw source !== undefined && error instanceof YAMLParseError ? syntaxError(error, source) : error;
    }
    if (parsed.size >= MAX_TEXTS) {
      parsed.delete(parsed.keys().next().value as string);
    }
    parsed.set(text, value);
  }
  return structuredClone(parsed.get(text));
}
