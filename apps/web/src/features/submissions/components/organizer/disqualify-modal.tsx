import { DisqualifySchema, type DisqualifyInput, type SubmissionListItem } from '@ca/shared';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../../lib/zod-form';
import { useDisqualify } from '../../mutations';

/** Disqualifying asks for the reason the team will read; the API's `DisqualifySchema` checks it. */
export function DisqualifyModal({
  editionId,
  item,
  onClose,
}: {
  editionId: string;
  item: SubmissionListItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const disqualify = useDisqualify(editionId, item.teamId, item.id);
  const labels = { reason: t('submissions.organizer.disqualification.reason') };
  const form = useForm<DisqualifyInput>({
    initialValues: { reason: '' },
    validate: zodValidate(DisqualifySchema, { label: labelsFrom(labels), t }),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={<strong>{t('submissions.organizer.disqualification.title', { team: item.teamName })}</strong>}
    >
      <form
        noValidate
        data-testid="disqualify-modal"
        onSubmit={form.onSubmit((values) =>
          disqualify.mutate(DisqualifySchema.parse(values), {
            onSuccess: () => {
              notifications.show({
                color: 'teal',
                message: t('submissions.organizer.disqualification.done', { team: item.teamName }),
              });
              onClose();
            },
            onError: (error) => showApiFieldError(form, error, { labels, t }),
          }),
        )}
      >
        <Stack gap="md">
          <Text size="sm">{t('submissions.organizer.disqualification.intro')}</Text>
          <FormError error={disqualify.error} />
          <Textarea
            label={labels.reason}
            description={t('submissions.organizer.disqualification.reasonHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            data-testid="disqualify-reason"
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('submissions.organizer.cancel')}
            </Button>
            <Button
              type="submit"
              color="red.9"
              loading={disqualify.isPending}
              data-testid="disqualify-confirm"
            >
              {t('submissions.organizer.disqualification.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
