import type { FlagKind } from '@ca/shared';
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useFlagProject } from '../mutations';
import { FLAG_COLOR } from './status-badge';

export const REASON_MAX = 1000;

/**
 * "Team absent" or "cannot judge", with a reason, instead of a sheet: the organizers see it in
 * coverage and hand the project to another juror. Flagging again replaces the open flag.
 */
export function FlagModal({
  opened,
  onClose,
  onFlagged,
  editionId,
  submissionId,
  projectName,
  initialKind,
}: {
  opened: boolean;
  onClose: () => void;
  onFlagged: () => void;
  editionId: string;
  submissionId: string;
  projectName: string;
  initialKind: FlagKind;
}) {
  const { t } = useTranslation();
  const flag = useFlagProject(editionId);
  const [kind, setKind] = useState<FlagKind>(initialKind);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (reason.trim() === '') {
      setError(t('judging.flag.reasonRequired'));
      return;
    }
    setError(null);
    flag.mutate({ submissionId, kind, reason: reason.trim() }, { onSuccess: onFlagged });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('judging.flag.title', { name: projectName })} centered>
      <form
        noValidate
        data-testid="flag-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('judging.flag.intro')}</Text>
          <FormError error={flag.error} />
          <Radio.Group
            label={t('judging.flag.kind')}
            value={kind}
            onChange={(v) => setKind(v as FlagKind)}
            required
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="absent"
                label={t('judging.flag.absent')}
                size="md"
                data-testid="flag-kind-absent"
              />
              <Radio
                value="cannot_judge"
                label={t('judging.flag.cannotJudge')}
                size="md"
                data-testid="flag-kind-cannot_judge"
              />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('judging.flag.reason')}
            description={t('judging.flag.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            value={reason}
            error={error}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="flag-reason"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('forms.cancel')}
            </Button>
            <Button type="submit" color={FLAG_COLOR} loading={flag.isPending} data-testid="flag-submit">
              {t('judging.flag.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
