import { z } from 'zod';

/** Strip wrappers that do not change an object's keys: optional, nullable, defaults, pipes. */
function unwrap(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault
  ) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) {
    return unwrap(schema.in as z.ZodType);
  }
  return schema;
}

/** The schema that validates the value at `path` below `root`, or undefined if none does. */
export function schemaAtPath(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  for (const segment of path) {
    if (schema instanceof z.ZodObject && typeof segment === 'string') {
      const shape = schema.shape as Record<string, z.ZodType>;
      schema = segment in shape ? unwrap(shape[segment]) : undefined;
    } else if (schema instanceof z.ZodArray) {
      schema = unwrap(schema.element as z.ZodType);
    } else if (schema instanceof z.ZodRecord) {
      schema = unwrap(schema.valueType as z.ZodType);
    } else {
      return undefined;
    }
  }
  return schema;
}

/** The keys an object schema at `path` accepts (empty when it is not an object). */
export function knownKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  const schema = schemaAtPath(root, path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
}
