import type { JuryInvitation, JuryInvitationStatus, Track } from '@ca/shared';
import { Badge, Stack, Text, type MantineColor } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataList, LoadMore, type Column } from '../../../../components/data-list';
import { PageLoader, QueryError } from '../../../../components/query-state';
import { useFormat } from '../../../../lib/format';
import { organizerQueries } from '../../queries';

/** Dark shades: white text keeps at least 4.5:1 on each. */
const STATUS_COLOR: Record<string, MantineColor> = {
  pending: 'blue.8',
  accepted: 'teal.9',
  expired: 'gray.7',
  revoked: 'red.9',
};

export function InvitationStatusBadge({ status }: { status: JuryInvitationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray.7'} variant="filled" data-testid="invitation-status">
      {t(`organizer.jury.status.${status}`)}
    </Badge>
  );
}

export const trackNamesOf = (ids: string[], tracks: Track[], none: string) =>
  ids.length === 0 ? none : ids.map((id) => tracks.find((tr) => tr.id === id)?.name ?? '—').join(', ');

/** Every invitation of the edition, newest first, with its state. */
export function InvitationsList({ editionId, tracks }: { editionId: string; tracks: Track[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useInfiniteQuery(organizerQueries.invitations(editionId));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.pages.flatMap((p) => p.items);
  if (rows.length === 0)
    return <Text data-testid="invitations-empty">{t('organizer.jury.noInvitations')}</Text>;

  const columns: Column<JuryInvitation>[] = [
    { key: 'email', header: t('auth.fields.email'), cell: (i) => i.email },
    {
      key: 'tracks',
      header: t('organizer.jury.tracks'),
      cell: (i) => trackNamesOf(i.trackIds, tracks, t('organizer.jury.anyTrack')),
    },
    {
      key: 'status',
      header: t('organizer.jury.state'),
      cell: (i) => <InvitationStatusBadge status={i.status} />,
    },
    { key: 'sent', header: t('organizer.jury.sent'), cell: (i) => format.dateTime(i.createdAt) },
    { key: 'expires', header: t('organizer.jury.expires'), cell: (i) => format.dateTime(i.expiresAt) },
  ];
  return (
    <Stack gap="sm">
      <DataList
        rows={rows}
        rowKey={(i) => i.id}
        columns={columns}
        caption={t('organizer.jury.invitationsCount', { count: rows.length })}
        testId="invitations"
        rowTestId="invitation-row"
        minWidth={720}
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
