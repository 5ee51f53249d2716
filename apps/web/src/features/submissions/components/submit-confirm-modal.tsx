import type { SubmissionChecklist } from '@ca/shared';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { SubmissionChecklistView } from './submission-checklist';

/**
 * "Submit the project?" with the checklist of what it has and lacks. Items the edition requires
 * block the submit (the API refuses it too, 409 SUBMISSION_INCOMPLETE); the others only warn.
 */
export function SubmitConfirmModal({
  opened,
  checklist,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  checklist: SubmissionChecklist;
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lacking = checklist.items.some((i) => !i.done);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<strong>{t('submissions.confirm.title')}</strong>}
      centered
    >
      <Stack gap="md" data-testid="submit-confirm">
        <Text size="sm">{t('submissions.confirm.body')}</Text>
        <Text size="sm" fw={700}>
          {t('submissions.checklist.title')}
        </Text>
        <SubmissionChecklistView checklist={checklist} />
        {!checklist.ready ? (
          <Alert color="red" variant="light" role="alert" data-testid="submit-blocked">
            <Text size="sm" c="red.9" fw={600}>
              {t('submissions.checklist.requiredMissing', { count: checklist.missing.length })}
            </Text>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {lacking ? t('submissions.checklist.someMissing') : t('submissions.checklist.allDone')}
          </Text>
        )}
        <FormError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('submissions.confirm.keepEditing')}
          </Button>
          <Button
            onClick={onConfirm}
            loading={loading}
            disabled={!checklist.ready}
            data-testid="submit-confirm-button"
          >
            {t('submissions.editor.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
