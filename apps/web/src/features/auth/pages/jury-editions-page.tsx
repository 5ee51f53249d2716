import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageLoader } from '../../../components/query-state';
import { editionQueries } from '../../editions/queries';
import { editionIdsWithRole, useAuth } from '../queries';

/**
 * `/jury`: the editions where the user is a juror, each leading to the juror's projects
 * (`/jury/:slug`). With one edition — the usual case — it goes straight there, so the header's
 * "Jury" link reaches the juror's work in one click.
 */
export function JuryEditionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.jury.editionsTitle')} · ${t('common.appName')}`);
  const { me } = useAuth();
  const ids = editionIdsWithRole(me, 'juror');
  const editions = useQueries({ queries: ids.map((id) => editionQueries.detail(id)) });

  const only = ids.length === 1 ? editions[0]?.data : undefined;
  if (only) return <Navigate to={`/jury/${only.slug}`} replace />;

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
                <Anchor component={Link} to={`/jury/${q.data.slug}`} fw={700} data-testid="jury-edition">
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
