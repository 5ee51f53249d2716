import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';

/** The gallery before the results are published (the API answers 409 PHASE_CLOSED until then). */
export function NotPublished({ resultsPublishedAt }: { resultsPublishedAt: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert
      color="blue"
      variant="light"
      title={t('gallery.notPublished.title')}
      data-testid="gallery-not-published"
      styles={{ title: { color: 'var(--mantine-color-blue-9)' } }}
    >
      <Text size="sm">
        {resultsPublishedAt
          ? t('gallery.notPublished.scheduled', { date: format.deadline(resultsPublishedAt) })
          : t('gallery.notPublished.body')}
      </Text>
    </Alert>
  );
}

export const isNotPublished = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'PHASE_CLOSED';
