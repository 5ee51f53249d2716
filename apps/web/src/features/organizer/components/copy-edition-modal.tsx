import {
  EditionCopySchema,
  TIMELINE_FIELDS,
  type Edition,
  type EditionCopyInput,
  type TimelineField,
} from '@ca/shared';
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '../../../components/form-error';
import { http } from '../../../lib/http';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { editionKeys } from '../../editions/queries';
import { slugify } from '../mutations';
import { OPTIONAL_TIMES } from './edition-form-values';

type Timeline = Record<TimelineField, string | null>;
interface CopyValues extends Timeline {
  name: string;
  slug: string;
}

/** The pickers' own value format: local time, without a zone. */
const LOCAL = 'YYYY-MM-DD HH:mm:ss';

/** The request body: the name only when given, times as instants (optional ones `null`). */
function toBody(v: CopyValues): Record<string, unknown> {
  const body: Record<string, unknown> = { slug: v.slug.trim() };
  if (v.name.trim()) body.name = v.name.trim();
  for (const f of TIMELINE_FIELDS) {
    const at = v[f] ? dayjs(v[f]).toISOString() : null;
    body[f] = at ?? (OPTIONAL_TIMES.has(f) ? null : undefined);
  }
  return body;
}

/** `POST /api/editions/:id/copy`; the new edition goes into the caches and the lists refetch. */
export function useCopyEdition(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { errorShownInPlace: true },
    mutationFn: (body: EditionCopyInput) => http.post<Edition>(`/editions/${editionId}/copy`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: editionKeys.all }),
  });
}

/**
 * "Create the next edition from this one": asks for the new edition's address, optionally its
 * name, and its timeline (this edition's, a year on, to start from); tracks, challenges, criteria
 * and settings are copied by the API. On success the console opens on the new edition.
 */
export function CopyEditionModal({
  edition,
  opened,
  onClose,
}: {
  edition: Edition;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const copy = useCopyEdition(edition.id);
  const labels: Record<string, string> = {
    name: t('organizer.fields.name'),
    slug: t('organizer.fields.slug'),
    ...Object.fromEntries(TIMELINE_FIELDS.map((f) => [f, t(`editions.timeline.${f}`)])),
  };
  const check = zodValidate(EditionCopySchema, { label: labelsFrom(labels), t, toBody });
  const form = useForm<CopyValues>({
    initialValues: {
      name: '',
      slug: '',
      ...(Object.fromEntries(
        TIMELINE_FIELDS.map((f) => [f, edition[f] ? dayjs(edition[f]).add(1, 'year').format(LOCAL) : null]),
      ) as Timeline),
    },
    validate: check,
  });

  const submit = (values: CopyValues) =>
    copy.mutate(toBody(values) as EditionCopyInput, {
      onSuccess: (created) => {
        notifications.show({ color: 'teal', message: t('console.copy.created', { name: created.name }) });
        onClose();
        form.reset();
        void navigate(`/organize/editions/${created.slug}/edition`);
      },
      onError: (error) => showApiFieldError(form, error, { labels, t }),
    });

  const calendarLabels = {
    previousMonth: t('organizer.calendar.previousMonth'),
    nextMonth: t('organizer.calendar.nextMonth'),
    previousYear: t('organizer.calendar.previousYear'),
    nextYear: t('organizer.calendar.nextYear'),
    previousDecade: t('organizer.calendar.previousDecade'),
    nextDecade: t('organizer.calendar.nextDecade'),
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('console.copy.modalTitle', { name: edition.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('console.copy.cancel') }}
    >
      <form noValidate onSubmit={form.onSubmit(submit)} data-testid="copy-edition-form">
        <Stack gap="md">
          <Text size="sm">{t('console.copy.intro')}</Text>
          <FormError error={copy.error} />
          <TextInput
            label={labels.name}
            description={t('console.copy.nameHint')}
            placeholder={edition.name}
            data-testid="copy-name"
            {...form.getInputProps('name')}
            onBlur={() => {
              if (!form.values.slug && form.values.name.trim())
                form.setFieldValue('slug', slugify(form.values.name));
            }}
          />
          <TextInput
            label={labels.slug}
            description={t('organizer.fields.slugHint')}
            required
            data-testid="copy-slug"
            {...form.getInputProps('slug')}
          />
          <Text size="sm" c="dimmed">
            {t('console.copy.timelineHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {TIMELINE_FIELDS.map((field) => (
              <DateTimePicker
                key={field}
                label={labels[field]}
                required={!OPTIONAL_TIMES.has(field)}
                clearable={OPTIONAL_TIMES.has(field)}
                valueFormat="DD MMM YYYY, HH:mm"
                placeholder={t('organizer.fields.pickDateTime')}
                submitButtonProps={{
                  'aria-label': t('organizer.fields.confirmDateTime', { field: labels[field] }),
                }}
                ariaLabels={calendarLabels}
                hideOutsideDates
                weekendDays={[]}
                data-testid={`copy-${field}`}
                {...form.getInputProps(field)}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('console.copy.cancel')}
            </Button>
            <Button type="submit" loading={copy.isPending} data-testid="copy-submit">
              {t('console.copy.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
