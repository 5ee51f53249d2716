import { Anchor, Flex, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryPageState } from '../../../components/query-state';
import { EditionLeaderboards } from '../../live/components/edition-leaderboards';
import { CriteriaList } from '../components/criteria-list';
import { EditionCountdown } from '../components/edition-countdown';
import { EditionWhenWhere } from '../components/edition-when-where';
import { EditionTimeline } from '../components/edition-timeline';
import { NextStepPanel } from '../components/next-step-panel';
import { PhaseBadge } from '../components/phase-badge';
import { TracksSection } from '../components/tracks-section';
import { editionKeys, editionQueries, type TimedEdition } from '../queries';
import { useMilestone } from '../use-milestone';
import { useEditionLive } from '../use-edition-live';

/** `/editions/:slug`: what an edition is, when things happen, and what there is to build. */
export function EditionPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(editionQueries.detail(slug));
  const edition = query.data;

  useDocumentTitle(`${edition?.name ?? t('common.loading')} · ${t('common.appName')}`);
  useEditionLive(edition?.id, slug);
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: editionKeys.detail(slug) }),
    [queryClient, slug],
  );

  if (query.isPending || query.isError)
    return <QueryPageState query={query} notFoundMessage={t('errors.NOT_FOUND')} />;
  return <EditionView edition={query.data} onBoundary={refresh} />;
}

function EditionView({ edition: e, onBoundary: refresh }: { edition: TimedEdition; onBoundary: () => void }) {
  const { t } = useTranslation();
  const { milestone } = useMilestone(e);

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Anchor component={Link} to="/" size="sm" fw={600}>
          ← {t('editions.detail.back')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} className="page-title" data-testid="edition-name">
            {e.name}
          </Title>
          <PhaseBadge phase={e.phase} size="lg" />
        </Group>
        <EditionWhenWhere edition={e} testId="edition" />
        {e.description && (
          <Text size="lg" maw={760}>
            {e.description}
          </Text>
        )}
        <Flex wrap="wrap" columnGap="lg" rowGap={4}>
          <Text size="sm" c="dimmed">
            {t('editions.detail.teamSize', { min: e.teamMinSize, max: e.teamMaxSize })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('editions.detail.reviews', { count: e.reviewsPerSubmission })}
          </Text>
        </Flex>
      </Stack>

      <EditionCountdown edition={e} onBoundary={refresh} milestone={milestone} />

      <NextStepPanel edition={e} inlineRegistration />

      <EditionLeaderboards edition={e} />

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <section aria-labelledby="timeline-title">
            <Title order={2} id="timeline-title" mb="md">
              {t('editions.timeline.title')}
            </Title>
            <EditionTimeline edition={e} />
          </section>
        </Grid.Col>
        {e.criteria.length > 0 && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <section aria-labelledby="criteria-title">
              <Title order={2} id="criteria-title" mb="md">
                {t('editions.criteria.title')}
              </Title>
              <CriteriaList criteria={e.criteria} />
            </section>
          </Grid.Col>
        )}
      </Grid>

      <TracksSection tracks={e.tracks} titleId="tracks-title" />
    </Stack>
  );
}
