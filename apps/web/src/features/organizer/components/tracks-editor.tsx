import type { Challenge, Edition, Track } from '@ca/shared';
import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { ConfirmModal } from '../../../components/confirm-modal';
import { isApiError } from '../../../lib/http';
import { useDeleteChallenge, useDeleteTrack } from '../mutations';
import { ChallengeForm } from './challenge-form';
import { TrackForm } from './track-form';

type Dialog =
  | { kind: 'addTrack' }
  | { kind: 'editTrack'; track: Track }
  | { kind: 'addChallenge'; track: Track }
  | { kind: 'editChallenge'; track: Track; challenge: Challenge }
  | { kind: 'deleteChallenge'; challenge: Challenge }
  | { kind: 'deleteTrack'; track: Track };

/** What TRACK_IN_USE counts (its `details`). */
interface TrackUse {
  teams: number;
  submissions: number;
  jurors: number;
  invitations: number;
}

/** The edition's tracks with their challenges; adding or editing one opens a dialog. */
export function TracksEditor({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const remove = useDeleteChallenge();
  const removeTrack = useDeleteTrack();
  const closeTrackDialog = () => {
    removeTrack.reset();
    close();
  };
  const trackInUse = (() => {
    const error = removeTrack.error;
    if (!isApiError(error) || error.code !== 'TRACK_IN_USE') return undefined;
    const use = (error.details ?? {}) as Partial<TrackUse>;
    // Only what does name the track, each counted in the reader's plural.
    const uses = (['teams', 'submissions', 'jurors', 'invitations'] as const)
      .filter((key) => (use[key] ?? 0) > 0)
      .map((key) => t(`organizer.tracks.uses.${key}`, { count: use[key] }));
    return uses.length > 0 ? t('organizer.tracks.inUse', { uses: uses.join(', ') }) : undefined;
  })();

  const modalTitle = (() => {
    switch (dialog?.kind) {
      case 'addTrack':
        return t('organizer.tracks.add');
      case 'editTrack':
        return t('organizer.tracks.editTitle', { track: dialog.track.name });
      case 'addChallenge':
        return t('organizer.tracks.addChallengeTo', { track: dialog.track.name });
      case 'editChallenge':
        return t('organizer.challenges.editTitle', { title: dialog.challenge.title });
      default:
        return '';
    }
  })();

  return (
    <Stack gap="md">
      {edition.tracks.length === 0 ? (
        <Text>{t('organizer.tracks.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {edition.tracks.map((track) => (
            <Card withBorder key={track.id} data-testid="organizer-track" component="article">
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Title order={2} size="h4">
                      {track.name}
                    </Title>
                    <Text size="sm" c="dimmed">
                      /{track.slug}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      variant="default"
                      size="compact-sm"
                      onClick={() => setDialog({ kind: 'editTrack', track })}
                      data-testid="edit-track"
                    >
                      {t('organizer.tracks.edit')}
                      <VisuallyHidden> · {track.name}</VisuallyHidden>
                    </Button>
                    <Button
                      variant="subtle"
                      c="red.9"
                      size="compact-sm"
                      onClick={() => setDialog({ kind: 'deleteTrack', track })}
                      data-testid="delete-track"
                    >
                      {t('organizer.tracks.delete')}
                      <VisuallyHidden> · {track.name}</VisuallyHidden>
                    </Button>
                  </Group>
                </Group>
                {track.description && <Text size="sm">{track.description}</Text>}
                <Text fw={600} size="sm" mt="xs">
                  {t('organizer.tracks.challenges', { count: track.challenges.length })}
                </Text>
                <Stack component="ul" gap="xs" className="plain-list">
                  {track.challenges.map((c) => (
                    <li key={c.id} data-testid="organizer-challenge">
                      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                        <Text size="sm" style={{ minWidth: 0 }}>
                          <Text span fw={600}>
                            {c.title}
                          </Text>
                          {c.sponsor && ` · ${c.sponsor}`}
                          {c.prize && ` · ${c.prize}`}
                        </Text>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            variant="subtle"
                            size="compact-xs"
                            onClick={() => setDialog({ kind: 'editChallenge', track, challenge: c })}
                            data-testid="edit-challenge"
                          >
                            {t('organizer.tracks.edit')}
                            <VisuallyHidden> · {c.title}</VisuallyHidden>
                          </Button>
                          <Button
                            variant="subtle"
                            c="red.9"
                            size="compact-xs"
                            onClick={() => setDialog({ kind: 'deleteChallenge', challenge: c })}
                            data-testid="delete-challenge"
                          >
                            {t('organizer.challenges.delete')}
                            <VisuallyHidden> · {c.title}</VisuallyHidden>
                          </Button>
                        </Group>
                      </Group>
                    </li>
                  ))}
                </Stack>
                <Button
                  variant="light"
                  size="xs"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setDialog({ kind: 'addChallenge', track })}
                  aria-label={t('organizer.tracks.addChallengeTo', { track: track.name })}
                >
                  {t('organizer.tracks.addChallenge')}
                </Button>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Button
        variant="outline"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setDialog({ kind: 'addTrack' })}
        data-testid="add-track"
      >
        {t('organizer.tracks.add')}
      </Button>
      <FormError error={remove.error} />

      <Modal
        opened={!!dialog && dialog.kind !== 'deleteChallenge' && dialog.kind !== 'deleteTrack'}
        onClose={close}
        title={<strong>{modalTitle}</strong>}
        centered
      >
        {(dialog?.kind === 'addTrack' || dialog?.kind === 'editTrack') && (
          <TrackForm
            editionId={edition.id}
            track={dialog.kind === 'editTrack' ? dialog.track : undefined}
            onDone={close}
          />
        )}
        {(dialog?.kind === 'addChallenge' || dialog?.kind === 'editChallenge') && (
          <ChallengeForm
            trackId={dialog.track.id}
            challenge={dialog.kind === 'editChallenge' ? dialog.challenge : undefined}
            onDone={close}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={dialog?.kind === 'deleteChallenge'}
        title={t('organizer.challenges.deleteTitle', {
          title: dialog?.kind === 'deleteChallenge' ? dialog.challenge.title : '',
        })}
        body={t('organizer.challenges.deleteBody')}
        confirm={t('organizer.challenges.delete')}
        danger
        loading={remove.isPending}
        onClose={close}
        onConfirm={() => {
          if (dialog?.kind !== 'deleteChallenge') return;
          const { challenge } = dialog;
          remove.mutate(challenge.id, {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                message: t('organizer.challenges.deleted', { title: challenge.title }),
              }),
            onSettled: close,
          });
        }}
      />
      <ConfirmModal
        opened={dialog?.kind === 'deleteTrack'}
        title={t('organizer.tracks.deleteTitle', {
          track: dialog?.kind === 'deleteTrack' ? dialog.track.name : '',
        })}
        body={t('organizer.tracks.deleteBody', {
          count: dialog?.kind === 'deleteTrack' ? dialog.track.challenges.length : 0,
        })}
        confirm={t('organizer.tracks.delete')}
        danger
        loading={removeTrack.isPending}
        onClose={closeTrackDialog}
        onConfirm={() => {
          if (dialog?.kind !== 'deleteTrack') return;
          const { track } = dialog;
          // A refusal (409 TRACK_IN_USE) stays in the dialog, saying what still names the track.
          removeTrack.mutate(track.id, {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t('organizer.tracks.deleted', { track: track.name }),
              });
              closeTrackDialog();
            },
          });
        }}
      >
        <FormError error={removeTrack.error} message={trackInUse} />
      </ConfirmModal>
    </Stack>
  );
}
