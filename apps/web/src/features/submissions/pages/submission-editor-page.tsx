import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../../app/not-found-page';
import { PageLoader, QueryError } from '../../../components/query-state';
import { isApiError } from '../../../lib/http';
import { editionQueries } from '../../editions/queries';
import { SubmissionEditor } from '../components/submission-editor';
import { submissionQueries } from '../queries';

/** `/teams/:teamId/submission`: the team's project editor (members), read-only for organizers. */
export function SubmissionEditorPage() {
  const { teamId = '' } = useParams<{ teamId: string }>();
  const { t } = useTranslation();
  const team = useQuery(submissionQueries.team(teamId));
  const edition = useQuery({ ...editionQueries.detail(team.data?.editionId ?? ''), enabled: !!team.data });
  const submission = useQuery(submissionQueries.detail(teamId));

  const failed = [team, submission, edition].find((q) => q.isError);
  if (failed) {
    const error = failed.error;
    if (isApiError(error) && error.code === 'NOT_FOUND')
      return <NotFoundPage message={t('errors.NOT_FOUND')} />;
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') {
      return (
        <Stack gap="md" maw={640} role="alert">
          <Title order={1}>{t('errors.UNAUTHENTICATED')}</Title>
          <Text>
            <Anchor component={Link} to="/" fw={600}>
              {t('common.notFound.home')}
            </Anchor>
          </Text>
        </Stack>
      );
    }
    return <QueryError error={error} onRetry={() => void failed.refetch()} />;
  }
  if (!team.data || !edition.data || submission.data === undefined) return <PageLoader />;

  return (
    <SubmissionEditor key={teamId} team={team.data} edition={edition.data} submission={submission.data} />
  );
}
