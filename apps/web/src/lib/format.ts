import { INTL_LOCALE, useLanguage, type Language } from './i18n';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[language], options);
    cache.set(key, f);
  }
  return f;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** An instant in the reader's time zone, with the zone named (jurors and teams may travel). */
export const formatDateTime = (iso: string, language: Language) =>
  formatter(language, DATE_TIME).format(new Date(iso));
export const formatDate = (iso: string, language: Language) =>
  formatter(language, DATE).format(new Date(iso));
export const formatTime = (iso: string, language: Language) =>
  formatter(language, TIME).format(new Date(iso));

/** Formatters bound to the current UI language; components re-render when it changes. */
export function useFormat() {
  const language = useLanguage();
  return {
    language,
    dateTime: (iso: string) => formatDateTime(iso, language),
    date: (iso: string) => formatDate(iso, language),
    time: (iso: string) => formatTime(iso, language),
  };
}
