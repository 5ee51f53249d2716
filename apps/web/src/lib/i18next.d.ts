import 'i18next';
import type { resources } from './i18n';

// Typed keys: `t('editions.phase.hacking')` is checked against the English resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
  }
}
