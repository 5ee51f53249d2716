import { Fieldset, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

const LANGUAGES = ['en', 'ro'] as const;

/**
 * One organizer-written text in English and Romanian, side by side (one above the other on a
 * phone), as a fieldset named by the text: each input is "English" / "Romanian" inside it. The
 * form keeps it as `<field>I18n: { en, ro }`; an error about the text as a whole (required in
 * one language at least) sits under the English input.
 */
export function BilingualField<Values>({
  form,
  field,
  label,
  description,
  required,
  multiline,
  testId,
  onBlur,
}: {
  form: UseFormReturnType<Values>;
  /** The plain field's name (`name`); the form holds `nameI18n.en` and `nameI18n.ro`. */
  field: string;
  label: string;
  description?: string;
  required?: boolean;
  multiline?: boolean;
  testId?: string;
  onBlur?: () => void;
}) {
  const { t } = useTranslation();
  const wholeError = (form.errors as Record<string, unknown>)[field];

  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text component="span" fw={500} size="sm">
          {label}
          {required && (
            <Text component="span" c="red.9" aria-hidden="true">
              {' *'}
            </Text>
          )}
        </Text>
      }
      data-testid={testId}
    >
      {description && (
        <Text size="xs" c="dimmed" mb={4}>
          {description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {LANGUAGES.map((lang) => {
          const props = form.getInputProps(`${field}I18n.${lang}`);
          const error = props.error ?? (lang === 'en' ? wholeError : undefined);
          const common = {
            ...props,
            error: error as string | undefined,
            label: t(`forms.language.${lang}`),
            lang,
            'aria-label': `${label} (${t(`forms.language.${lang}`)})`,
            'data-testid': testId ? `${testId}-${lang}` : undefined,
            onBlur: (e: React.FocusEvent<HTMLInputElement & HTMLTextAreaElement>) => {
              props.onBlur?.(e);
              onBlur?.();
            },
          };
          return multiline ? (
            <Textarea key={lang} autosize minRows={2} maxRows={12} {...common} />
          ) : (
            <TextInput key={lang} {...common} />
          );
        })}
      </SimpleGrid>
    </Fieldset>
  );
}

/** An empty bilingual text, or a stored one (`…I18n` of a response). */
export const bilingual = (text?: { en: string; ro: string } | null) => ({
  en: text?.en ?? '',
  ro: text?.ro ?? '',
});

/**
 * "Required in one language at least", said even while other fields are wrong (zod runs an
 * object's refinements only once its fields parse, so the schema alone would say it late).
 */
export function requireOneLanguage(
  text: { en: string; ro: string },
  key: string,
  label: string,
  t: (key: 'forms.issue.requiredOneLanguage', options: { field: string }) => string,
): Record<string, string> {
  return text.en.trim() || text.ro.trim()
    ? {}
    : { [key]: t('forms.issue.requiredOneLanguage', { field: label }) };
}
