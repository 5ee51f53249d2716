import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader, QueryError } from '../../../components/query-state';
import { JurorCallout } from '../../judging/components/juror-callout';
import { EditionCard } from '../components/edition-card';
import { editionQueries } from '../queries';

/** The published editions, newest first as the API orders them. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('editions.list.title')} · ${t('common.appName')}`);
  const editions = useQuery(editionQueries.list());

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} className="page-title" mb="xs">
          {t('editions.list.title')}
        </Title>
        <Text maw={720}>{t('editions.list.intro')}</Text>
      </div>
      <JurorCallout />
      {editions.isPending ? (
        <PageLoader />
      ) : editions.isError ? (
        <QueryError error={editions.error} onRetry={() => void editions.refetch()} />
      ) : editions.data.items.length === 0 ? (
        <Text>{t('editions.list.empty')}</Text>
      ) : (
        <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} spacing="lg" className="plain-list">
          {editions.data.items.map((edition) => (
            <EditionCard key={edition.id} edition={edition} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
