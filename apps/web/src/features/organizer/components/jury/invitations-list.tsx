import {
  JuryInvitationStatusSchema,
  type JuryInvitation,
  type JuryInvitationCreated,
  type JuryInvitationStatus,
  type Track,
} from '@ca/shared';
import {
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
  type MantineColor,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../components/confirm-modal';
import { DataList, LoadMore, type Column } from '../../../../components/data-list';
import { PageLoader, QueryError } from '../../../../components/query-state';
import { useFormat } from '../../../../lib/format';
import { useResendInvitation, useRevokeInvitation } from '../../mutations';
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

/** Resend (pending or expired) and revoke (pending), each saying what happened. */
function InvitationActions({
  editionId,
  invitation,
  onResent,
  onRevoke,
}: {
  editionId: string;
  invitation: JuryInvitation;
  onResent: (email: string, result: JuryInvitationCreated) => void;
  onRevoke: (invitation: JuryInvitation) => void;
}) {
  const { t } = useTranslation();
  const resend = useResendInvitation(editionId);
  const hidden = <VisuallyHidden> · {invitation.email}</VisuallyHidden>;
  if (invitation.status !== 'pending' && invitation.status !== 'expired') return null;
  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        loading={resend.isPending}
        onClick={() =>
          resend.mutate(invitation.id, { onSuccess: (result) => onResent(invitation.email, result) })
        }
        data-testid="invitation-resend"
      >
        {t('organizer.jury.resend')}
        {hidden}
      </Button>
      {invitation.status === 'pending' && (
        <Button
          size="compact-sm"
          variant="outline"
          color="red.9"
          onClick={() => onRevoke(invitation)}
          data-testid="invitation-revoke"
        >
          {t('organizer.jury.revoke')}
          {hidden}
        </Button>
      )}
    </>
  );
}

export const trackNamesOf = (ids: string[], tracks: Track[], none: string) =>
  ids.length === 0 ? none : ids.map((id) => tracks.find((tr) => tr.id === id)?.name ?? '—').join(', ');

/** Every invitation of the edition, newest first, with its state. */
export function InvitationsList({
  editionId,
  tracks,
  onResent,
}: {
  editionId: string;
  tracks: Track[];
  /** A resend answered a new link: the page shows it (to copy when there is no mail server). */
  onResent: (email: string, result: JuryInvitationCreated) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeInvitation(editionId);
  const [revoking, setRevoking] = useState<JuryInvitation | null>(null);
  // Filtered by the API (state, email), page by page.
  const [state, setState] = useState<JuryInvitationStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const query = useInfiniteQuery(
    organizerQueries.invitations(editionId, { q, status: state === 'all' ? null : state }),
  );
  const filtered = state !== 'all' || q.trim() !== '';
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

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
    { key: 'sent', header: t('organizer.jury.sent'), cell: (i) => format.date(i.lastSentAt) },
    { key: 'expires', header: t('organizer.jury.expires'), cell: (i) => format.date(i.expiresAt) },
  ];
  const list = query.isPending ? (
    <PageLoader />
  ) : query.isError ? (
    <QueryError error={query.error} onRetry={() => void query.refetch()} />
  ) : rows.length === 0 ? (
    <Text data-testid="invitations-empty">
      {filtered ? t('organizer.jury.noMatch') : t('organizer.jury.noInvitations')}
    </Text>
  ) : (
    <DataList
      rows={rows}
      rowKey={(i) => i.id}
      columns={columns}
      actions={(i) => (
        <InvitationActions editionId={editionId} invitation={i} onResent={onResent} onRevoke={setRevoking} />
      )}
      actionsHeader={t('teams.finder.actions')}
      caption={t('organizer.jury.invitationsCount', { count: rows.length })}
      testId="invitations"
      rowTestId="invitation-row"
      minWidth={720}
    />
  );
  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('organizer.lists.filters')}>
        <TextInput
          type="search"
          label={t('organizer.jury.searchEmail')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
          data-testid="invitations-search"
        />
        <Select
          label={t('organizer.jury.state')}
          data={[
            { value: 'all', label: t('organizer.jury.anyState') },
            ...JuryInvitationStatusSchema.options.map((s) => ({
              value: s,
              label: t(`organizer.jury.status.${s}`),
            })),
          ]}
          value={state}
          onChange={(v) => setState((v as JuryInvitationStatus | 'all' | null) ?? 'all')}
          allowDeselect={false}
          w={{ base: '100%', sm: 220 }}
          data-testid="invitations-filter"
        />
      </Group>
      {list}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onMore={() => void query.fetchNextPage()}
        label={t('organizer.lists.more')}
      />
      <ConfirmModal
        opened={!!revoking}
        title={t('organizer.jury.revokeTitle', { email: revoking?.email ?? '' })}
        body={t('organizer.jury.revokeBody')}
        confirm={t('organizer.jury.revoke')}
        danger
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                message: t('organizer.jury.revoked', { email: revoking.email }),
              }),
            onSettled: () => setRevoking(null),
          })
        }
      />
    </Stack>
  );
}
