import { Anchor, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryPageState } from '../../../components/query-state';
import { isParticipantOf, useAuth } from '../../auth/queries';
import { editionQueries } from '../../editions/queries';
import { RegistrationForm } from '../../registrations/components/registration-form';
import { useWindowOpen } from '../../registrations/windows';
import { JoinRequestsPanel } from '../components/join-requests-panel';
import { PeopleFinder } from '../components/people-finder';
import { TeamsFinder } from '../components/teams-finder';
import { teamQueries } from '../queries';

/**
 * `/editions/:slug/find-team` (registered participants and organizers): people looking for a
 * team, by skill, and teams with free places, by track. Someone without a team asks a team to
 * join; a captain invites a person. Filters live in the address, so a filtered list can be
 * shared and survives a reload.
 */
export function TeamFinderPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'teams' ? 'teams' : 'people';
  const edition = useQuery(editionQueries.detail(slug));
  const registered = isParticipantOf(me, edition.data?.id);
  const myTeam = useQuery({ ...teamQueries.mine(edition.data?.id ?? ''), enabled: registered });
  const requests = useQuery({ ...teamQueries.joinRequests(edition.data?.id ?? ''), enabled: registered });
  const registerOpen = useWindowOpen('register', edition.data);
  useDocumentTitle(
    `${t('teams.finder.title')} · ${edition.data?.name ?? t('common.loading')} · ${t('common.appName')}`,
  );

  if (edition.isPending || edition.isError) return <QueryPageState query={edition} />;
  const ed = edition.data;
  const allowed = registered || !!me?.isOrganizer;
  const team = myTeam.data ?? null;
  const pending = requests.data?.items ?? [];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/editions/${ed.slug}`} size="sm" fw={600}>
          ← {ed.name}
        </Anchor>
        <Title order={1} className="page-title">
          {t('teams.finder.title')}
        </Title>
        <Text maw={720}>{t('teams.finder.intro')}</Text>
      </Stack>
      {!allowed ? (
        <Stack gap="md" maw={640}>
          <Text>{t('teams.finder.registerFirst', { edition: ed.name })}</Text>
          {registerOpen ? (
            <RegistrationForm editionId={ed.id} />
          ) : (
            <Text>{t('registrations.panel.closed')}</Text>
          )}
        </Stack>
      ) : (
        <>
          {registered && me && (
            <JoinRequestsPanel editionId={ed.id} team={team} meId={me.id} tracks={ed.tracks} />
          )}
          <Tabs
            value={tab}
            onChange={(value) =>
              setParams(
                (p) => {
                  p.set('tab', value ?? 'people');
                  return p;
                },
                { replace: true },
              )
            }
          >
            <Tabs.List>
              <Tabs.Tab value="people" data-testid="finder-tab-people">
                {t('teams.finder.peopleTab')}
              </Tabs.Tab>
              <Tabs.Tab value="teams" data-testid="finder-tab-teams">
                {t('teams.finder.teamsTab')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="people" pt="md">
              <PeopleFinder edition={ed} myTeam={team} meId={me?.id ?? ''} pending={pending} />
            </Tabs.Panel>
            <Tabs.Panel value="teams" pt="md">
              <TeamsFinder edition={ed} canAsk={registered && !team && !myTeam.isPending} pending={pending} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
