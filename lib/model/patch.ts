import { z } from 'zod';

/**
 * A schema for a partial edit of a record. Zod 4 fills defaults even in `.partial()` objects, which
 * would turn "change the industry" into "also reset every defaulted field". Here each field is
 * optional with its default removed, so a patch holds exactly the keys the sender set, and a key
 * the record does not have is refused.
 */
export function patchSchema<Shape extends z.ZodRawShape>(object: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(object.shape) as Array<[string, z.ZodType]>) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  return z.strictObject(shape) as unknown as z.ZodType<Partial<z.input<z.ZodObject<Shape>>>>;
}
