import type { Participant } from '@ca/shared';
import { Badge, Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type Column } from '../../../components/data-list';
import { PagedDataList } from '../../../components/paged-data-list';
import { useFormat } from '../../../lib/format';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';
import { organizerQueries, type ParticipantListFilters } from '../queries';

const TEAM_FILTERS = ['any', 'with', 'without'] as const;
const teamFilterOf = (v: string | null): ParticipantListFilters['team'] =>
  (TEAM_FILTERS as readonly string[]).includes(v ?? '') ? (v as ParticipantListFilters['team']) : 'any';

/** The console's participants: everyone registered, searchable, by team and "looking for a team". */
export function ParticipantsSection() {
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
  const [skill] = useDebouncedValue(params.get('skill') ?? '', 300);
  const filters: ParticipantListFilters = {
    q,
    skill,
    team: teamFilterOf(params.get('team')),
    lookingForTeam: params.get('looking') === 'true',
  };
  const list = useInfiniteQuery(organizerQueries.participants(edition.id, filters));

  const columns: Column<Participant>[] = [
    { key: 'name', header: t('auth.fields.name'), cell: (p) => p.name },
    { key: 'email', header: t('auth.fields.email'), cell: (p) => p.email ?? '—' },
    {
      key: 'skills',
      wide: true,
      header: t('teams.finder.skills'),
      cell: (p) =>
        p.skills.length === 0 ? (
          '—'
        ) : (
          <Group gap={4}>
            {p.skills.map((s) => (
              <Badge key={s} variant="default" tt="none" fw={600}>
                {s}
              </Badge>
            ))}
          </Group>
        ),
    },
    {
      key: 'team',
      header: t('teams.finder.status'),
      cell: (p) =>
        p.teamName ?? (
          <Text span size="sm" c="dimmed">
            {p.lookingForTeam ? t('teams.finder.looking') : t('organizer.participants.noTeam')}
          </Text>
        ),
    },
    {
      key: 'registered',
      header: t('organizer.participants.registered'),
      cell: (p) => format.date(p.registeredAt),
    },
  ];

  return (
    <Stack gap="lg">
      <SectionHeader
        title={t('organizer.console.sections.participants')}
        intro={t('organizer.participants.intro')}
      />
      <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('organizer.lists.filters')}>
        <TextInput
          label={t('organizer.participants.search')}
          placeholder={t('organizer.participants.searchPlaceholder')}
          defaultValue={params.get('q') ?? ''}
          onChange={(e) => set('q', e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
          data-testid="participants-search"
        />
        <TextInput
          label={t('teams.finder.skill')}
          placeholder={t('teams.finder.skillPlaceholder')}
          defaultValue={params.get('skill') ?? ''}
          onChange={(e) => set('skill', e.currentTarget.value)}
          w={{ base: '100%', sm: 200 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="team-filter-label">
            {t('teams.finder.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="team-filter-label"
            value={filters.team}
            onChange={(v) => set('team', v === 'any' ? null : v)}
            data={TEAM_FILTERS.map((v) => ({ value: v, label: t(`organizer.participants.team.${v}`) }))}
            data-testid="participants-team-filter"
          />
        </Stack>
        <Checkbox
          label={t('teams.finder.onlyLooking')}
          checked={filters.lookingForTeam}
          onChange={(e) => set('looking', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      </Group>
      <PagedDataList
        query={list}
        empty={t('organizer.participants.empty')}
        emptyTestId="participants-empty"
        rowKey={(p) => p.userId}
        columns={columns}
        caption={(count) => t('teams.finder.peopleCaption', { count })}
        testId="participants"
        rowTestId="participant-row"
        minWidth={820}
      />
    </Stack>
  );
}
