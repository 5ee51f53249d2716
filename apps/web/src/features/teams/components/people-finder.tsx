import type { Edition, JoinRequest, Participant, Team } from '@ca/shared';
import { Badge, Button, Checkbox, Group, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataList, LoadMore, type Column } from '../../../components/data-list';
import { PageLoader, QueryError } from '../../../components/query-state';
import { registrationQueries } from '../../registrations/queries';
import { useInviteToTeam } from '../mutations';
import { JoinMessageModal } from './join-message-modal';

/**
 * The team-finder's people: who is looking for a team, by skill. A captain with free places
 * invites a person with a short message; their email shows only if they chose to share it.
 */
export function PeopleFinder({
  edition,
  myTeam,
  meId,
  pending,
}: {
  edition: Edition;
  myTeam: Team | null;
  meId: string;
  pending: JoinRequest[];
}) {
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
  const canInvite = !!myTeam && myTeam.captainId === meId && myTeam.freePlaces > 0;
  const invited = new Set(pending.filter((r) => r.kind === 'invitation').map((r) => r.userId));
  const [inviting, setInviting] = useState<Participant | null>(null);
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );

  const columns: Column<Participant>[] = [
    { key: 'name', header: t('teams.finder.name'), cell: (p) => p.name },
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
      key: 'status',
      header: t('teams.finder.status'),
      cell: (p) =>
        p.teamId
          ? t('teams.finder.hasTeam')
          : p.lookingForTeam
            ? t('teams.finder.looking')
            : t('teams.finder.notLooking'),
    },
    { key: 'contact', header: t('teams.finder.contact'), cell: (p) => p.email ?? '—' },
  ];
  const actions = canInvite
    ? (p: Participant) =>
        p.teamId || !p.lookingForTeam || p.userId === meId ? null : invited.has(p.userId) ? (
          <Badge variant="outline" color="blue.9" data-testid="person-invited">
            {t('teams.requests.invited')}
          </Badge>
        ) : (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setInviting(p)}
            data-testid="invite-person"
          >
            {t('teams.requests.invite')}
            <VisuallyHidden> · {p.name}</VisuallyHidden>
          </Button>
        )
    : undefined;

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('teams.finder.skill')}
          placeholder={t('teams.finder.skillPlaceholder')}
          value={skill}
          onChange={(e) => {
            setSkill(e.currentTarget.value);
            set('skill', e.currentTarget.value || null);
          }}
          style={{ flex: 1, minWidth: 200, maxWidth: 360 }}
          data-testid="finder-skill"
        />
        <Checkbox
          label={t('teams.finder.onlyLooking')}
          checked={lookingForTeam}
          onChange={(e) => set('all', e.currentTarget.checked ? null : 'true')}
          mb={8}
        />
      </Group>
      {mine.data && !mine.data.lookingForTeam && !myTeam && (
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
        <DataList
          rows={rows}
          rowKey={(p) => p.userId}
          columns={columns}
          actions={actions}
          actionsHeader={t('teams.finder.actions')}
          caption={t('teams.finder.peopleCaption', { count: rows.length })}
          testId="finder-people"
          rowTestId="finder-person"
        />
      )}
      <LoadMore
        hasMore={people.hasNextPage}
        loading={people.isFetchingNextPage}
        onMore={() => void people.fetchNextPage()}
        label={t('teams.finder.more')}
      />
      {inviting && myTeam && (
        <InviteModal team={myTeam} person={inviting} onClose={() => setInviting(null)} />
      )}
    </Stack>
  );
}

function InviteModal({ team, person, onClose }: { team: Team; person: Participant; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteToTeam(team);
  return (
    <JoinMessageModal
      title={t('teams.requests.inviteTitle', { name: person.name })}
      intro={t('teams.requests.inviteIntro', { name: person.name, team: team.name })}
      submitLabel={t('teams.requests.sendInvitation')}
      loading={invite.isPending}
      error={invite.error}
      send={(body) =>
        invite.mutateAsync({ userId: person.userId, ...body }).then(() => {
          notifications.show({
            color: 'green',
            message: t('teams.requests.invitationSent', { name: person.name }),
          });
          onClose();
        })
      }
      onClose={onClose}
    />
  );
}
