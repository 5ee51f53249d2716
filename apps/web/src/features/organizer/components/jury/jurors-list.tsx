import type { Juror, Track } from '@ca/shared';
import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList, LoadMore, type Column } from '../../../../components/data-list';
import { PageLoader, QueryError } from '../../../../components/query-state';
import { useFormat } from '../../../../lib/format';
import { organizerQueries } from '../../queries';
import { trackNamesOf } from './invitations-list';

/** The edition's jurors: who accepted, their tracks, since when. */
export function JurorsList({ editionId, tracks }: { editionId: string; tracks: Track[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Filtered by the API (name or email, track), page by page.
  const [search, setSearch] = useState('');
  const [trackId, setTrackId] = useState<string | null>(null);
  const [q] = useDebouncedValue(search, 300);
  const query = useInfiniteQuery(organizerQueries.jurors(editionId, { q, trackId }));
  const filtered = trackId !== null || q.trim() !== '';
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: Column<Juror>[] = [
    { key: 'name', header: t('auth.fields.name'), cell: (j) => j.name },
    { key: 'email', header: t('auth.fields.email'), cell: (j) => j.email },
    {
      key: 'tracks',
      header: t('organizer.jury.tracks'),
      cell: (j) => trackNamesOf(j.trackIds, tracks, t('organizer.jury.anyTrack')),
    },
    { key: 'since', header: t('organizer.jury.since'), cell: (j) => format.date(j.since) },
  ];
  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('organizer.lists.filters')}>
        <TextInput
          type="search"
          label={t('organizer.participants.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
          data-testid="jurors-search"
        />
        <Select
          label={t('organizer.jury.trackFilter')}
          data={[
            { value: 'all', label: t('organizer.jury.anyTrackFilter') },
            ...tracks.map((tr) => ({ value: tr.id, label: tr.name })),
          ]}
          value={trackId ?? 'all'}
          onChange={(v) => setTrackId(!v || v === 'all' ? null : v)}
          allowDeselect={false}
          w={{ base: '100%', sm: 220 }}
          data-testid="jurors-track-filter"
        />
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Text data-testid="jurors-empty">
          {filtered ? t('organizer.jury.noMatch') : t('organizer.jury.noJurors')}
        </Text>
      ) : (
        <DataList
          rows={rows}
          rowKey={(j) => j.userId}
          columns={columns}
          caption={t('organizer.jury.jurorsCount', { count: rows.length })}
          testId="jurors"
          rowTestId="juror-row"
          minWidth={640}
        />
      )}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onMore={() => void query.fetchNextPage()}
        label={t('organizer.lists.more')}
      />
    </Stack>
  );
}
