import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lock } from '../lock';

/** Why nothing can be changed, said in words, with the date when there is one. */
export function ReadOnlyNotice({ lock, formatDate }: { lock: Lock; formatDate: (iso: string) => string }) {
  const { t } = useTranslation();
  let text: string;
  switch (lock.kind) {
    case 'deadline':
      text = t('submissions.readOnly.deadline', { date: formatDate(lock.at) });
      break;
    case 'notStarted':
      text = t('submissions.readOnly.notStarted', { date: formatDate(lock.at) });
      break;
    case 'disqualified':
      text = lock.reason
        ? t('submissions.readOnly.disqualified', { reason: lock.reason })
        : t('submissions.readOnly.disqualifiedNoReason');
      break;
    case 'forbidden':
      text = t('submissions.readOnly.forbidden');
      break;
    case 'phaseClosed':
      text = t('submissions.readOnly.phaseClosed');
      break;
  }
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('submissions.readOnly.title')}
      data-testid="read-only-reason"
      data-reason={lock.kind}
      styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
    >
      <Text size="sm">{text}</Text>
    </Alert>
  );
}
