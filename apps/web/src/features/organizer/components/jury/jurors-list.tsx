import type { Juror, Track } from '@ca/shared';
import { Stack, Text, TextInput } from '@mantine/core';
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
  const query = useInfiniteQuery(organizerQueries.jurors(editionId));
  const [search, setSearch] = useState('');
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const all = query.data.pages.flatMap((p) => p.items);
  if (all.length === 0) return <Text data-testid="jurors-empty">{t('organizer.jury.noJurors')}</Text>;
  // The API lists jurors page by page without filters: the search works on what is loaded.
  const needle = search.trim().toLocaleLowerCase();
  const rows = needle ? all.filter((j) => `${j.name} ${j.email}`.toLocaleLowerCase().includes(needle)) : all;

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
      <TextInput
        type="search"
        label={t('organizer.participants.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={{ base: '100%', sm: 260 }}
        data-testid="jurors-search"
      />
      <DataList
        rows={rows}
        rowKey={(j) => j.userId}
        columns={columns}
        caption={t('organizer.jury.jurorsCount', { count: rows.length })}
        testId="jurors"
        rowTestId="juror-row"
        minWidth={640}
      />
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onMore={() => void query.fetchNextPage()}
        label={t('organizer.lists.more')}
      />
    </Stack>
  );
}
