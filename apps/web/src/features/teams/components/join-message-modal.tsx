import { JOIN_MESSAGE_MAX, JoinRequestCreateSchema, type JoinRequestCreate } from '@ca/shared';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';

/**
 * A short message with a join request or an invitation ("I do React and would like to help"),
 * checked with the API's schema; the other side reads it before accepting or declining.
 */
export function JoinMessageModal({
  title,
  intro,
  submitLabel,
  loading,
  error,
  send,
  onClose,
}: {
  title: string;
  intro: string;
  submitLabel: string;
  loading: boolean;
  error: unknown;
  /** Sends the request (a mutation's `mutateAsync`); a refusal naming the message lands on it. */
  send: (body: JoinRequestCreate) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = { message: t('teams.requests.message') };
  const form = useForm<{ message: string }>({
    initialValues: { message: '' },
    validate: zodValidate(JoinRequestCreateSchema, { label: labelsFrom(labels), t }),
  });

  return (
    <Modal opened onClose={onClose} title={<strong>{title}</strong>} centered>
      <form
        noValidate
        data-testid="join-message-form"
        onSubmit={form.onSubmit((values) =>
          send(JoinRequestCreateSchema.parse(values)).catch((e: unknown) =>
            showApiFieldError(form, e, { labels, t }),
          ),
        )}
      >
        <Stack gap="md">
          <Text size="sm">{intro}</Text>
          <FormError error={error} />
          <Textarea
            label={labels.message}
            description={t('teams.requests.messageHint', { count: JOIN_MESSAGE_MAX })}
            autosize
            minRows={3}
            data-autofocus
            data-testid="join-message"
            {...form.getInputProps('message')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('forms.cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="join-message-send">
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
