import type { Edition } from '@ca/shared';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  type ScrollAreaProps,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageLoader, QueryError, QueryPageState } from '../../../components/query-state';
import { isParticipantOf, useAuth } from '../../auth/queries';
import { editionQueries } from '../../editions/queries';
import { RegistrationForm } from '../../registrations/components/registration-form';
import { registrationQueries } from '../../registrations/queries';
import { useWindowOpen } from '../../registrations/windows';
import { teamQueries } from '../queries';

/**
 * `/editions/:slug/find-team` (registered participants and organizers): people looking for a
 * team, by skill, and teams with free places, by track. Filters live in the address, so a
 * filtered list can be shared and survives a reload.
 */
export function TeamFinderPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'teams' ? 'teams' : 'people';
  const edition = useQuery(editionQueries.detail(slug));
  const registerOpen = useWindowOpen('register', edition.data);
  useDocumentTitle(
    `${t('teams.finder.title')} · ${edition.data?.name ?? t('common.loading')} · ${t('common.appName')}`,
  );

  if (edition.isPending || edition.isError) return <QueryPageState query={edition} />;
  const ed = edition.data;
  const allowed = isParticipantOf(me, ed.id) || !!me?.isOrganizer;

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
            <PeopleFinder edition={ed} />
          </Tabs.Panel>
          <Tabs.Panel value="teams" pt="md">
            <TeamsFinder edition={ed} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

/**
 * A table wider than a phone scrolls sideways; with only text inside, the keyboard could not
 * reach that scroll (WCAG 2.1.1, axe `scrollable-region-focusable`), so the scrolling element is
 * a named, focusable region with a visible focus ring.
 */
const scrollRegion = (label: string): ScrollAreaProps => ({
  viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label },
  classNames: { viewport: 'scroll-region' },
});

function PeopleFinder({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [skill, setSkill] = useState(params.get('skill') ?? '');
  const [debouncedSkill] = useDebouncedValue(skill, 300);
  const lookingForTeam = params.get('all') !== 'true';
  const people = useInfiniteQuery(
    registrationQueries.participants(edition.id, { lookingForTeam, skill: debouncedSkill }),
  );
  const mine = useQuery(registrationQueries.mine(edition.id));
  const rows = people.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('teams.finder.skill')}
          placeholder={t('teams.finder.skillPlaceholder')}
          value={skill}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setSkill(value);
            setParams(
              (p) => {
                if (value) p.set('skill', value);
                else p.delete('skill');
                return p;
              },
              { replace: true },
            );
          }}
          style={{ flex: 1, minWidth: 200, maxWidth: 360 }}
          data-testid="finder-skill"
        />
        <Checkbox
          label={t('teams.finder.onlyLooking')}
          checked={lookingForTeam}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setParams(
              (p) => {
                if (checked) p.delete('all');
                else p.set('all', 'true');
                return p;
              },
              { replace: true },
            );
          }}
          mb={8}
        />
      </Group>
      {mine.data && !mine.data.lookingForTeam && (
        <Text size="sm" c="dimmed">
          {t('teams.finder.youAreHidden')}
        </Text>
      )}
      {people.isPending ? (
        <PageLoader />
      ) : people.isError ? (
        <QueryError error={people.error} onRetry={() => void people.refetch()} />
      ) : rows.length === 0 ? (
        <Text data-testid="finder-people-empty">{t('teams.finder.noPeople')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480} scrollAreaProps={scrollRegion(t('teams.finder.peopleTab'))}>
          <Table striped verticalSpacing="sm" data-testid="finder-people">
            <Table.Caption>{t('teams.finder.peopleCaption', { count: rows.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('teams.finder.name')}</Table.Th>
                <Table.Th>{t('teams.finder.skills')}</Table.Th>
                <Table.Th>{t('teams.finder.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.userId} data-testid="finder-person">
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.skills.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      ) : (
                        p.skills.map((s) => (
                          <Badge key={s} variant="default" tt="none" fw={600}>
                            {s}
                          </Badge>
                        ))
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {p.teamId
                      ? t('teams.finder.hasTeam')
                      : p.lookingForTeam
                        ? t('teams.finder.looking')
                        : t('teams.finder.notLooking')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {people.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void people.fetchNextPage()}
          loading={people.isFetchingNextPage}
        >
          {t('teams.finder.more')}
        </Button>
      )}
    </Stack>
  );
}

function TeamsFinder({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const trackId = params.get('track');
  const hasFreePlaces = params.get('full') !== 'true';
  const teams = useInfiniteQuery(teamQueries.list(edition.id, { trackId, hasFreePlaces }));
  const rows = teams.data?.pages.flatMap((p) => p.items) ?? [];
  const trackName = (id: string) => edition.tracks.find((tr) => tr.id === id)?.name ?? '';
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t('teams.fields.track')}
          data={[
            { value: '', label: t('teams.finder.allTracks') },
            ...edition.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
          ]}
          value={trackId ?? ''}
          onChange={(v) => set('track', v || null)}
          allowDeselect={false}
          style={{ minWidth: 220 }}
          data-testid="finder-track"
        />
        <Checkbox
          label={t('teams.finder.onlyFree')}
          checked={hasFreePlaces}
          onChange={(e) => set('full', e.currentTarget.checked ? null : 'true')}
          mb={8}
        />
      </Group>
      {teams.isPending ? (
        <PageLoader />
      ) : teams.isError ? (
        <QueryError error={teams.error} onRetry={() => void teams.refetch()} />
      ) : rows.length === 0 ? (
        <Text data-testid="finder-teams-empty">{t('teams.finder.noTeams')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480} scrollAreaProps={scrollRegion(t('teams.finder.teamsTab'))}>
          <Table striped verticalSpacing="sm" data-testid="finder-teams">
            <Table.Caption>{t('teams.finder.teamsCaption', { count: rows.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('teams.finder.team')}</Table.Th>
                <Table.Th>{t('teams.fields.track')}</Table.Th>
                <Table.Th>{t('teams.finder.members')}</Table.Th>
                <Table.Th>{t('teams.finder.free')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((team) => (
                <Table.Tr key={team.id} data-testid="finder-team">
                  <Table.Td fw={600}>{team.name}</Table.Td>
                  <Table.Td>{trackName(team.trackId)}</Table.Td>
                  <Table.Td>{team.members.map((m) => m.name).join(', ')}</Table.Td>
                  <Table.Td>{team.freePlaces}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="dimmed">
        {t('teams.finder.askForLink')}
      </Text>
      {teams.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void teams.fetchNextPage()}
          loading={teams.isFetchingNextPage}
        >
          {t('teams.finder.more')}
        </Button>
      )}
    </Stack>
  );
}
