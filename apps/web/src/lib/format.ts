import { i18n, INTL_LOCALE, useLanguage, type Language } from './i18n';

/** The events happen in Romania: deadlines and event dates are shown on its clock. */
export const EVENT_TIME_ZONE = 'Europe/Bucharest';

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
const DEADLINE: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: EVENT_TIME_ZONE,
};
const DATE: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: EVENT_TIME_ZONE,
};
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** An instant in the reader's time zone, with the zone named (when something happened). */
export const formatDateTime = (iso: string, language: Language) =>
  formatter(language, DATE_TIME).format(new Date(iso));
/**
 * A deadline or an event's moment, on Romania's clock whatever the reader's zone, and saying so:
 * `Tue, 1 Dec 2026, 18:00 (Romania time)`, `mar., 1 dec. 2026, 18:00 (ora României)`.
 */
export const formatDeadline = (iso: string, language: Language) =>
  i18n.t('common.time.romania', {
    lng: language,
    at: formatter(language, DEADLINE).format(new Date(iso)),
  });
/** An event's day, on Romania's calendar. */
export const formatDate = (iso: string, language: Language) =>
  formatter(language, DATE).format(new Date(iso));
export const formatTime = (iso: string, language: Language) =>
  formatter(language, TIME).format(new Date(iso));

const numbers = new Map<Language, Intl.NumberFormat>();
/** A number with the language's separators: `12,345.5`, `12.345,5`. */
export function formatNumber(value: number, language: Language): string {
  let f = numbers.get(language);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[language]);
    numbers.set(language, f);
  }
  return f.format(value);
}

/** Formatters bound to the current UI language; components re-render when it changes. */
export function useFormat() {
  const language = useLanguage();
  return {
    language,
    dateTime: (iso: string) => formatDateTime(iso, language),
    deadline: (iso: string) => formatDeadline(iso, language),
    date: (iso: string) => formatDate(iso, language),
    time: (iso: string) => formatTime(iso, language),
    number: (value: number) => formatNumber(value, language),
  };
}
