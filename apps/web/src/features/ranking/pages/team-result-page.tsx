import type { Team, TeamResult } from '@ca/shared';
import { Alert, Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader, QueryError, QueryPageState } from '../../../components/query-state';
import { isApiError } from '../../../lib/http';
import { useLanguage } from '../../../lib/i18n';
import { useAuth } from '../../auth/queries';
import { editionQueries, type TimedEdition } from '../../editions/queries';
import { formatScore } from '../../live/format-score';
import { submissionQueries } from '../../submissions/queries';
import { rankingQueries } from '../queries';
import { useResultsPublished } from '../results-published';
import '../ranking.css';

/**
 * `/teams/:teamId/result` (the team's members and organizers): the team's ranks on its track's
 * board and the whole edition's, its criterion means and, where the edition shares them, the
 * jurors' comments without names. Before publication it says the results are not out yet, and
 * does not ask the API (which answers 409 then).
 */
export function TeamResultPage() {
  const { teamId = '' } = useParams<{ teamId: string }>();
  const { t } = useTranslation();
  const { me } = useAuth();
  const team = useQuery(submissionQueries.team(teamId));
  const edition = useQuery({ ...editionQueries.detail(team.data?.editionId ?? ''), enabled: !!team.data });
  const published = useResultsPublished(edition.data);
  const allowed =
    !!me && !!team.data && (me.isOrganizer || team.data.members.some((m) => m.userId === me.id));
  const result = useQuery({
    ...rankingQueries.teamResult(teamId),
    enabled: published && allowed,
    retry: false,
  });
  useDocumentTitle(
    `${t('ranking.team.title')} · ${team.data?.name ?? t('common.loading')} · ${t('common.appName')}`,
  );

  if (team.isPending || team.isError) return <QueryPageState query={team} />;
  if (edition.isPending || edition.isError) return <QueryPageState query={edition} />;
  const e = edition.data;

  const header = (
    <Stack gap={4}>
      <Anchor component={Link} to={`/editions/${e.slug}/team`} size="sm" fw={600}>
        ← {t('ranking.team.back')}
      </Anchor>
      <Title order={1} className="page-title">
        {t('ranking.team.title')}
      </Title>
      <Text c="dimmed">
        {team.data.name} · {e.name}
      </Text>
    </Stack>
  );

  let body;
  if (!allowed) body = <Text role="alert">{t('ranking.team.membersOnly')}</Text>;
  else if (!published || (isApiError(result.error) && result.error.code === 'PHASE_CLOSED'))
    body = (
      <Alert
        variant="light"
        color="blue"
        role="status"
        title={t('ranking.team.notOutTitle')}
        data-testid="team-result-pending"
      >
        {t('ranking.team.notOut')}
      </Alert>
    );
  else if (result.isPending) body = <PageLoader />;
  else if (result.isError) body = <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  else body = <ResultBody result={result.data} team={team.data} edition={e} />;

  return (
    <Stack gap="lg" maw={880}>
      {header}
      {body}
    </Stack>
  );
}

function ResultBody({ result: r, team, edition }: { result: TeamResult; team: Team; edition: TimedEdition }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fmt = (n: number | null) => formatScore(n, language);
  const track = edition.tracks.find((tr) => tr.id === r.trackId)?.name ?? '';

  return (
    <Stack gap="lg" data-testid="team-result">
      <Card withBorder padding="lg" component="section" aria-labelledby="result-ranks-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="result-ranks-title">
            {r.title ?? team.name}
          </Title>
          {r.status === 'ranked' ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <Rank
                testId="team-result-track-rank"
                label={t('ranking.team.trackRank', { track })}
                rank={r.rank}
                of={r.rankedInTrack}
              />
              <Rank
                testId="team-result-overall-rank"
                label={t('ranking.team.overallRank')}
                rank={r.overallRank}
                of={r.rankedOverall}
              />
            </SimpleGrid>
          ) : (
            <Text data-testid="team-result-status">{t(`ranking.team.status.${r.status}`)}</Text>
          )}
          {r.status === 'ranked' && (
            <Text size="sm" c="dimmed">
              {t('ranking.team.scoreLine', { score: fmt(r.score), count: r.sheets })}
            </Text>
          )}
        </Stack>
      </Card>

      {r.sheets > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="result-criteria-title">
          <Title order={2} size="h3" id="result-criteria-title" mb="sm">
            {t('ranking.team.criteria')}
          </Title>
          <dl className="results-means" data-testid="team-result-criteria">
            {r.criteria.map((c) => (
              <div key={c.criterionId} className="results-mean">
                <dt>
                  {c.name}{' '}
                  <Text span size="xs" c="dimmed">
                    {t('ranking.results.weightRange', {
                      weight: String(c.weight),
                      min: String(c.min),
                      max: String(c.max),
                    })}
                  </Text>
                </dt>
                <dd>{fmt(c.mean)}</dd>
              </div>
            ))}
          </dl>
        </Card>
      )}

      <Card withBorder padding="lg" component="section" aria-labelledby="result-comments-title">
        <Title order={2} size="h3" id="result-comments-title" mb="sm">
          {t('ranking.team.comments')}
        </Title>
        {!r.commentsShared || r.comments === null ? (
          <Text c="dimmed">{t('ranking.team.commentsNotShared')}</Text>
        ) : r.comments.length === 0 ? (
          <Text c="dimmed">{t('ranking.team.noComments')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="result-comments" data-testid="team-result-comments">
            {r.comments.map((c, i) => (
              <Card component="li" key={i} withBorder padding="sm" bg="gray.0">
                {c}
              </Card>
            ))}
          </Stack>
        )}
        {r.commentsShared && (
          <Text size="xs" c="dimmed" mt="sm">
            {t('ranking.team.commentsAnonymous')}
          </Text>
        )}
      </Card>
    </Stack>
  );
}

function Rank({
  label,
  rank,
  of,
  testId,
}: {
  label: string;
  rank: number | null;
  of: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={800} lh={1.2}>
        {rank === null ? '–' : t('ranking.team.rankOf', { rank, of })}
      </Text>
    </div>
  );
}
