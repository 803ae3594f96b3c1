import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { knownKeysAt, schemaAtPath } from './parse/schemaAtPath';
import { configObjectSchema } from './schema/configShape';

/** Every key of every block, at any depth (list items and mapping values included). */
function allKeys(schema: z.ZodType, prefix: PropertyKey[] = []): string[] {
  const node = schemaAtPath(schema, prefix);
  if (node instanceof z.ZodArray) {
    return allKeys(schema, [...prefix, 0]);
  }
  return knownKeysAt(schema, prefix).flatMap((key) => [key, ...allKeys(schema, [...prefix, key])]);
}

describe('docs/config.md', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/config.md'), 'utf8');

  it('documents every field of the schema', () => {
    const keys = [...new Set(allKeys(configObjectSchema))];
    expect(keys.length).toBeGreaterThan(80);
    // A key counts as documented when it ends a code span, alone or as the last part of a path.
    const documented = (key: string): boolean => new RegExp(`\`[^\`\\n]*\\b${key}\``).test(doc);
    expect(keys.filter((key) => !documented(key))).toEqual([]);
  });
});
