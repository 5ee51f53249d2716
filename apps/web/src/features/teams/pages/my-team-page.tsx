import { Anchor, Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader, QueryError, QueryPageState } from '../../../components/query-state';
import { isParticipantOf, useAuth } from '../../auth/queries';
import { editionQueries } from '../../editions/queries';
import { TeamResultLink } from '../../ranking/components/team-result-link';
import { RegistrationForm } from '../../registrations/components/registration-form';
import { useWindowOpen } from '../../registrations/windows';
import { CreateTeamForm } from '../components/create-team-form';
import { JoinByCodeForm } from '../components/join-by-code-form';
import { JoinRequestsPanel } from '../components/join-requests-panel';
import { ProjectCard } from '../components/project-card';
import { TeamPanel } from '../components/team-panel';
import { teamQueries } from '../queries';

/**
 * `/editions/:slug/team` (signed in): the caller's team in the edition; without one, creating a
 * team or joining one by code; without a registration, registering first.
 */
export function MyTeamPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const { me } = useAuth();
  const edition = useQuery(editionQueries.detail(slug));
  const e = edition.data;
  const registered = isParticipantOf(me, e?.id);
  const team = useQuery({ ...teamQueries.mine(e?.id ?? ''), enabled: !!e && registered });
  const teamsOpen = useWindowOpen('teams', e);
  const registerOpen = useWindowOpen('register', e);
  useDocumentTitle(`${t('teams.page.title')} · ${e?.name ?? t('common.loading')} · ${t('common.appName')}`);

  if (edition.isPending || edition.isError) return <QueryPageState query={edition} />;
  const ed = edition.data;

  const header = (
    <Stack gap={4}>
      <Anchor component={Link} to={`/editions/${ed.slug}`} size="sm" fw={600}>
        ← {ed.name}
      </Anchor>
      <Title order={1} className="page-title">
        {t('teams.page.title')}
      </Title>
    </Stack>
  );

  if (!registered) {
    return (
      <Stack gap="lg">
        {header}
        <Card withBorder padding="lg" maw={640}>
          <Stack gap="md">
            <Text>{t('teams.page.notRegistered', { edition: ed.name })}</Text>
            {registerOpen ? (
              <RegistrationForm editionId={ed.id} />
            ) : (
              <Text>{t('registrations.panel.closed')}</Text>
            )}
          </Stack>
        </Card>
      </Stack>
    );
  }

  if (team.isPending) return <PageLoader />;
  if (team.isError) return <QueryError error={team.error} onRetry={() => void team.refetch()} />;

  if (team.data) {
    return (
      <Stack gap="lg">
        {header}
        <TeamResultLink teamId={team.data.id} edition={ed} />
        <ProjectCard team={team.data} edition={ed} />
        <JoinRequestsPanel editionId={ed.id} team={team.data} meId={me!.id} tracks={ed.tracks} />
        <TeamPanel team={team.data} tracks={ed.tracks} meId={me!.id} locked={!teamsOpen} />
        {teamsOpen && (
          <Anchor component={Link} to={`/editions/${ed.slug}/find-team`} fw={600}>
            {t('teams.page.findPeople')}
          </Anchor>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {header}
      {!teamsOpen ? (
        <Text>{t('teams.page.closed')}</Text>
      ) : (
        <>
          <Text maw={720}>{t('teams.page.noTeam')}</Text>
          <JoinRequestsPanel editionId={ed.id} team={null} meId={me!.id} tracks={ed.tracks} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card withBorder padding="lg" component="section" aria-labelledby="create-title" h="100%">
                <Title order={2} size="h3" id="create-title" mb="sm">
                  {t('teams.create.title')}
                </Title>
                <CreateTeamForm editionId={ed.id} tracks={ed.tracks} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card withBorder padding="lg" component="section" aria-labelledby="join-title" h="100%">
                <Title order={2} size="h3" id="join-title" mb="sm">
                  {t('teams.join.title')}
                </Title>
                <Stack gap="md">
                  <JoinByCodeForm />
                  <Text size="sm">{t('teams.join.orFind')}</Text>
                  <Button
                    component={Link}
                    to={`/editions/${ed.slug}/find-team`}
                    variant="light"
                    style={{ alignSelf: 'flex-start' }}
                    data-testid="open-team-finder"
                  >
                    {t('registrations.panel.findTeam')}
                  </Button>
                </Stack>
              </Card>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
