import {
  CriteriaPutSchema,
  DEFAULT_CRITERIA,
  type Criterion,
  type DefaultCriterion,
  type LocalizedText,
} from '@ca/shared';
import { ActionIcon, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { bilingual, BilingualField } from '../../../components/bilingual-field';
import { FormError } from '../../../components/form-error';
import { isApiError } from '../../../lib/http';
import { labelsFrom, zodValidate, type FieldLabel } from '../../../lib/zod-form';
import {
  CriterionLevelsEditor,
  toLevelBody,
  toLevelRows,
  type LevelRow,
} from '../../judging/components/criterion-levels-editor';
import { usePutCriteria } from '../mutations';

interface Row {
  nameI18n: LocalizedText;
  descriptionI18n: LocalizedText;
  weight: number | string;
  min: number | string;
  max: number | string;
  /** Level descriptions (judging guidance); saving without them would erase them. */
  levels: LevelRow[];
}

const toRow = (c: DefaultCriterion | Criterion): Row => ({
  nameI18n: bilingual(c.nameI18n),
  descriptionI18n: bilingual(c.descriptionI18n),
  weight: c.weight,
  min: c.min,
  max: c.max,
  levels: toLevelRows(c),
});
const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v));
const toBody = (rows: Row[]) =>
  rows.map((r) => ({
    nameI18n: r.nameI18n,
    descriptionI18n: r.descriptionI18n,
    weight: num(r.weight),
    min: num(r.min),
    max: num(r.max),
    levels: toLevelBody(r.levels),
  }));

/**
 * The edition's scoring criteria: name, description, weight and scale, in order. Saved as one
 * list (`PUT …/criteria`); the API refuses once any score exists.
 */
export function CriteriaEditor({ editionId, criteria }: { editionId: string; criteria: Criterion[] }) {
  const { t } = useTranslation();
  const put = usePutCriteria(editionId);
  const labels: Record<string, string> = {
    name: t('organizer.criteria.name'),
    description: t('organizer.fields.description'),
    weight: t('organizer.criteria.weight'),
    min: t('organizer.criteria.min'),
    max: t('organizer.criteria.max'),
    from: t('judging.levels.from'),
    to: t('judging.levels.to'),
  };
  // "Weight (criterion 2)": the message under a field says which row it is about.
  const languages = { en: t('forms.language.en'), ro: t('forms.language.ro') };
  const label: FieldLabel = (path) => {
    const [index, ...rest] = path;
    if (typeof index !== 'number') return t('organizer.criteria.title');
    return t('organizer.criteria.fieldOf', { field: labelsFrom(labels, languages)(rest), n: index + 1 });
  };
  const form = useForm<{ criteria: Row[] }>({
    initialValues: { criteria: (criteria.length ? criteria : DEFAULT_CRITERIA).map(toRow) },
    validate: (values) =>
      zodValidate(CriteriaPutSchema, { label, t, toBody, prefix: 'criteria' })(values.criteria),
  });
  const rows = form.values.criteria;
  const locked = isApiError(put.error) && put.error.code === 'PHASE_CLOSED';

  return (
    <form
      noValidate
      data-testid="criteria-form"
      onSubmit={form.onSubmit((values) =>
        put.mutate(CriteriaPutSchema.parse(toBody(values.criteria)), {
          onSuccess: (saved) => {
            form.setValues({ criteria: saved.map(toRow) });
            form.resetDirty({ criteria: saved.map(toRow) });
            notifications.show({ color: 'green', message: t('organizer.criteria.saved') });
          },
        }),
      )}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('organizer.criteria.hint')}
        </Text>
        <FormError error={put.error} message={locked ? t('organizer.criteria.locked') : undefined} />
        {form.errors.criteria && (
          <Text c="red.8" size="sm" role="alert">
            {form.errors.criteria}
          </Text>
        )}
        {rows.map((_, i) => (
          <Card
            withBorder
            key={i}
            data-testid="criterion-row"
            component="fieldset"
            aria-label={t('organizer.criteria.number', { n: i + 1 })}
          >
            <Stack gap="sm">
              <Group justify="space-between" align="center">
                <Text fw={700}>{t('organizer.criteria.number', { n: i + 1 })}</Text>
                <Group gap={4}>
                  <ActionIcon
                    variant="default"
                    disabled={i === 0}
                    onClick={() => form.reorderListItem('criteria', { from: i, to: i - 1 })}
                    aria-label={t('organizer.criteria.moveUp', { n: i + 1 })}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    disabled={i === rows.length - 1}
                    onClick={() => form.reorderListItem('criteria', { from: i, to: i + 1 })}
                    aria-label={t('organizer.criteria.moveDown', { n: i + 1 })}
                  >
                    ↓
                  </ActionIcon>
                  <Button
                    variant="subtle"
                    color="red"
                    // Subtle buttons take the colour's light shade (red 6, 3.3:1); red 9 reads at 5.5:1.
                    c="red.9"
                    size="xs"
                    disabled={rows.length === 1}
                    onClick={() => form.removeListItem('criteria', i)}
                  >
                    {t('organizer.criteria.remove')}
                  </Button>
                </Group>
              </Group>
              <BilingualField
                form={form}
                field={`criteria.${i}.name`}
                label={labels.name!}
                required
                testId="criterion-name"
              />
              <BilingualField
                form={form}
                field={`criteria.${i}.description`}
                label={labels.description!}
                multiline
              />
              <SimpleGrid cols={{ base: 3 }} spacing="sm">
                <NumberInput
                  label={labels.weight}
                  min={0}
                  step={0.5}
                  required
                  {...form.getInputProps(`criteria.${i}.weight`)}
                />
                <NumberInput label={labels.min} required {...form.getInputProps(`criteria.${i}.min`)} />
                <NumberInput label={labels.max} required {...form.getInputProps(`criteria.${i}.max`)} />
              </SimpleGrid>
              <CriterionLevelsEditor
                form={form}
                path={`criteria.${i}`}
                n={i + 1}
                min={rows[i]!.min}
                max={rows[i]!.max}
              />
            </Stack>
          </Card>
        ))}
        <Group gap="sm">
          <Button
            variant="outline"
            onClick={() =>
              form.insertListItem('criteria', {
                nameI18n: bilingual(),
                descriptionI18n: bilingual(),
                weight: 1,
                min: 1,
                max: 10,
                levels: [],
              } satisfies Row)
            }
            data-testid="add-criterion"
          >
            {t('organizer.criteria.add')}
          </Button>
          <Button
            type="submit"
            loading={put.isPending}
            disabled={!form.isDirty()}
            data-testid="criteria-save"
          >
            {t('organizer.criteria.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
