import { INTL_LOCALE, type Language } from '../../lib/i18n';

const cache = new Map<Language, Intl.NumberFormat>();
/** Scores are shown with 2 decimals (rule 6); the API keeps full precision. */
export function formatScore(score: number | null, language: Language): string {
  if (score === null) return '—';
  let f = cache.get(language);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    cache.set(language, f);
  }
  return f.format(score);
}
