import { useTranslation } from 'react-i18next';
import { isApiError } from './http';
import { i18n } from './i18n';

/**
 * What to tell people about a failed request, in their language, chosen by the error's code.
 * A code newer than this app's translations (the shared list grows) falls back to the API's own
 * message rather than showing a raw key; the locale tests flag the missing translation.
 */
export function errorMessage(error: unknown, t = i18n.t.bind(i18n)): string {
  if (!isApiError(error)) return t('errors.INTERNAL');
  const key: string = error.i18nKey;
  // Codes come from the API at run time, so the key is checked here rather than by the types.
  if (i18n.exists(key)) return (t as unknown as (key: string) => string)(key);
  return error.message || t('errors.INTERNAL');
}

/** `errorMessage` bound to the component's language, re-rendered when it changes. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorMessage(error, t);
}
