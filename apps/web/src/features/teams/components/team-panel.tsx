import { TeamPatchSchema, type Team, type Track } from '@ca/shared';
import {
  Badge,
  Button,
  Card,
  CopyButton,
  Divider,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { useLeaveTeam, useRegenerateInviteCode, useUpdateTeam } from '../mutations';
import { inviteLink } from '../queries';
import { ConfirmModal } from '../../../components/confirm-modal';

type Confirming = null | 'leave' | 'regenerate' | 'captain';

/**
 * The caller's team: members with the captain marked, the invite link to share, leaving, and
 * the captain's tools (rename, move track, hand over captaincy, a new invite code). Read-only
 * once teams are locked (the submission deadline).
 */
export function TeamPanel({
  team,
  tracks,
  meId,
  locked,
}: {
  team: Team;
  tracks: Track[];
  meId: string;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const isCaptain = team.captainId === meId;
  const track = tracks.find((tr) => tr.id === team.trackId);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [newCaptain, setNewCaptain] = useState<string | null>(null);
  const update = useUpdateTeam(team);
  const regenerate = useRegenerateInviteCode(team);
  const leave = useLeaveTeam(team);
  const link = team.inviteCode ? inviteLink(team.inviteCode) : null;
  const others = team.members.filter((m) => m.userId !== meId);
  // The judging issue may give teams a table in the hall (`tableLabel`); shown when there is one.
  const tableLabel = (team as Team & { tableLabel?: string | null }).tableLabel;

  const close = () => setConfirming(null);
  const done = (message: string) => {
    close();
    notifications.show({ color: 'green', message });
  };

  return (
    <Stack gap="lg" data-testid="team-panel">
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Group gap="sm" align="center">
            <Title order={2} data-testid="team-name-heading">
              {team.name}
            </Title>
            {track && (
              <Badge variant="filled" color="blue.9" size="lg" tt="none">
                {track.name}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm">
            {t('teams.panel.freePlaces', { count: team.freePlaces })}
            {tableLabel && ` · ${t('teams.panel.table', { label: tableLabel })}`}
          </Text>
          <Title order={3} size="h4" mt="sm">
            {t('teams.panel.members', { count: team.members.length })}
          </Title>
          <Table.ScrollContainer minWidth={280}>
            <Table verticalSpacing="xs" data-testid="team-members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('teams.panel.memberName')}</Table.Th>
                  <Table.Th>{t('teams.panel.role')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {team.members.map((m) => (
                  <Table.Tr key={m.userId} data-testid="team-member">
                    <Table.Td>
                      {m.name}
                      {m.userId === meId && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          ({t('teams.panel.you')})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {m.userId === team.captainId ? (
                        <Badge color="teal.9" variant="filled" data-testid="captain-badge">
                          {t('teams.panel.captain')}
                        </Badge>
                      ) : (
                        t('teams.panel.member')
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Card>

      {link && !locked && (
        <Card withBorder padding="lg" component="section" aria-labelledby="invite-title">
          <Stack gap="sm">
            <Title order={3} size="h4" id="invite-title">
              {t('teams.invite.title')}
            </Title>
            <Text size="sm">{team.freePlaces > 0 ? t('teams.invite.intro') : t('teams.invite.full')}</Text>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('teams.invite.link')}
                value={link}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="invite-link"
              />
              <CopyButton value={link} timeout={2500}>
                {({ copied, copy }) => (
                  <Button
                    onClick={copy}
                    color={copied ? 'teal.9' : undefined}
                    data-testid="copy-invite"
                    aria-live="polite"
                  >
                    {copied ? t('teams.invite.copied') : t('teams.invite.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">
              {t('teams.invite.code', { code: team.inviteCode })}
            </Text>
          </Stack>
        </Card>
      )}

      {locked ? (
        <Text data-testid="team-locked">{t('teams.panel.locked')}</Text>
      ) : (
        <>
          {isCaptain && (
            <Card withBorder padding="lg" component="section" aria-labelledby="captain-title">
              <Stack gap="md">
                <Title order={3} size="h4" id="captain-title">
                  {t('teams.captain.title')}
                </Title>
                <FormError error={update.error ?? regenerate.error} />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
                  <RenameForm team={team} update={update} />
                  <MoveTrackForm team={team} tracks={tracks} update={update} />
                </SimpleGrid>
                <Divider />
                <Group gap="sm" align="flex-end">
                  <Select
                    label={t('teams.captain.handOverTo')}
                    data={others.map((m) => ({ value: m.userId, label: m.name }))}
                    value={newCaptain}
                    onChange={setNewCaptain}
                    disabled={others.length === 0}
                    placeholder={others.length === 0 ? t('teams.captain.noOne') : undefined}
                    style={{ flex: 1, minWidth: 200 }}
                  />
                  <Button variant="outline" disabled={!newCaptain} onClick={() => setConfirming('captain')}>
                    {t('teams.captain.handOver')}
                  </Button>
                </Group>
                <Divider />
                <Group gap="sm" justify="space-between">
                  <Text size="sm">{t('teams.captain.regenerateNote')}</Text>
                  <Button
                    variant="outline"
                    onClick={() => setConfirming('regenerate')}
                    data-testid="regenerate-invite"
                  >
                    {t('teams.captain.regenerate')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          )}
          <Group>
            <Button
              color="red.8"
              variant="outline"
              onClick={() => setConfirming('leave')}
              data-testid="leave-team"
            >
              {t('teams.leave.button')}
            </Button>
          </Group>
          <FormError error={leave.error} />
        </>
      )}

      <ConfirmModal
        opened={confirming === 'leave'}
        title={t('teams.leave.title')}
        body={
          team.members.length === 1
            ? t('teams.leave.lastMember')
            : isCaptain
              ? t('teams.leave.captain')
              : t('teams.leave.body')
        }
        confirm={t('teams.leave.confirm')}
        danger
        loading={leave.isPending}
        onClose={close}
        onConfirm={() => leave.mutate(undefined, { onSettled: close })}
      />
      <ConfirmModal
        opened={confirming === 'regenerate'}
        title={t('teams.captain.regenerate')}
        body={t('teams.captain.regenerateConfirm')}
        confirm={t('teams.captain.regenerate')}
        loading={regenerate.isPending}
        onClose={close}
        onConfirm={() =>
          regenerate.mutate(undefined, {
            onSuccess: () => done(t('teams.captain.regenerated')),
            onError: close,
          })
        }
      />
      <ConfirmModal
        opened={confirming === 'captain'}
        title={t('teams.captain.handOver')}
        body={t('teams.captain.handOverConfirm', {
          name: team.members.find((m) => m.userId === newCaptain)?.name ?? '',
        })}
        confirm={t('teams.captain.handOver')}
        loading={update.isPending}
        onClose={close}
        onConfirm={() =>
          newCaptain &&
          update.mutate(
            { captainId: newCaptain },
            {
              onSuccess: () => {
                setNewCaptain(null);
                done(t('teams.captain.handedOver'));
              },
              onError: close,
            },
          )
        }
      />
    </Stack>
  );
}

type Update = ReturnType<typeof useUpdateTeam>;

function RenameForm({ team, update }: { team: Team; update: Update }) {
  const { t } = useTranslation();
  const labels = { name: t('teams.fields.name') };
  const form = useForm({
    initialValues: { name: team.name },
    validate: zodValidate(TeamPatchSchema, { label: labelsFrom(labels), t }),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        update.mutate(values, {
          onSuccess: () => notifications.show({ color: 'green', message: t('teams.captain.renamed') }),
          onError: (error) => showApiFieldError(form, error, { labels, t, byCode: { NAME_TAKEN: 'name' } }),
        }),
      )}
    >
      <Stack gap="xs">
        <TextInput
          label={t('teams.captain.rename')}
          {...form.getInputProps('name')}
          data-testid="rename-team"
        />
        <Button type="submit" variant="light" style={{ alignSelf: 'flex-start' }} loading={update.isPending}>
          {t('forms.save')}
        </Button>
      </Stack>
    </form>
  );
}

function MoveTrackForm({ team, tracks, update }: { team: Team; tracks: Track[]; update: Update }) {
  const { t } = useTranslation();
  const [trackId, setTrackId] = useState<string | null>(team.trackId);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!trackId || trackId === team.trackId) return;
        update.mutate(
          { trackId },
          { onSuccess: () => notifications.show({ color: 'green', message: t('teams.captain.moved') }) },
        );
      }}
    >
      <Stack gap="xs">
        <Select
          label={t('teams.captain.moveTrack')}
          data={tracks.map((tr) => ({ value: tr.id, label: tr.name }))}
          value={trackId}
          onChange={setTrackId}
          allowDeselect={false}
        />
        <Button
          type="submit"
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          disabled={!trackId || trackId === team.trackId}
          loading={update.isPending}
        >
          {t('teams.captain.move')}
        </Button>
      </Stack>
    </form>
  );
}
