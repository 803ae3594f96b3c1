import type { z } from 'zod';
import type { LabIssue } from '../issues';
import { fmt } from '../schema/formats';
import { closestMatch } from './suggest';
import { knownKeysAt } from './schemaAtPath';

type ZodIssue = z.core.$ZodIssue;

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  record: 'a mapping (key: value)',
  null: 'null',
};

/** Custom messages written in the schemas win over generated ones. */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too small|Too big|Unrecognized key)/.test(message);
}

function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** True when the key at the end of `path` is absent from its parent in `raw`. */
function isMissing(raw: unknown, path: readonly PropertyKey[]): boolean {
  let parent: unknown = raw;
  for (const segment of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') {
      return false;
    }
    parent = (parent as Record<PropertyKey, unknown>)[segment];
  }
  const last = path[path.length - 1];
  return parent !== null && typeof parent === 'object' && last !== undefined && !(last in parent);
}

function comparison(inclusive: boolean | undefined, upper: boolean): string {
  if (upper) {
    return inclusive === false ? '<' : '<=';
  }
  return inclusive === false ? '>' : '>=';
}

function unknownKeyMessage(key: string, parentPath: readonly PropertyKey[], root: z.ZodType): string {
  const topLevelKeys = knownKeysAt(root, []);
  if (parentPath.length === 0 && key === 'battery') {
    return 'Unknown key `battery`: schema v4 has no top-level battery block (that was v3); move it under assets[0].battery and add assets[0].id and a site block';
  }
  if (parentPath.length > 0 && topLevelKeys.includes(key)) {
    return `Unknown key \`${key}\` here: ${key} is a top-level block; check its indentation`;
  }
  const suggestion = closestMatch(key, knownKeysAt(root, parentPath));
  return suggestion === undefined
    ? `Unknown key \`${key}\`; remove it (keys are listed in docs/config.md)`
    : `Unknown key \`${key}\`; did you mean \`${suggestion}\`?`;
}

function convertOne(issue: ZodIssue, root: z.ZodType, raw: unknown): LabIssue[] {
  const path = issue.path.map(String).join('.');
  const custom = !isDefaultMessage(issue.message);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...issue.path, key].map(String).join('.'),
        code: 'unrecognized_key',
        message: unknownKeyMessage(key, issue.path, root),
      }));
    case 'invalid_type':
    case 'invalid_value': {
      if (isMissing(raw, issue.path)) {
        const expected =
          issue.code === 'invalid_type'
            ? (EXPECTED_WORDS[issue.expected] ?? issue.expected)
            : `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
        return [{ path, code: 'required', message: `Field required: ${path} is missing (expected ${expected})` }];
      }
      if (custom) {
        return [{ path, code: issue.code, message: issue.message }];
      }
      if (issue.code === 'invalid_type') {
        const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
        return [{ path, code: 'invalid_type', message: `Expected ${expected}, got ${describeValue(issue.input)}` }];
      }
      if (issue.values.length === 1) {
        return [{ path, code: 'invalid_value', message: `Input should be ${JSON.stringify(issue.values[0])}` }];
      }
      const options = issue.values.map(String);
      const suggestion = closestMatch(String(issue.input), options);
      const hint = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
      return [
        {
          path,
          code: 'invalid_value',
          message: `Invalid value ${describeValue(issue.input)}: expected one of ${options.join(', ')}${hint}`,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      if (custom) {
        return [{ path, code: issue.code, message: issue.message }];
      }
      const upper = issue.code === 'too_big';
      const bound = upper ? issue.maximum : issue.minimum;
      if (issue.origin === 'array') {
        return [{ path, code: issue.code, message: `Must contain ${upper ? 'at most' : 'at least'} ${bound} item(s)` }];
      }
      if (issue.origin === 'string') {
        const message = upper ? `Must be at most ${bound} characters` : 'Must not be empty';
        return [{ path, code: issue.code, message }];
      }
      const got = typeof issue.input === 'number' ? ` (got ${fmt(issue.input)})` : '';
      return [{ path, code: issue.code, message: `Must be ${comparison(issue.inclusive, upper)} ${bound}${got}` }];
    }
    case 'not_multiple_of':
      return [{ path, code: issue.code, message: `Must be a multiple of ${issue.divisor}` }];
    case 'custom': {
      const code: unknown = issue.params?.code;
      return [{ path, code: typeof code === 'string' ? code : 'invalid', message: issue.message }];
    }
    default:
      return [{ path, code: issue.code, message: issue.message }];
  }
}

/** zod issues as LabIssues with dotted paths; `raw` tells a missing field from a wrong one. */
export function toLabIssues(issues: readonly ZodIssue[], root: z.ZodType, raw: unknown): LabIssue[] {
  return issues.flatMap((issue) => convertOne(issue, root, raw));
}
