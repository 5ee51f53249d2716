import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import enAuth from '../locales/en/auth.json';
import enCommon from '../locales/en/common.json';
import enConsole from '../locales/en/console.json';
import enEditions from '../locales/en/editions.json';
import enErrors from '../locales/en/errors.json';
import enForms from '../locales/en/forms.json';
import enGallery from '../locales/en/gallery.json';
import enJudging from '../locales/en/judging.json';
import enSubmissions from '../locales/en/submissions.json';
import enOrganizer from '../locales/en/organizer.json';
import enRegistrations from '../locales/en/registrations.json';
import enTeams from '../locales/en/teams.json';
import enScreen from '../locales/en/screen.json';
import enLive from '../locales/en/live.json';
import enRanking from '../locales/en/ranking.json';
import roAuth from '../locales/ro/auth.json';
import roCommon from '../locales/ro/common.json';
import roConsole from '../locales/ro/console.json';
import roEditions from '../locales/ro/editions.json';
import roErrors from '../locales/ro/errors.json';
import roForms from '../locales/ro/forms.json';
import roGallery from '../locales/ro/gallery.json';
import roJudging from '../locales/ro/judging.json';
import roSubmissions from '../locales/ro/submissions.json';
import roOrganizer from '../locales/ro/organizer.json';
import roRegistrations from '../locales/ro/registrations.json';
import roTeams from '../locales/ro/teams.json';
import roScreen from '../locales/ro/screen.json';
import roLive from '../locales/ro/live.json';
import roRanking from '../locales/ro/ranking.json';

export const LANGUAGES = ['en', 'ro'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One namespace per language; each locale file is a top-level key named after the file, so
 * keys read `errors.NOT_FOUND`, `editions.phase.hacking`. Files are bundled: two small languages
 * are cheaper than a request before the first paint.
 */
export const resources = {
  en: {
    translation: {
      common: enCommon,
      console: enConsole,
      editions: enEditions,
      errors: enErrors,
      submissions: enSubmissions,
      gallery: enGallery,
      auth: enAuth,
      forms: enForms,
      registrations: enRegistrations,
      teams: enTeams,
      organizer: enOrganizer,
      screen: enScreen,
      live: enLive,
      judging: enJudging,
      ranking: enRanking,
    },
  },
  ro: {
    translation: {
      common: roCommon,
      console: roConsole,
      editions: roEditions,
      errors: roErrors,
      submissions: roSubmissions,
      gallery: roGallery,
      auth: roAuth,
      forms: roForms,
      registrations: roRegistrations,
      teams: roTeams,
      organizer: roOrganizer,
      screen: roScreen,
      live: roLive,
      judging: roJudging,
      ranking: roRanking,
    },
  },
} as const;

/** BCP 47 tags for `Intl` formatting: British English for day-first dates and a 24-hour clock. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', ro: 'ro-RO' };

export const LANGUAGE_STORAGE_KEY = 'ca.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage may be disabled (private mode, strict settings): fall back to the browser's wish.
    return undefined;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds for this visit.
  }
}

/** The stored choice, else the first browser language we speak, else English. */
export function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of wanted) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

const asLanguage = (tag: string | undefined): Language => {
  const base = (tag ?? 'en').split('-')[0];
  return isLanguage(base) ? base : 'en';
};

/** The current language as one of ours (i18next may report a region variant or `cimode`). */
export const currentLanguage = (): Language => asLanguage(i18n.resolvedLanguage ?? i18n.language);

/** The current language in a component, which re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return asLanguage(instance.resolvedLanguage ?? instance.language);
}

function syncDocument(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  nonExplicitSupportedLngs: true,
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false, // resources are bundled: render translated on the first pass
  returnNull: false,
  showSupportNotice: false,
});
syncDocument(currentLanguage());

i18n.on('languageChanged', () => {
  const language = currentLanguage();
  storeLanguage(language);
  syncDocument(language);
});

/** Switches the UI language; it is remembered in localStorage and mirrored in `<html lang>`. */
export function setLanguage(language: Language): Promise<unknown> {
  return i18n.changeLanguage(language);
}

export { i18n };
