import { ExtensionSchema, type SubmissionListItem } from '@ca/shared';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../components/form-error';
import { useFormat } from '../../../../lib/format';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../../lib/zod-form';
import type { TimedEdition } from '../../../editions/queries';
import { DatesLocale } from '../../../../components/dates-locale';
import { useExtendDeadline } from '../../mutations';

/** The date pickers' local `YYYY-MM-DD HH:mm:ss` ↔ ISO instants. */
const toPicker = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
const fromPicker = (value: string | null) => (value ? dayjs(value).toISOString() : undefined);

interface Values {
  until: string | null;
}

/**
 * A later deadline for one team: after the edition's deadline and before judging ends. Checked
 * with the API's `ExtensionSchema` and the edition's window before sending; the API checks again.
 */
export function ExtensionModal({
  edition,
  item,
  onClose,
}: {
  edition: TimedEdition;
  item: SubmissionListItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const extend = useExtendDeadline(edition.id, item.teamId);
  const hasExtension = Date.parse(item.deadline) > Date.parse(edition.submissionDeadline);
  const labels = { until: t('submissions.organizer.extension.until') };
  const schemaCheck = zodValidate(ExtensionSchema, {
    label: labelsFrom(labels),
    t,
    toBody: (v: Values) => ({ until: fromPicker(v.until) }),
  });
  const form = useForm<Values>({
    initialValues: { until: hasExtension ? toPicker(item.deadline) : null },
    validate: (values) => {
      const errors = schemaCheck(values);
      if (errors.until) return errors;
      const ms = Date.parse(fromPicker(values.until) ?? '');
      const inWindow = ms > Date.parse(edition.submissionDeadline) && ms < Date.parse(edition.judgingEndsAt);
      return inWindow ? {} : { until: t('submissions.organizer.extension.outOfRange') };
    },
  });

  const send = (until: string | null) =>
    extend.mutate(
      { until },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message: result.extendedDeadline
              ? t('submissions.organizer.extension.granted', {
                  team: item.teamName,
                  deadline: format.deadline(result.deadline),
                })
              : t('submissions.organizer.extension.withdrawn', { team: item.teamName }),
          });
          onClose();
        },
        onError: (error) => showApiFieldError(form, error, { labels, t }),
      },
    );

  return (
    <Modal
      opened
      onClose={onClose}
      title={<strong>{t('submissions.organizer.extension.title', { team: item.teamName })}</strong>}
    >
      <DatesLocale>
        <form
          noValidate
          onSubmit={form.onSubmit((values) => send(fromPicker(values.until) ?? null))}
          data-testid="extension-modal"
        >
          <Stack gap="md">
            <Text size="sm">
              {t('submissions.organizer.extension.intro', {
                deadline: format.deadline(edition.submissionDeadline),
                judgingEnds: format.deadline(edition.judgingEndsAt),
              })}
            </Text>
            <Text size="sm" fw={600}>
              {t('submissions.organizer.extension.current', { deadline: format.deadline(item.deadline) })}
            </Text>
            <FormError error={extend.error} />
            <DateTimePicker
              label={labels.until}
              description={t('submissions.organizer.extension.untilHint')}
              minDate={toPicker(edition.submissionDeadline)}
              maxDate={toPicker(edition.judgingEndsAt)}
              valueFormat="DD MMM YYYY, HH:mm"
              required
              data-testid="extension-until"
              {...form.getInputProps('until')}
            />
            <Group justify="flex-end" gap="sm">
              {hasExtension && (
                <Button
                  variant="outline"
                  color="red.9"
                  onClick={() => send(null)}
                  loading={extend.isPending && extend.variables?.until === null}
                  data-testid="extension-withdraw"
                >
                  {t('submissions.organizer.extension.withdraw')}
                </Button>
              )}
              <Button variant="default" onClick={onClose}>
                {t('submissions.organizer.cancel')}
              </Button>
              <Button
                type="submit"
                loading={extend.isPending && extend.variables?.until !== null}
                data-testid="extension-grant"
              >
                {t('submissions.organizer.extension.grant')}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesLocale>
    </Modal>
  );
}
