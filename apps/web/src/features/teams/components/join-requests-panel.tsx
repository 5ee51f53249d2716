import type { JoinRequest, Team, Track } from '@ca/shared';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { useDecideJoinRequest } from '../mutations';
import { teamQueries } from '../queries';

/**
 * The pending requests and invitations that concern the caller. In a team: people asking to join
 * (the captain accepts or declines) and the team's invitations (the captain may withdraw them).
 * Without a team: invitations from teams (accept or decline) and the caller's own requests.
 */
export function JoinRequestsPanel({
  editionId,
  team,
  meId,
  tracks,
}: {
  editionId: string;
  team: Team | null;
  meId: string;
  tracks: Track[];
}) {
  const { t } = useTranslation();
  const query = useQuery(teamQueries.joinRequests(editionId));
  const items = query.data?.items ?? [];
  const incomingKind = team ? 'request' : 'invitation';
  const incoming = items.filter((r) => r.kind === incomingKind);
  const outgoing = items.filter((r) => r.kind !== incomingKind);
  if (items.length === 0) return null;
  const canDecide = !team || team.captainId === meId;

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="requests-title"
      data-testid="join-requests"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="requests-title">
          {team ? t('teams.requests.teamTitle') : t('teams.requests.mineTitle')}
        </Title>
        {incoming.length > 0 && (
          <RequestList
            title={team ? t('teams.requests.incomingRequests') : t('teams.requests.incomingInvitations')}
            items={incoming}
            side="incoming"
            canDecide={canDecide}
            editionId={editionId}
            tracks={tracks}
          />
        )}
        {outgoing.length > 0 && (
          <RequestList
            title={team ? t('teams.requests.outgoingInvitations') : t('teams.requests.outgoingRequests')}
            items={outgoing}
            side="outgoing"
            canDecide={canDecide}
            editionId={editionId}
            tracks={tracks}
          />
        )}
        {team && !canDecide && incoming.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('teams.requests.captainDecides')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function RequestList({
  title,
  items,
  side,
  canDecide,
  editionId,
  tracks,
}: {
  title: string;
  items: JoinRequest[];
  side: 'incoming' | 'outgoing';
  canDecide: boolean;
  editionId: string;
  tracks: Track[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const decide = useDecideJoinRequest(editionId);
  const busy = (id: string, decision: string) =>
    decide.isPending && decide.variables?.id === id && decide.variables.decision === decision;
  const act = (r: JoinRequest, decision: 'accept' | 'decline' | 'withdraw') =>
    decide.mutate(
      { id: r.id, decision },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t(`teams.requests.done.${r.kind}.${decision}`, { name: r.userName, team: r.teamName }),
          }),
      },
    );

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      <Stack component="ul" gap="sm" className="plain-list">
        {items.map((r) => {
          // A request names the person; an invitation, seen by the person invited, names the team.
          const aboutPerson = (r.kind === 'request') === (side === 'incoming');
          const track = tracks.find((tr) => tr.id === r.trackId)?.name;
          return (
            <Card
              component="li"
              withBorder
              padding="sm"
              key={r.id}
              data-testid="join-request"
              data-kind={r.kind}
            >
              <Stack gap={4}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={700}>{aboutPerson ? r.userName : r.teamName}</Text>
                  {!aboutPerson && track && (
                    <Badge variant="outline" color="blue.9" tt="none">
                      {track}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {format.dateTime(r.createdAt)}
                  </Text>
                </Group>
                {aboutPerson && r.userSkills.length > 0 && <Text size="sm">{r.userSkills.join(', ')}</Text>}
                {aboutPerson && r.userEmail && (
                  <Text size="sm" c="dimmed">
                    {r.userEmail}
                  </Text>
                )}
                {r.message && (
                  <Text size="sm" className="quoted-message">
                    {r.message}
                  </Text>
                )}
                {canDecide && (
                  <Group gap="xs" mt={4}>
                    {side === 'incoming' ? (
                      <>
                        <Button
                          size="compact-sm"
                          loading={busy(r.id, 'accept')}
                          onClick={() => act(r, 'accept')}
                          data-testid="request-accept"
                        >
                          {t('teams.requests.accept')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red.9"
                          loading={busy(r.id, 'decline')}
                          onClick={() => act(r, 'decline')}
                          data-testid="request-decline"
                        >
                          {t('teams.requests.decline')}
                        </Button>
                      </>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={busy(r.id, 'withdraw')}
                        onClick={() => act(r, 'withdraw')}
                        data-testid="request-withdraw"
                      >
                        {t('teams.requests.withdraw')}
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
