import { INTL_LOCALE, type Language } from '../../lib/i18n';

/** `14:03:12` when `iso` is today (in the reader's zone), else the date too: `3 May, 14:03:12`. */
export function formatSavedTime(iso: string, language: Language, now = Date.now()): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** Hours, minutes and seconds of a duration, `02:03:04`. */
export function clockOf(hours: number, minutes: number, seconds: number): string {
  return [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
}
