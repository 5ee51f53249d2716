import {
  SUBMISSION_DESCRIPTION_MIN_LENGTH,
  submissionChecklist,
  type Submission,
  type Team,
} from '@ca/shared';
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import type { TimedEdition } from '../../editions/queries';
import { useServerNow } from '../../editions/use-server-now';
import { badgeStatusOf, SubmissionStatusBadge } from '../../submissions/components/submission-status-badge';
import { submissionQueries } from '../../submissions/queries';

/**
 * The team's project first: draft or submitted, when it was last saved, what the checklist still
 * misses, the team's deadline, and the way to the editor.
 */
export function ProjectCard({ team, edition }: { team: Team; edition: TimedEdition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useServerNow(edition.clockOffsetMs);
  const query = useQuery(submissionQueries.detail(team.id));
  const submission: Submission | null | undefined = query.data;
  const track = edition.tracks.find((tr) => tr.id === team.trackId);
  const checklist = submissionChecklist(submission ?? null, edition.submissionRequirements, {
    trackHasChallenges: (track?.challenges.length ?? 0) > 0,
  });
  const missing = checklist.items.filter((i) => !i.done);
  const deadline = submission?.deadline ?? edition.submissionDeadline;
  const open = now >= Date.parse(edition.hackingStartsAt) && now < Date.parse(deadline);

  let summary: string;
  if (!submission) summary = open ? t('teams.project.none') : t('teams.project.noneClosed');
  else if (submission.disqualified) summary = t('teams.project.disqualified');
  else if (submission.status === 'submitted')
    summary = t(open ? 'teams.project.submittedOpen' : 'teams.project.submittedClosed', {
      date: format.dateTime(submission.submittedAt ?? submission.updatedAt),
    });
  else summary = open ? t('teams.project.draft') : t('teams.project.draftClosed');

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="project-title"
      data-testid="project-card"
    >
      {query.isPending ? (
        <PageLoader />
      ) : (
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap">
            <Title order={2} size="h3" id="project-title">
              {submission?.title || t('teams.project.title')}
            </Title>
            {submission ? (
              <SubmissionStatusBadge status={badgeStatusOf(submission)} />
            ) : (
              <Badge variant="outline" color="red.9" data-testid="submission-status">
                {t('teams.project.notStarted')}
              </Badge>
            )}
          </Group>
          <Text data-testid="project-summary">{summary}</Text>
          <Text size="sm" c="dimmed">
            {submission && t('teams.project.lastSaved', { date: format.dateTime(submission.updatedAt) })}
            {submission && ' · '}
            {t('teams.project.deadline', { date: format.deadline(deadline) })}
          </Text>
          {submission && !submission.disqualified && missing.length > 0 && (
            <Stack gap={4} data-testid="project-missing">
              <Text size="sm" fw={600}>
                {t('teams.project.missing')}
              </Text>
              <List size="sm" spacing={2}>
                {missing.map((item) => (
                  <List.Item key={item.key}>
                    {t(`submissions.checklist.items.${item.key}`, {
                      count: SUBMISSION_DESCRIPTION_MIN_LENGTH,
                    })}
                    {item.required && ` (${t('submissions.checklist.required')})`}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          <Button
            component={Link}
            to={`/teams/${team.id}/submission`}
            style={{ alignSelf: 'flex-start' }}
            data-testid="open-submission"
          >
            {!submission && open ? t('teams.project.start') : t('teams.page.openProject')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}
