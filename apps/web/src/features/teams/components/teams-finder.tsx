import type { Edition, JoinRequest, Team } from '@ca/shared';
import { Badge, Button, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../components/data-list';
import { useAskToJoin } from '../mutations';
import { teamQueries } from '../queries';
import { FinderFilterRow, FinderResults, useFinderParams } from './finder-list';
import { JoinMessageModal } from './join-message-modal';

/**
 * The team-finder's teams with free places, by track. Someone without a team asks a team to
 * take them, with a short message; the captain accepts or declines.
 */
export function TeamsFinder({
  edition,
  canAsk,
  pending,
}: {
  edition: Edition;
  /** Registered and without a team: may ask a team to join. */
  canAsk: boolean;
  pending: JoinRequest[];
}) {
  const { t } = useTranslation();
  const [params, set] = useFinderParams();
  const trackId = params.get('track');
  const hasFreePlaces = params.get('full') !== 'true';
  const teams = useInfiniteQuery(teamQueries.list(edition.id, { trackId, hasFreePlaces }));
  const trackName = (id: string) => edition.tracks.find((tr) => tr.id === id)?.name ?? '';
  const requested = new Set(pending.filter((r) => r.kind === 'request').map((r) => r.teamId));
  const [asking, setAsking] = useState<Team | null>(null);

  const columns: Column<Team>[] = [
    { key: 'team', header: t('teams.finder.team'), cell: (team) => team.name },
    { key: 'track', header: t('teams.fields.track'), cell: (team) => trackName(team.trackId) },
    {
      key: 'members',
      wide: true,
      header: t('teams.finder.members'),
      cell: (team) => team.members.map((m) => m.name).join(', '),
    },
    { key: 'free', header: t('teams.finder.free'), cell: (team) => team.freePlaces },
  ];
  const actions = !canAsk
    ? undefined
    : (team: Team) =>
        requested.has(team.id) ? (
          <Badge variant="outline" color="blue.9" data-testid="team-requested">
            {t('teams.requests.requested')}
          </Badge>
        ) : team.freePlaces > 0 ? (
          <Button size="compact-sm" variant="light" onClick={() => setAsking(team)} data-testid="ask-to-join">
            {t('teams.requests.ask')}
            <VisuallyHidden> · {team.name}</VisuallyHidden>
          </Button>
        ) : null;

  return (
    <Stack gap="md">
      <FinderFilterRow
        only={{
          label: t('teams.finder.onlyFree'),
          checked: hasFreePlaces,
          onChange: (checked) => set('full', checked ? null : 'true'),
        }}
      >
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
      </FinderFilterRow>
      <FinderResults
        query={teams}
        empty={t('teams.finder.noTeams')}
        emptyTestId="finder-teams-empty"
        columns={columns}
        rowKey={(team) => team.id}
        actions={actions}
        caption={(count) => t('teams.finder.teamsCaption', { count })}
        testId="finder-teams"
        rowTestId="finder-team"
        footer={
          canAsk && (
            <Text size="sm" c="dimmed">
              {t('teams.finder.askHint')}
            </Text>
          )
        }
      />
      {asking && <AskModal team={asking} onClose={() => setAsking(null)} />}
    </Stack>
  );
}

function AskModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const ask = useAskToJoin(team);
  return (
    <JoinMessageModal
      title={t('teams.requests.askTitle', { team: team.name })}
      intro={t('teams.requests.askIntro', { team: team.name })}
      submitLabel={t('teams.requests.sendRequest')}
      loading={ask.isPending}
      error={ask.error}
      send={(body) =>
        ask.mutateAsync(body).then(() => {
          notifications.show({
            color: 'green',
            message: t('teams.requests.requestSent', { team: team.name }),
          });
          onClose();
        })
      }
      onClose={onClose}
    />
  );
}
