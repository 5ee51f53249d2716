import { z } from 'zod';
import { LocalizedTextInputSchema, LocalizedTextSchema } from '../common/i18n.js';

/**
 * Criteria guidance: what a range of a criterion's scale means ("1–3: idea only, 4–7: working
 * prototype, 8–10: ready for users"), in both languages, shown beside the criterion's control so
 * that jurors read the scale alike. Kept apart from the editions schemas (which use it) so that
 * the judging schemas can import both without a cycle.
 */

/** One level as written: an inclusive range `[from, to]` of the scale and its description. */
export const CriterionLevelInputSchema = z
  .strictObject({
    from: z.number().finite(),
    to: z.number().finite(),
    descriptionI18n: LocalizedTextInputSchema,
  })
  .refine((l) => l.from <= l.to, { message: 'from must be at most to', path: ['to'] })
  .refine((l) => (l.descriptionI18n.en ?? '').trim() !== '' || (l.descriptionI18n.ro ?? '').trim() !== '', {
    message: 'a description in at least one language is required',
    path: ['descriptionI18n'],
  })
  .refine((l) => (l.descriptionI18n.en ?? '').length <= 1000 && (l.descriptionI18n.ro ?? '').length <= 1000, {
    message: 'at most 1000 characters per language',
    path: ['descriptionI18n'],
  });
export type CriterionLevelInput = z.infer<typeof CriterionLevelInputSchema>;

/** A level as answered: `description` in the reader's language (or the other one where empty). */
export const CriterionLevelSchema = z.object({
  from: z.number(),
  to: z.number(),
  description: z.string(),
  descriptionI18n: LocalizedTextSchema,
});
export type CriterionLevel = z.infer<typeof CriterionLevelSchema>;

export interface LevelViolation {
  /** Index of the offending level in the list given. */
  index: number;
  field: 'from' | 'to';
  message: string;
}

/**
 * What is wrong with a criterion's levels: each must lie within the scale `[min, max]`, and no two
 * may overlap (ranges are inclusive, so `1–3` and `3–5` overlap; `1–3` and `4–5` do not). Gaps are
 * allowed. Answers one violation per broken rule, naming the level by its index in `levels`.
 */
export function levelViolations(
  min: number,
  max: number,
  levels: readonly { from: number; to: number }[],
): LevelViolation[] {
  const out: LevelViolation[] = [];
  levels.forEach((l, index) => {
    if (l.from < min || l.from > max)
      out.push({ index, field: 'from', message: `must be within ${min}–${max}` });
    if (l.to < min || l.to > max) out.push({ index, field: 'to', message: `must be within ${min}–${max}` });
  });
  const order = levels.map((l, index) => ({ ...l, index })).sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < order.length; i++) {
    const prev = order[i - 1]!;
    const cur = order[i]!;
    if (cur.from <= prev.to) {
      out.push({
        index: cur.index,
        field: 'from',
        message: `overlaps level ${prev.index} (${prev.from}–${prev.to})`,
      });
    }
  }
  return out;
}
