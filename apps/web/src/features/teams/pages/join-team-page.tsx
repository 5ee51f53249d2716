import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormError } from '../../../components/form-error';
import { PageLoader, QueryError } from '../../../components/query-state';
import { isApiError } from '../../../lib/http';
import { authKeys, isParticipantOf, useAuth } from '../../auth/queries';
import { editionQueries } from '../../editions/queries';
import { RegistrationForm } from '../../registrations/components/registration-form';
import { useWindowOpen } from '../../registrations/windows';
import { useJoinTeam } from '../mutations';
import { teamQueries } from '../queries';

/**
 * `/join/:inviteCode` (signed in; visitors come back here after signing in or up): the team
 * behind the link, then joining it. Every refusal comes with a way forward: register first, see
 * your team, find another team.
 */
export function JoinTeamPage() {
  const { inviteCode = '' } = useParams<{ inviteCode: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  const team = useQuery({ ...teamQueries.byInvite(inviteCode), retry: false });
  const edition = useQuery({ ...editionQueries.detail(team.data?.editionId ?? ''), enabled: !!team.data });
  const join = useJoinTeam();
  const registerOpen = useWindowOpen('register', edition.data);
  const queryClient = useQueryClient();
  useDocumentTitle(`${t('teams.joinPage.title')} · ${t('common.appName')}`);

  const title = (
    <Title order={1} className="page-title">
      {t('teams.joinPage.title')}
    </Title>
  );

  if (team.isPending || (team.data && edition.isPending)) return <PageLoader />;
  if (team.isError) {
    const unknown = isApiError(team.error) && team.error.code === 'NOT_FOUND';
    return (
      <Stack gap="md" maw={640}>
        {title}
        {unknown ? (
          <>
            <Text data-testid="invite-unknown">{t('teams.joinPage.unknown')}</Text>
            <Anchor component={Link} to="/" fw={600}>
              {t('common.notFound.home')}
            </Anchor>
          </>
        ) : (
          <QueryError error={team.error} onRetry={() => void team.refetch()} />
        )}
      </Stack>
    );
  }
  if (edition.isError) return <QueryError error={edition.error} onRetry={() => void edition.refetch()} />;

  const tm = team.data;
  const ed = edition.data!;
  const teamPage = `/editions/${ed.slug}/team`;
  const finder = `/editions/${ed.slug}/find-team`;
  const track = ed.tracks.find((tr) => tr.id === tm.trackId);
  const alreadyMember = !!me && tm.members.some((m) => m.userId === me.id);
  const registered = isParticipantOf(me, ed.id);
  const code = isApiError(join.error) ? join.error.code : undefined;
  const joinNow = () =>
    join.mutate(inviteCode, {
      onSuccess: () => void navigate(teamPage, { replace: true }),
      // Refused as not registered (FORBIDDEN or NOT_REGISTERED): this device's roles were stale.
      onError: (error) => {
        if (isApiError(error) && (error.code === 'FORBIDDEN' || error.code === 'NOT_REGISTERED'))
          void queryClient.invalidateQueries({ queryKey: authKeys.me() });
      },
    });

  return (
    <Stack gap="lg" maw={720}>
      {title}
      <Card withBorder padding="lg">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {ed.name}
          </Text>
          <Group gap="sm">
            <Title order={2} data-testid="join-team-name">
              {tm.name}
            </Title>
            {track && (
              <Badge variant="filled" color="blue.9" size="lg" tt="none">
                {track.name}
              </Badge>
            )}
          </Group>
          <Text>
            {t('teams.joinPage.members', {
              count: tm.members.length,
              names: tm.members.map((m) => m.name).join(', '),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('teams.panel.freePlaces', { count: tm.freePlaces })}
          </Text>
        </Stack>
      </Card>

      {alreadyMember ? (
        <Stack gap="sm" align="flex-start">
          <Text data-testid="already-member">{t('teams.joinPage.alreadyMember')}</Text>
          <Button component={Link} to={teamPage}>
            {t('registrations.panel.myTeam')}
          </Button>
        </Stack>
      ) : !registered ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="register-first">
          <Stack gap="md">
            <Title order={2} size="h3" id="register-first">
              {t('teams.joinPage.registerFirst', { edition: ed.name })}
            </Title>
            {registerOpen ? (
              <>
                <Text>{t('teams.joinPage.registerThenJoin')}</Text>
                <RegistrationForm editionId={ed.id} onRegistered={joinNow} />
              </>
            ) : (
              <Text>{t('registrations.panel.closed')}</Text>
            )}
          </Stack>
        </Card>
      ) : (
        <Stack gap="md" align="flex-start">
          <FormError error={join.error}>
            {code === 'TEAM_FULL' && (
              <Anchor component={Link} to={finder} fw={600}>
                {t('teams.joinPage.findAnother')}
              </Anchor>
            )}
            {code === 'ALREADY_IN_TEAM' && (
              <Anchor component={Link} to={teamPage} fw={600}>
                {t('teams.joinPage.seeYourTeam')}
              </Anchor>
            )}
            {code === 'PHASE_CLOSED' && (
              <Anchor component={Link} to={`/editions/${ed.slug}`} fw={600}>
                {t('teams.joinPage.seeTimeline')}
              </Anchor>
            )}
            {code === 'NOT_FOUND' && <Text size="sm">{t('teams.joinPage.codeChanged')}</Text>}
          </FormError>
          <Button size="md" loading={join.isPending} data-testid="join-team" onClick={joinNow}>
            {t('teams.joinPage.join', { team: tm.name })}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
