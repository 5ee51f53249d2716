import type { Edition, JoinRequest, Participant, Team } from '@ca/shared';
import { Badge, Button, Group, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../components/data-list';
import { registrationQueries } from '../../registrations/queries';
import { useInviteToTeam } from '../mutations';
import { FinderFilterRow, FinderResults, useFinderParams } from './finder-list';
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
  const [params, set] = useFinderParams();
  const [skill, setSkill] = useState(params.get('skill') ?? '');
  const [debouncedSkill] = useDebouncedValue(skill, 300);
  const lookingForTeam = params.get('all') !== 'true';
  const people = useInfiniteQuery(
    registrationQueries.participants(edition.id, { lookingForTeam, skill: debouncedSkill }),
  );
  const mine = useQuery(registrationQueries.mine(edition.id));
  const canInvite = !!myTeam && myTeam.captainId === meId && myTeam.freePlaces > 0;
  const invited = new Set(pending.filter((r) => r.kind === 'invitation').map((r) => r.userId));
  const [inviting, setInviting] = useState<Participant | null>(null);

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
      <FinderFilterRow
        only={{
          label: t('teams.finder.onlyLooking'),
          checked: lookingForTeam,
          onChange: (checked) => set('all', checked ? null : 'true'),
        }}
      >
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
      </FinderFilterRow>
      {mine.data && !mine.data.lookingForTeam && !myTeam && (
        <Text size="sm" c="dimmed">
          {t('teams.finder.youAreHidden')}
        </Text>
      )}
      <FinderResults
        query={people}
        empty={t('teams.finder.noPeople')}
        emptyTestId="finder-people-empty"
        columns={columns}
        rowKey={(p) => p.userId}
        actions={actions}
        caption={(count) => t('teams.finder.peopleCaption', { count })}
        testId="finder-people"
        rowTestId="finder-person"
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
