import type { GalleryProject } from '@ca/shared';
import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../../app/not-found-page';
import { PageLoader, QueryError } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { isApiError } from '../../../lib/http';
import { editionQueries, type TimedEdition } from '../../editions/queries';
import { ExternalLink } from '../../markdown/external-link';
import { MarkdownView } from '../../markdown/markdown-view';
import { isNotPublished, NotPublished } from '../components/not-published';
import { galleryQueries } from '../queries';

/** `/editions/:slug/gallery/:submissionId`: one project of the gallery. */
export function GalleryProjectPage() {
  const { slug = '', submissionId = '' } = useParams<{ slug: string; submissionId: string }>();
  const { t } = useTranslation();
  const edition = useQuery(editionQueries.detail(slug));
  const project = useQuery({
    ...galleryQueries.project(edition.data?.id ?? '', submissionId),
    enabled: !!edition.data?.resultsPublished,
    retry: false,
  });
  useDocumentTitle(
    `${project.data?.title ?? t('common.loading')} · ${edition.data?.name ?? ''} · ${t('common.appName')}`,
  );

  if (edition.data && !edition.data.resultsPublished)
    return (
      <Stack gap="lg">
        <BackLink edition={edition.data} />
        <NotPublished resultsPublishedAt={edition.data.resultsPublishedAt} />
      </Stack>
    );
  const failed = edition.isError ? edition : project.isError ? project : null;
  if (failed) {
    if (isApiError(failed.error) && failed.error.code === 'NOT_FOUND')
      return <NotFoundPage message={t('errors.NOT_FOUND')} />;
    if (edition.data && isNotPublished(failed.error)) {
      return (
        <Stack gap="lg">
          <BackLink edition={edition.data} />
          <NotPublished resultsPublishedAt={edition.data.resultsPublishedAt} />
        </Stack>
      );
    }
    return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (!edition.data || !project.data) return <PageLoader />;
  return <Project edition={edition.data} project={project.data} />;
}

function BackLink({ edition }: { edition: TimedEdition }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/editions/${edition.slug}/gallery`} size="sm" fw={600}>
      ← {t('gallery.project.back')}
    </Anchor>
  );
}

function Project({ edition, project }: { edition: TimedEdition; project: GalleryProject }) {
  const { t } = useTranslation();
  const format = useFormat();
  const challengeTitles = new Map(edition.tracks.flatMap((tr) => tr.challenges.map((c) => [c.id, c.title])));
  const links = (['repoUrl', 'demoUrl', 'videoUrl'] as const).filter((k) => project[k] !== '');

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <BackLink edition={edition} />
        <Group gap="sm" align="center">
          <Title order={1} className="page-title" data-testid="project-title">
            {project.title}
          </Title>
          {project.rank !== null && (
            <Badge color="yellow.4" autoContrast variant="filled" size="lg">
              {t('gallery.rank', { rank: project.rank })}
            </Badge>
          )}
        </Group>
        {project.tagline && (
          <Text size="lg" maw={760}>
            {project.tagline}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('gallery.project.submittedAt', { date: format.date(project.submittedAt) })}
        </Text>
      </Stack>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }} component="section" aria-labelledby="project-description">
          <Title order={2} id="project-description" mb="sm">
            {t('gallery.project.description')}
          </Title>
          <MarkdownView
            source={project.description}
            headingOffset={2}
            empty={t('gallery.project.noDescription')}
            data-testid="project-description-text"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper component="aside" withBorder p="md" aria-label={t('gallery.project.team')}>
            <Stack gap="md">
              <div>
                <Title order={2} size="h5">
                  {t('gallery.project.team')}
                </Title>
                <Text fw={600}>{project.teamName}</Text>
                {project.members.length > 0 && (
                  <>
                    <Text size="sm" c="dimmed" mt={4}>
                      {t('gallery.project.members')}
                    </Text>
                    <ul className="plain-list">
                      {project.members.map((m) => (
                        <li key={m.userId}>
                          <Text size="sm">{m.name}</Text>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
              <div>
                <Title order={2} size="h5">
                  {t('gallery.project.track')}
                </Title>
                <Badge color="blue.8" variant="filled">
                  {project.trackName}
                </Badge>
              </div>
              {project.challengeIds.length > 0 && (
                <div>
                  <Title order={2} size="h5">
                    {t('gallery.project.challenges')}
                  </Title>
                  <ul className="plain-list">
                    {project.challengeIds.map((id) => (
                      <li key={id}>
                        <Text size="sm">{challengeTitles.get(id) ?? id}</Text>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {links.length > 0 && (
                <div>
                  <Title order={2} size="h5">
                    {t('gallery.project.links')}
                  </Title>
                  <ul className="plain-list">
                    {links.map((k) => (
                      <li key={k}>
                        <ExternalLink href={project[k]} fw={600} newTabLabel={t('gallery.project.newTab')}>
                          {t(`gallery.project.${k}`)}
                        </ExternalLink>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {project.techTags.length > 0 && (
                <div>
                  <Title order={2} size="h5">
                    {t('gallery.project.techTags')}
                  </Title>
                  <Group gap={6}>
                    {project.techTags.map((tag) => (
                      <Badge key={tag} color="gray.8" variant="outline" tt="none">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </div>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
