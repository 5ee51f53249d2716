import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { errorMessage } from './error-message';
import { isApiError } from './http';

/**
 * Form validation with the shared zod schemas, told in the reader's language.
 *
 * The schemas' own messages are English and written for developers ("must be at least 10
 * characters"); people get one translated sentence per issue that names the field by its label
 * ("Password must have at least 10 characters"), chosen by the zod issue's code and bounds.
 */

type Path = readonly PropertyKey[];
export type FieldLabel = (path: Path) => string;
export type FormErrors = Record<string, string>;

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  expected?: string;
}

const valueAt = (values: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    values,
  );

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Field names inside the shared schemas' English messages (`a must be before b`). */
const ORDER = /^(\w+) must be (before|at or before) (\w+)$/;
const AT_LEAST_FIELD = /^must be at least (\w+)$/;
const BELOW = /^(\w+) must be below (\w+)$/;
/** A text required in at least one language (`name` or `nameI18n`). */
const ONE_LANGUAGE = /^required \((\w+) or \w+I18n\)$/;

/** One issue as a sentence that names its field. */
export function issueMessage(issue: Issue, values: unknown, label: FieldLabel, t: TFunction): string {
  const field = label(issue.path);
  const named = (key: string) => label([...issue.path.slice(0, -1), key]);
  const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      return isBlank(valueAt(values, issue.path))
        ? t('forms.issue.required', { field })
        : t('forms.issue.invalid', { field });
    case 'too_small':
      if (issue.origin === 'string')
        return n <= 1 ? t('forms.issue.required', { field }) : t('forms.issue.tooShort', { field, count: n });
      if (issue.origin === 'array')
        return n <= 1 ? t('forms.issue.required', { field }) : t('forms.issue.tooFew', { field, count: n });
      return issue.inclusive === false
        ? t('forms.issue.numberAbove', { field, min: n })
        : t('forms.issue.numberMin', { field, min: n });
    case 'too_big':
      if (issue.origin === 'string') return t('forms.issue.tooLong', { field, count: n });
      if (issue.origin === 'array') return t('forms.issue.tooMany', { field, count: n });
      return t('forms.issue.numberMax', { field, max: n });
    case 'invalid_format':
      if (isBlank(valueAt(values, issue.path))) return t('forms.issue.required', { field });
      if (issue.format === 'email') return t('forms.issue.email', { field });
      if (issue.format === 'datetime') return t('forms.issue.dateTime', { field });
      if (issue.format === 'regex' && /lowercase letters/.test(issue.message))
        return t('forms.issue.slug', { field });
      return t('forms.issue.invalid', { field });
    case 'custom': {
      const order = ORDER.exec(issue.message);
      if (order) {
        const [, a = '', op, b = ''] = order;
        // The issue sits on one of the two fields; say it from that field's side.
        if (issue.path[issue.path.length - 1] === a)
          return op === 'before'
            ? t('forms.issue.mustBeBefore', { field: named(a), other: named(b) })
            : t('forms.issue.mustNotBeAfter', { field: named(a), other: named(b) });
        return op === 'before'
          ? t('forms.issue.mustBeAfter', { field: named(b), other: named(a) })
          : t('forms.issue.mustNotBeBefore', { field: named(b), other: named(a) });
      }
      if (ONE_LANGUAGE.test(issue.message)) return t('forms.issue.requiredOneLanguage', { field });
      const atLeast = AT_LEAST_FIELD.exec(issue.message);
      if (atLeast) return t('forms.issue.atLeastField', { field, other: named(atLeast[1] ?? '') });
      const below = BELOW.exec(issue.message);
      if (below) return t('forms.issue.aboveField', { field, other: named(below[1] ?? '') });
      if (/at most \d+ different/.test(issue.message)) {
        const count = Number(/\d+/.exec(issue.message)?.[0]);
        return t('forms.issue.tooMany', { field, count });
      }
      return t('forms.issue.invalid', { field });
    }
    default:
      return t('forms.issue.invalid', { field });
  }
}

/** Mantine form errors (`{ 'criteria.0.name': '…' }`) for every issue, the first per field. */
export function issuesToErrors(
  issues: readonly Issue[],
  values: unknown,
  label: FieldLabel,
  t: TFunction,
  prefix = '',
): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    // An issue about one element of a list of values (a skill) belongs to the list's field.
    let end = issue.path.length;
    while (end > 0 && typeof issue.path[end - 1] === 'number') end -= 1;
    const path = end > 0 ? issue.path.slice(0, end) : issue.path;
    const key = [prefix, ...path.map(String)].filter((k) => k !== '').join('.');
    if (!(key in errors)) errors[key] = issueMessage({ ...issue, path }, values, label, t);
  }
  return errors;
}

/**
 * A Mantine `validate` function: `toBody` turns the form values into the request body (the
 * shape the schema checks), and each issue lands on the form field of the same path.
 */
export function zodValidate<Values, S extends z.ZodType>(
  schema: S,
  options: { label: FieldLabel; t: TFunction; toBody?: (values: Values) => unknown; prefix?: string },
): (values: Values) => FormErrors {
  return (values) => {
    const body = options.toBody ? options.toBody(values) : values;
    const result = schema.safeParse(body);
    if (result.success) return {};
    return issuesToErrors(result.error.issues as Issue[], body, options.label, options.t, options.prefix);
  };
}

/**
 * Labels by the last key of the path, from a table of translated labels. One language of a
 * bilingual text (`['nameI18n', 'ro']`) is named by its field and language: "Name (Romanian)".
 */
export const labelsFrom =
  (labels: Record<string, string>, languageNames?: Record<string, string>): FieldLabel =>
  (path) => {
    const key = String(path[path.length - 1] ?? '');
    const parent = String(path[path.length - 2] ?? '');
    if (parent.endsWith('I18n') && languageNames?.[key]) {
      const base = parent.slice(0, -'I18n'.length);
      return `${labels[base] ?? base} (${languageNames[key]})`;
    }
    return labels[key] ?? key;
  };

/**
 * The field an API error is about, when the API named one: its messages start with the field
 * (`name: …`, `slug: "x" is already used`), and a few codes always concern one field of a form.
 */
export function apiErrorField(error: unknown, byCode: Record<string, string> = {}): string | undefined {
  if (!isApiError(error)) return undefined;
  const fixed = byCode[error.code];
  if (fixed) return fixed;
  const match = /^([A-Za-z][\w.]*):/.exec(error.message);
  return match?.[1];
}

/** The subset of a Mantine form that `showApiFieldError` needs. */
interface ErrorTarget {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Marks the field an API error is about (when the API named one the form has), so that the
 * message under it names it; the translated message of the code is shown by `FormError`.
 */
export function showApiFieldError(
  form: ErrorTarget,
  error: unknown,
  options: { labels: Record<string, string>; t: TFunction; byCode?: Record<string, string> },
): void {
  const field = apiErrorField(error, options.byCode);
  if (!field) return;
  const key = field.split('.').pop() ?? field;
  const label = options.labels[key];
  if (!label) return;
  // A specific code (EMAIL_TAKEN, NAME_TAKEN) says it all; a rejected value gets a sentence naming it.
  const generic = isApiError(error) && error.code === 'VALIDATION_FAILED';
  form.setFieldError(
    field,
    generic ? options.t('forms.apiField', { field: label }) : errorMessage(error, options.t),
  );
}
