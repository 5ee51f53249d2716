import type { Language, LocalizedText } from '@ca/shared';
import { validationFailed } from '../../common/errors/domain-error';

/**
 * Texts written in two languages. The entities keep each text's English version in the column
 * that existed before (`name`) and the Romanian one beside it (`nameRo`); responses carry the
 * plain field in the reader's language and `…I18n` with both (shared `localize`).
 */

export const EMPTY_TEXT: LocalizedText = { en: '', ro: '' };

export const textOf = (en: string | null | undefined, ro: string | null | undefined): LocalizedText => ({
  en: en ?? '',
  ro: ro ?? '',
});

export const sameText = (a: LocalizedText, b: LocalizedText) => a.en === b.en && a.ro === b.ro;

export const isBlank = (t: LocalizedText) => t.en.trim() === '' && t.ro.trim() === '';

/**
 * The text after a write, or undefined when the body names neither form of the field. `plain`
 * (old clients) sets the request's language, `i18n` every language it names and wins over
 * `plain`; a language named by neither keeps `current` (empty when creating). With `nullable`,
 * a plain `null` or `''` (the old "no sponsor") clears both languages.
 */
export function mergeText(
  current: LocalizedText | null,
  plain: string | null | undefined,
  i18n: { en?: string; ro?: string } | undefined,
  lang: Language,
  opts: { nullable?: boolean } = {},
): LocalizedText | undefined {
  if (plain === undefined && i18n === undefined) return undefined;
  let out: LocalizedText = { ...(current ?? EMPTY_TEXT) };
  if (plain !== undefined) {
    if (opts.nullable && (plain === null || plain.trim() === '')) out = { ...EMPTY_TEXT };
    else out[lang] = plain ?? '';
  }
  if (i18n?.en !== undefined) out.en = i18n.en;
  if (i18n?.ro !== undefined) out.ro = i18n.ro;
  return out;
}

/** 400 naming the field when a required text ends up empty in both languages. */
export function assertWritten(field: string, text: LocalizedText | undefined): void {
  if (text && isBlank(text)) throw validationFailed(field, 'required in at least one language (en or ro)');
}
