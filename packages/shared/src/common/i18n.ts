import { z } from 'zod';

/** The languages the product speaks. English is the fallback of last resort. */
export const LanguageSchema = z.enum(['en', 'ro']);
export type Language = z.infer<typeof LanguageSchema>;
export const LANGUAGES: readonly Language[] = LanguageSchema.options;

/**
 * A text written by organizers in both languages; either may be empty. Fields that carry one sit
 * beside the plain string field they translate (`name` + `nameI18n`): the plain field stays a string
 * (the text in the reader's language) so that existing clients keep working.
 */
export const LocalizedTextSchema = z.object({ en: z.string(), ro: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Write bodies may give either language or both; a missing one is stored empty. */
export const LocalizedTextInputSchema = z.strictObject({
  en: z.string().max(20_000).optional(),
  ro: z.string().max(20_000).optional(),
});
export type LocalizedTextInput = z.infer<typeof LocalizedTextInputSchema>;

/** The text in `lang`, or in the other language where that one is empty. */
export function localize(text: LocalizedText, lang: Language): string {
  const other: Language = lang === 'en' ? 'ro' : 'en';
  return text[lang].trim() !== '' ? text[lang] : text[other];
}

/**
 * The preferred supported language of an `Accept-Language` header (`ro-RO,ro;q=0.9,en;q=0.8`),
 * honouring q-values; `fallback` when the header is absent or names no supported language.
 */
export function pickLanguage(header: string | null | undefined, fallback: Language = 'en'): Language {
  if (!header) return fallback;
  let best: { lang: Language; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const base = tag.trim().toLowerCase().split('-')[0];
    if (base !== 'en' && base !== 'ro') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: base, q };
  }
  return best?.lang ?? fallback;
}
