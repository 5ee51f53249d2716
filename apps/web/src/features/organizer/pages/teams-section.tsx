import { TeamProjectStateSchema, type TeamOverview, type TeamProjectState } from '@ca/shared';
import { Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type Column } from '../../../components/data-list';
import { PagedDataList } from '../../../components/paged-data-list';
import { useFormat } from '../../../lib/format';
import { ProjectStateBadge } from '../components/project-state-badge';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';
import { organizerQueries, type TeamListFilters } from '../queries';

const isState = (v: string | null): v is TeamProjectState =>
  (TeamProjectStateSchema.options as readonly string[]).includes(v ?? '');

/** The console's teams: every team with its members and the state of its project, none included. */
export function TeamsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const edition = useConsoleEdition();
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  const [q] = useDebouncedValue(params.get('q') ?? '', 300);
  const track = params.get('track');
  const project = params.get('project');
  const filters: TeamListFilters = {
    q,
    trackId: edition.tracks.some((tr) => tr.id === track) ? track : null,
    project: isState(project) ? project : null,
    hasFreePlaces: params.get('free') === 'true',
  };
  const list = useInfiniteQuery(organizerQueries.teams(edition.id, filters));
  const trackName = (id: string) => edition.tracks.find((tr) => tr.id === id)?.name ?? '—';

  const columns: Column<TeamOverview>[] = [
    { key: 'team', header: t('teams.finder.team'), cell: (tm) => tm.name },
    { key: 'track', header: t('teams.fields.track'), cell: (tm) => trackName(tm.trackId) },
    {
      key: 'members',
      wide: true,
      header: t('teams.finder.members'),
      cell: (tm) => (
        <Stack gap={0}>
          {tm.members.map((m) => (
            <Text key={m.userId} size="sm">
              {m.name}
              {m.userId === tm.captainId && ` (${t('teams.panel.captain')})`}
              {m.email && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {m.email}
                </Text>
              )}
            </Text>
          ))}
        </Stack>
      ),
    },
    {
      key: 'project',
      header: t('organizer.teams.projectColumn'),
      cell: (tm) => (
        <Stack gap={2} align="flex-start">
          <ProjectStateBadge project={tm.project} />
          {tm.project.title && <Text size="sm">{tm.project.title}</Text>}
          {tm.project.updatedAt && (
            <Text size="xs" c="dimmed">
              {t('organizer.teams.lastSaved', { date: format.dateTime(tm.project.updatedAt) })}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'free', header: t('teams.finder.free'), cell: (tm) => tm.freePlaces },
  ];

  return (
    <Stack gap="lg">
      <SectionHeader title={t('organizer.console.sections.teams')} intro={t('organizer.teams.intro')} />
      <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('organizer.lists.filters')}>
        <TextInput
          label={t('organizer.teams.search')}
          defaultValue={params.get('q') ?? ''}
          onChange={(e) => set('q', e.currentTarget.value)}
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label={t('teams.fields.track')}
          data={[
            { value: '', label: t('teams.finder.allTracks') },
            ...edition.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
          ]}
          value={filters.trackId ?? ''}
          onChange={(v) => set('track', v || null)}
          allowDeselect={false}
          w={{ base: '100%', sm: 220 }}
          data-testid="teams-filter-track"
        />
        <Select
          label={t('organizer.teams.projectColumn')}
          data={[
            { value: '', label: t('organizer.teams.anyProject') },
            ...TeamProjectStateSchema.options.map((s) => ({
              value: s,
              label: t(`organizer.teams.project.${s}`),
            })),
          ]}
          value={filters.project ?? ''}
          onChange={(v) => set('project', v || null)}
          allowDeselect={false}
          w={{ base: '100%', sm: 220 }}
          data-testid="teams-filter-project"
        />
        <Checkbox
          label={t('teams.finder.onlyFree')}
          checked={filters.hasFreePlaces}
          onChange={(e) => set('free', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      </Group>
      <PagedDataList
        query={list}
        empty={t('teams.finder.noTeams')}
        emptyTestId="teams-empty"
        rowKey={(tm) => tm.id}
        columns={columns}
        caption={(count) => t('teams.finder.teamsCaption', { count })}
        testId="console-teams"
        rowTestId="console-team-row"
        minWidth={860}
      />
    </Stack>
  );
}
