import {
  EditionCreateSchema,
  EditionPatchSchema,
  TIMELINE_FIELDS,
  type Edition,
  type EditionCreateInput,
  SubmissionRequirementKeySchema,
  SUBMISSION_DESCRIPTION_MIN_LENGTH,
  type TimelineField,
} from '@ca/shared';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BilingualField, requireOneLanguage } from '../../../components/bilingual-field';
import {
  changedFields,
  initialValues,
  OPTIONAL_TIMES,
  toEditionBody,
  type EditionFormValues,
} from './edition-form-values';
import { FormError } from '../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { slugify, useCreateEdition, useUpdateEdition } from '../mutations';

/**
 * Creating or editing an edition: names, description, the timeline as date-time pickers, team
 * sizes and judging settings. Checked with the shared schemas before sending, so the field at
 * fault is named at once (dates out of order included); the API checks again.
 */
export function EditionForm({
  edition,
  onSaved,
}: {
  /** The stored edition to edit; absent to create one. */
  edition?: Edition;
  onSaved?: (edition: Edition) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateEdition();
  const update = useUpdateEdition(edition?.id ?? '');
  const mutation = edition ? update : create;
  const initial = useMemo(() => initialValues(edition), [edition]);

  const labels: Record<string, string> = {
    name: t('organizer.fields.name'),
    slug: t('organizer.fields.slug'),
    description: t('organizer.fields.description'),
    venue: t('organizer.fields.venue'),
    published: t('organizer.fields.published'),
    teamMinSize: t('organizer.fields.teamMinSize'),
    teamMaxSize: t('organizer.fields.teamMaxSize'),
    reviewsPerSubmission: t('organizer.fields.reviewsPerSubmission'),
    normalization: t('organizer.fields.normalization'),
    leaderboardVisibility: t('organizer.fields.leaderboardVisibility'),
    shareJurorComments: t('organizer.fields.shareJurorComments'),
    ...Object.fromEntries(TIMELINE_FIELDS.map((f) => [f, t(`editions.timeline.${f}`)])),
  };

  const check = zodValidate(edition ? EditionPatchSchema : EditionCreateSchema, {
    label: labelsFrom(labels, { en: t('forms.language.en'), ro: t('forms.language.ro') }),
    t,
    toBody: (v: EditionFormValues) => {
      const body = toEditionBody(v);
      // The publish switch of the edit page saves on its own.
      if (edition) delete body.published;
      return body;
    },
  });
  const form = useForm<EditionFormValues>({
    initialValues: initial,
    validate: (values) => ({
      ...requireOneLanguage(values.nameI18n, 'name', t('organizer.fields.name'), t),
      ...check(values),
    }),
  });

  const submit = (values: EditionFormValues) => {
    const body = toEditionBody(values);
    const onError = (error: unknown) => showApiFieldError(form, error, { labels, t });
    if (!edition) {
      create.mutate(body as EditionCreateInput, { onSuccess: (e) => onSaved?.(e), onError });
      return;
    }
    delete body.published;
    const patch = changedFields(body, toEditionBody(initialValues(edition)));
    if (Object.keys(patch).length === 0) return;
    update.mutate(patch, {
      onSuccess: (e) => {
        form.resetDirty(initialValues(e));
        onSaved?.(e);
      },
      onError,
    });
  };

  const calendarLabels = {
    previousMonth: t('organizer.calendar.previousMonth'),
    nextMonth: t('organizer.calendar.nextMonth'),
    previousYear: t('organizer.calendar.previousYear'),
    nextYear: t('organizer.calendar.nextYear'),
    previousDecade: t('organizer.calendar.previousDecade'),
    nextDecade: t('organizer.calendar.nextDecade'),
  };

  const picker = (field: TimelineField) => (
    <DateTimePicker
      key={field}
      label={labels[field]}
      required={!OPTIONAL_TIMES.has(field)}
      clearable={OPTIONAL_TIMES.has(field)}
      valueFormat="DD MMM YYYY, HH:mm"
      placeholder={t('organizer.fields.pickDateTime')}
      // The picker's icon buttons need names for screen readers (Mantine gives them none).
      submitButtonProps={{ 'aria-label': t('organizer.fields.confirmDateTime', { field: labels[field] }) }}
      ariaLabels={calendarLabels}
      // Days of the neighbouring months are drawn too faint to read (2.4:1); leave them out.
      hideOutsideDates
      // Weekends are drawn in red 6 (3.3:1 on white); plain days read well enough.
      weekendDays={[]}
      data-testid={`edition-${field}`}
      {...form.getInputProps(field)}
    />
  );

  return (
    <form noValidate onSubmit={form.onSubmit(submit)} data-testid="edition-form">
      <Stack gap="lg">
        <FormError error={mutation.error} />
        <Fieldset legend={t('organizer.editor.about')}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('forms.language.hint')}
            </Text>
            <BilingualField
              form={form}
              field="name"
              label={t('organizer.fields.name')}
              required
              testId="edition-name-input"
              onBlur={() => {
                const name = form.values.nameI18n.en || form.values.nameI18n.ro;
                if (!edition && !form.values.slug) form.setFieldValue('slug', slugify(name));
              }}
            />
            <TextInput
              label={labels.slug}
              description={t('organizer.fields.slugHint')}
              required
              data-testid="edition-slug"
              {...form.getInputProps('slug')}
            />
            <BilingualField
              form={form}
              field="description"
              label={t('organizer.fields.description')}
              multiline
              testId="edition-description"
            />
            <BilingualField
              form={form}
              field="venue"
              label={t('organizer.fields.venue')}
              description={t('organizer.fields.venueHint')}
              testId="edition-venue"
            />
            {!edition && (
              <Checkbox
                label={t('organizer.fields.publishNow')}
                description={t('organizer.fields.publishHint')}
                {...form.getInputProps('published', { type: 'checkbox' })}
              />
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('editions.timeline.title')}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('organizer.editor.timelineHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {TIMELINE_FIELDS.map(picker)}
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('organizer.editor.teamsAndJudging')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label={labels.teamMinSize}
              min={1}
              max={50}
              allowDecimal={false}
              required
              {...form.getInputProps('teamMinSize')}
            />
            <NumberInput
              label={labels.teamMaxSize}
              min={1}
              max={50}
              allowDecimal={false}
              required
              {...form.getInputProps('teamMaxSize')}
            />
            <NumberInput
              label={labels.reviewsPerSubmission}
              min={1}
              max={50}
              allowDecimal={false}
              required
              {...form.getInputProps('reviewsPerSubmission')}
            />
            <Select
              label={labels.normalization}
              data={[
                { value: 'model', label: t('organizer.normalization.model') },
                { value: 'zscore', label: t('organizer.normalization.zscore') },
                { value: 'none', label: t('organizer.normalization.none') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('normalization')}
            />
            <Select
              label={labels.leaderboardVisibility}
              data={[
                { value: 'public', label: t('organizer.visibility.public') },
                { value: 'hidden', label: t('organizer.visibility.hidden') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('leaderboardVisibility')}
            />
          </SimpleGrid>
          <Switch
            mt="md"
            label={labels.shareJurorComments}
            description={t('organizer.fields.shareJurorCommentsHint')}
            data-testid="edition-share-comments"
            {...form.getInputProps('shareJurorComments', { type: 'checkbox' })}
          />
        </Fieldset>

        <Fieldset legend={t('organizer.requirements.title')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('organizer.requirements.hint')}
            </Text>
            {SubmissionRequirementKeySchema.options.map((key) => (
              <Checkbox
                key={key}
                label={t(`submissions.checklist.items.${key}`, { count: SUBMISSION_DESCRIPTION_MIN_LENGTH })}
                data-testid={`requirement-${key}`}
                {...form.getInputProps(`submissionRequirements.${key}`, { type: 'checkbox' })}
              />
            ))}
          </Stack>
        </Fieldset>

        <Group>
          <Button
            type="submit"
            loading={mutation.isPending}
            disabled={!!edition && !form.isDirty()}
            data-testid="edition-save"
          >
            {edition ? t('organizer.editor.saveChanges') : t('organizer.editor.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
