import type { ScoreValues } from '@ca/shared';
import { DomainError } from '../../common/errors/domain-error';

export interface ScaleCriterion {
  id: string;
  name: string;
  min: number;
  max: number;
}

/**
 * What is wrong with a sheet's values against the edition's criteria: every criterion required,
 * no other key, each value within its criterion's scale. One message per problem, each naming its
 * field (`values.<criterionId>`); empty when the values are fine.
 */
export function valueProblems(criteria: readonly ScaleCriterion[], values: ScoreValues): string[] {
  const problems: string[] = [];
  const known = new Set(criteria.map((c) => c.id));
  for (const c of criteria) {
    const v = values[c.id];
    if (v === undefined) problems.push(`values.${c.id}: required (criterion "${c.name}")`);
    else if (v < c.min || v > c.max)
      problems.push(`values.${c.id}: must be within ${c.min}–${c.max} (criterion "${c.name}"), not ${v}`);
  }
  for (const k of Object.keys(values))
    if (!known.has(k)) problems.push(`values.${k}: not a criterion of this edition`);
  return problems;
}

/** 400 VALIDATION_FAILED naming every field at fault (up to five). */
export function assertValues(criteria: readonly ScaleCriterion[], values: ScoreValues): void {
  const problems = valueProblems(criteria, values);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems.slice(0, 5).join('; '));
}

/** Whether two sheets' values are the same (a save that would change nothing). */
export function sameValues(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}
