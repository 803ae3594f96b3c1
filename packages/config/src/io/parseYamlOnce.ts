import { parse } from 'yaml';

const MAX_TEXTS = 4;
const parsed = new Map<string, unknown>();

/**
 * `parse` of the yaml package, answering a text it has parsed recently from memory (a
 * structured clone, so callers may keep or change what they get). The YAML parser needs
 * 10-30 ms for a run's 3 KB config_snapshot.yaml, which the report, reconcile and the
 * export of one `euroflex pipeline` each read.
 */
export function parseYamlOnce(text: string): unknown {
  if (!parsed.has(text)) {
    if (parsed.size >= MAX_TEXTS) {
      parsed.delete(parsed.keys().next().value as string);
    }
    parsed.set(text, parse(text));
  }
  return structuredClone(parsed.get(text));
}
