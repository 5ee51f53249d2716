import { z } from 'zod';

export const IdSchema = z.uuid();
/** ISO-8601 instant; an offset is required so that no time is read in a local zone by accident. */
export const InstantSchema = z.iso.datetime({ offset: true });
export const SlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes');
export const NameSchema = z.string().trim().min(1).max(200);
export const LongTextSchema = z.string().max(20_000);

export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
