import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../../components/query-state';
import { editionQueries } from '../../editions/queries';
import { editionIdsWithRole, useAuth } from '../queries';

/**
 * `/jury`: the editions where the user is a juror. The jury's own pages (assignments, score
 * sheets) replace this list when they are built.
 */
export function JuryEditionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.jury.editionsTitle')} · ${t('common.appName')}`);
  const { me } = useAuth();
  const ids = editionIdsWithRole(me, 'juror');
  const editions = useQueries({ queries: ids.map((id) => editionQueries.detail(id)) });

  return (
    <Stack gap="lg">
      <Title order={1} className="page-title">
        {t('auth.jury.editionsTitle')}
      </Title>
      {ids.length === 0 ? (
        <Text>{t('auth.jury.none')}</Text>
      ) : editions.some((q) => q.isPending) ? (
        <PageLoader />
      ) : (
        <Stack component="ul" gap="md" className="plain-list">
          {editions.map((q, i) =>
            q.data ? (
              <Card component="li" withBorder key={q.data.id}>
                <Anchor component={Link} to={`/editions/${q.data.slug}`} fw={700}>
                  {q.data.name}
                </Anchor>
              </Card>
            ) : (
              <Card component="li" withBorder key={ids[i]}>
                <Text>{t('errors.NOT_FOUND')}</Text>
              </Card>
            ),
          )}
        </Stack>
      )}
    </Stack>
  );
}
