import { Anchor, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryPageState } from '../../../components/query-state';
import { editionQueries } from '../../editions/queries';
import { LiveSection } from '../components/live-section';

/** `/organize/editions/:slug/live`: the live console (a section of the organizer console once it has sections). */
export function LiveConsolePage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const query = useQuery(editionQueries.detail(slug));
  useDocumentTitle(
    `${query.data?.name ?? t('common.loading')} · ${t('live.title')} · ${t('common.appName')}`,
  );
  if (query.isPending || query.isError)
    return <QueryPageState query={query} notFoundMessage={t('errors.NOT_FOUND')} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/organize/editions/${query.data.slug}`} size="sm" fw={600}>
        ← {query.data.name}
      </Anchor>
      <LiveSection edition={query.data} />
    </Stack>
  );
}
