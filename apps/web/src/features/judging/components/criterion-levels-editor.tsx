import type { Criterion, CriterionLevelInput } from '@ca/shared';
import { Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** A level as the criteria form holds it (number fields may hold '' while typed). */
export interface LevelRow {
  from: number | string;
  to: number | string;
  descriptionI18n: { en: string; ro: string };
}

export const toLevelRows = (c: { levels?: Criterion['levels'] | CriterionLevelInput[] }): LevelRow[] =>
  (c.levels ?? []).map((l) => ({
    from: l.from,
    to: l.to,
    descriptionI18n: { en: l.descriptionI18n.en ?? '', ro: l.descriptionI18n.ro ?? '' },
  }));

const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v));

export const toLevelBody = (rows: LevelRow[]) =>
  rows.map((l) => ({ from: num(l.from), to: num(l.to), descriptionI18n: l.descriptionI18n }));

const LANGUAGES = ['en', 'ro'] as const;

/**
 * The level descriptions of one criterion in the criteria editor: ranges of its scale and what
 * they mean, in English and Romanian (jurors read them beside the control, in their language).
 * Ranges lie within the scale and do not overlap (the shared schema checks it, so do the API).
 */
export function CriterionLevelsEditor<Values>({
  form,
  path,
  n,
  min,
  max,
}: {
  form: UseFormReturnType<Values>;
  /** The criterion's path in the form (`criteria.2`). */
  path: string;
  /** The criterion's number, for labels ("criterion 3"). */
  n: number;
  min: number | string;
  max: number | string;
}) {
  const { t } = useTranslation();
  const field = `${path}.levels`;
  const levels = (form.getInputProps(field).value as LevelRow[] | undefined) ?? [];
  const errors = form.errors as Record<string, string | undefined>;
  const lo = num(min) ?? 1;
  const hi = num(max) ?? 10;

  const add = () => {
    const last = levels[levels.length - 1];
    const lastTo = last ? num(last.to) : undefined;
    const from = lastTo !== undefined ? Math.min(hi, lastTo + 1) : lo;
    const row: LevelRow = { from, to: hi, descriptionI18n: { en: '', ro: '' } };
    // The form's value type is the caller's; this path holds LevelRow[].
    form.insertListItem(field, row as never);
  };

  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text component="span" fw={500} size="sm">
          {t('judging.levels.title')}
        </Text>
      }
      data-testid="criterion-levels-editor"
    >
      <Text size="xs" c="dimmed" mb="xs">
        {t('judging.levels.hint')}
      </Text>
      <Stack gap="sm">
        {levels.map((_, j) => {
          const at = `${field}.${j}`;
          const whole = errors[`${at}.descriptionI18n`];
          return (
            <div key={j} className="level-row" data-testid="level-row">
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                <NumberInput
                  label={t('judging.levels.from')}
                  aria-label={t('judging.levels.fromOf', { level: j + 1, n })}
                  {...form.getInputProps(`${at}.from`)}
                  data-testid="level-from"
                />
                <NumberInput
                  label={t('judging.levels.to')}
                  aria-label={t('judging.levels.toOf', { level: j + 1, n })}
                  {...form.getInputProps(`${at}.to`)}
                  data-testid="level-to"
                />
                {LANGUAGES.map((lang) => {
                  const props = form.getInputProps(`${at}.descriptionI18n.${lang}`);
                  return (
                    <TextInput
                      key={lang}
                      lang={lang}
                      label={t(`judging.levels.description.${lang}`)}
                      aria-label={t('judging.levels.descriptionOf', {
                        level: j + 1,
                        n,
                        language: t(`forms.language.${lang}`),
                      })}
                      {...props}
                      error={(props.error as string | undefined) ?? (lang === 'en' ? whole : undefined)}
                      data-testid={`level-description-${lang}`}
                    />
                  );
                })}
              </SimpleGrid>
              <Group justify="flex-end" mt={4}>
                <Button
                  variant="subtle"
                  c="red.9"
                  size="xs"
                  onClick={() => form.removeListItem(field, j)}
                  aria-label={t('judging.levels.removeOf', { level: j + 1, n })}
                >
                  {t('judging.levels.remove')}
                </Button>
              </Group>
            </div>
          );
        })}
        <Group>
          <Button variant="light" size="xs" onClick={add} data-testid="add-level">
            {t('judging.levels.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
