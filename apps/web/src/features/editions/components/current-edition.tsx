import { Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader, QueryError } from '../../../components/query-state';
import { editionKeys, editionQueries, type TimedEdition } from '../queries';
import { useEditionLive } from '../use-edition-live';
import { useMilestone } from '../use-milestone';
import { EditionCountdown } from './edition-countdown';
import { EditionWhenWhere } from './edition-when-where';
import { NextStepPanel } from './next-step-panel';
import { PhaseBadge } from './phase-badge';
import { TracksSection } from './tracks-section';

/** The home page's edition: what it is, when, the countdown and next step, its tracks and prizes. */
export function CurrentEdition({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(editionQueries.detail(slug));
  useEditionLive(query.data?.id, slug);
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: editionKeys.all }),
    [queryClient],
  );

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;

  return (
    <Stack gap="xl" data-testid="current-edition">
      <Stack gap="sm">
        <Text fw={700} c="blue.9" tt="uppercase" size="sm">
          {t('editions.home.eyebrow')}
        </Text>
        <Group gap="sm" align="center">
          <Title order={1} className="page-title" data-testid="home-edition-name">
            {e.name}
          </Title>
          <PhaseBadge phase={e.phase} size="lg" />
        </Group>
        <EditionWhenWhere edition={e} testId="home" />
        {e.description && (
          <Text size="lg" maw={760}>
            {e.description}
          </Text>
        )}
        <Anchor component={Link} to={`/editions/${e.slug}`} fw={600} data-testid="home-open-edition">
          {t('editions.home.details')} →
        </Anchor>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <HomeCountdown edition={e} onBoundary={refresh} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <NextStepPanel edition={e} />
        </Grid.Col>
      </Grid>

      <TracksSection tracks={e.tracks} titleId="home-tracks-title" />
    </Stack>
  );
}

function HomeCountdown({ edition, onBoundary }: { edition: TimedEdition; onBoundary: () => void }) {
  const { milestone } = useMilestone(edition);
  return <EditionCountdown edition={edition} onBoundary={onBoundary} milestone={milestone} />;
}
