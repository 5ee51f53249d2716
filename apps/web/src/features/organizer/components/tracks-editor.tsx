import {
  ChallengeCreateSchema,
  TrackCreateSchema,
  type ChallengeCreate,
  type Edition,
  type Track,
} from '@ca/shared';
import {
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { slugify, useAddChallenge, useAddTrack } from '../queries';

/** The edition's tracks with their challenges; adding a track or a challenge opens a dialog. */
export function TracksEditor({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const [addingTrack, setAddingTrack] = useState(false);
  const [challengeFor, setChallengeFor] = useState<Track | null>(null);

  return (
    <Stack gap="md">
      {edition.tracks.length === 0 ? (
        <Text>{t('organizer.tracks.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {edition.tracks.map((track) => (
            <Card withBorder key={track.id} data-testid="organizer-track">
              <Stack gap="xs">
                <Title order={3} size="h4">
                  {track.name}
                </Title>
                <Text size="sm" c="dimmed">
                  /{track.slug}
                </Text>
                {track.description && <Text size="sm">{track.description}</Text>}
                <Text fw={600} size="sm" mt="xs">
                  {t('organizer.tracks.challenges', { count: track.challenges.length })}
                </Text>
                <Stack component="ul" gap={4} className="plain-list">
                  {track.challenges.map((c) => (
                    <li key={c.id}>
                      <Text size="sm">
                        <Text span fw={600}>
                          {c.title}
                        </Text>
                        {c.sponsor && ` · ${c.sponsor}`}
                        {c.prize && ` · ${c.prize}`}
                      </Text>
                    </li>
                  ))}
                </Stack>
                <Button
                  variant="light"
                  size="xs"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setChallengeFor(track)}
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
        onClick={() => setAddingTrack(true)}
        data-testid="add-track"
      >
        {t('organizer.tracks.add')}
      </Button>

      <Modal
        opened={addingTrack}
        onClose={() => setAddingTrack(false)}
        title={t('organizer.tracks.add')}
        centered
      >
        <TrackForm editionId={edition.id} onDone={() => setAddingTrack(false)} />
      </Modal>
      <Modal
        opened={!!challengeFor}
        onClose={() => setChallengeFor(null)}
        title={challengeFor ? t('organizer.tracks.addChallengeTo', { track: challengeFor.name }) : ''}
        centered
      >
        {challengeFor && <ChallengeForm trackId={challengeFor.id} onDone={() => setChallengeFor(null)} />}
      </Modal>
    </Stack>
  );
}

function TrackForm({ editionId, onDone }: { editionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddTrack(editionId);
  const labels = {
    name: t('organizer.tracks.name'),
    slug: t('organizer.fields.slug'),
    description: t('organizer.fields.description'),
  };
  const form = useForm({
    initialValues: { name: '', slug: '', description: '' },
    validate: zodValidate(TrackCreateSchema, { label: labelsFrom(labels), t }),
  });
  return (
    <form
      noValidate
      data-testid="track-form"
      onSubmit={form.onSubmit((values) =>
        add.mutate(values, {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              message: t('organizer.tracks.added', { track: values.name }),
            });
            onDone();
          },
          onError: (error) => showApiFieldError(form, error, { labels, t }),
        }),
      )}
    >
      <Stack gap="md">
        <FormError error={add.error} />
        <TextInput
          label={labels.name}
          required
          data-autofocus
          {...form.getInputProps('name')}
          onBlur={() => {
            if (!form.values.slug) form.setFieldValue('slug', slugify(form.values.name));
          }}
        />
        <TextInput
          label={labels.slug}
          description={t('organizer.fields.slugHint')}
          required
          {...form.getInputProps('slug')}
        />
        <Textarea label={labels.description} autosize minRows={2} {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('forms.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('organizer.tracks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChallengeForm({ trackId, onDone }: { trackId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddChallenge(trackId);
  const labels = {
    title: t('organizer.challenges.title'),
    description: t('organizer.fields.description'),
    sponsor: t('organizer.challenges.sponsor'),
    prize: t('organizer.challenges.prize'),
  };
  const toBody = (v: {
    title: string;
    description: string;
    sponsor: string;
    prize: string;
  }): ChallengeCreate => ({
    title: v.title,
    description: v.description,
    sponsor: v.sponsor.trim() || null,
    prize: v.prize.trim() || null,
  });
  const form = useForm({
    initialValues: { title: '', description: '', sponsor: '', prize: '' },
    validate: zodValidate(ChallengeCreateSchema, { label: labelsFrom(labels), t, toBody }),
  });
  return (
    <form
      noValidate
      data-testid="challenge-form"
      onSubmit={form.onSubmit((values) =>
        add.mutate(toBody(values), {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              message: t('organizer.challenges.added', { title: values.title }),
            });
            onDone();
          },
          onError: (error) => showApiFieldError(form, error, { labels, t }),
        }),
      )}
    >
      <Stack gap="md">
        <FormError error={add.error} />
        <TextInput label={labels.title} required data-autofocus {...form.getInputProps('title')} />
        <Textarea label={labels.description} autosize minRows={2} {...form.getInputProps('description')} />
        <TextInput label={labels.sponsor} {...form.getInputProps('sponsor')} />
        <TextInput
          label={labels.prize}
          description={t('organizer.challenges.prizeHint')}
          {...form.getInputProps('prize')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('forms.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('organizer.tracks.addChallenge')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
