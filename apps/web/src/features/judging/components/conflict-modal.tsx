import type { ConflictDeclared } from '@ca/shared';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useDeclareConflict } from '../mutations';
import { REASON_MAX } from './flag-modal';

/**
 * A juror declares a conflict of interest with a team (a relative, a colleague, a former
 * employer…): they are never assigned to it again and cannot score it; an unscored assignment is
 * dropped, and a sheet already saved stops counting.
 */
export function ConflictModal({
  opened,
  onClose,
  onDeclared,
  editionId,
  teamId,
  teamName,
}: {
  opened: boolean;
  onClose: () => void;
  onDeclared: (result: ConflictDeclared) => void;
  editionId: string;
  teamId: string;
  teamName: string;
}) {
  const { t } = useTranslation();
  const declare = useDeclareConflict(editionId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  return (
    <Modal opened={opened} onClose={onClose} title={t('judging.conflict.title', { team: teamName })} centered>
      <form
        noValidate
        data-testid="conflict-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim() === '') {
            setError(t('judging.conflict.reasonRequired'));
            return;
          }
          setError(null);
          declare.mutate({ teamId, reason: reason.trim() }, { onSuccess: onDeclared });
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('judging.conflict.intro')}</Text>
          <FormError error={declare.error} />
          <Textarea
            label={t('judging.conflict.reason')}
            description={t('judging.conflict.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            value={reason}
            error={error}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="conflict-reason"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('forms.cancel')}
            </Button>
            <Button type="submit" color="grape.8" loading={declare.isPending} data-testid="conflict-submit">
              {t('judging.conflict.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
