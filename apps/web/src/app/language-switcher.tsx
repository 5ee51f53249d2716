import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, setLanguage, useLanguage } from '../lib/i18n';

/**
 * EN / RO as a radio group: each option shows its short code and is announced by the
 * language's own name, spoken in that language.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const value = useLanguage();

  return (
    <SegmentedControl
      data-testid="language-switcher"
      aria-label={t('common.language.label')}
      name="language"
      size="sm"
      value={value}
      onChange={(next) => {
        if (isLanguage(next)) void setLanguage(next);
      }}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <span lang={language}>
            <span aria-hidden="true">{language.toUpperCase()}</span>
            <VisuallyHidden>{t(`common.language.${language}`)}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
