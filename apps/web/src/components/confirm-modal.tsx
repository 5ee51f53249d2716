import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A question before an action that cannot be undone by the person doing it. */
export function ConfirmModal({
  opened,
  title,
  body,
  confirm,
  danger,
  loading,
  onConfirm,
  onClose,
  children,
}: {
  opened: boolean;
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /** Shown under the question, e.g. why the last attempt was refused. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        <Text>{body}</Text>
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('forms.cancel')}
          </Button>
          <Button
            color={danger ? 'red.8' : undefined}
            loading={loading}
            onClick={onConfirm}
            data-testid="confirm"
          >
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
