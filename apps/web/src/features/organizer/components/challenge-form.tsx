import { ChallengeCreateSchema, ChallengePatchSchema, type Challenge, type ChallengeCreate } from '@ca/shared';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { useAddChallenge, useUpdateChallenge } from '../mutations';

interface Values {
  title: string;
  description: string;
  sponsor: string;
  prize: string;
}

const toBody = (v: Values): ChallengeCreate => ({
  title: v.title,
  description: v.description,
  sponsor: v.sponsor.trim() || null,
  prize: v.prize.trim() || null,
});

/** A new challenge of a track, or an existing one's texts, sponsor and prize. */
export function ChallengeForm({
  trackId,
  challenge,
  onDone,
}: {
  trackId: string;
  challenge?: Challenge;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddChallenge(trackId);
  const update = useUpdateChallenge(challenge?.id ?? '');
  const mutation = challenge ? update : add;
  const labels = {
    title: t('organizer.challenges.title'),
    description: t('organizer.fields.description'),
    sponsor: t('organizer.challenges.sponsor'),
    prize: t('organizer.challenges.prize'),
  };
  const form = useForm<Values>({
    initialValues: {
      title: challenge?.title ?? '',
      description: challenge?.description ?? '',
      sponsor: challenge?.sponsor ?? '',
      prize: challenge?.prize ?? '',
    },
    validate: zodValidate(challenge ? ChallengePatchSchema : ChallengeCreateSchema, {
      label: labelsFrom(labels),
      t,
      toBody,
    }),
  });
  const submit = (values: Values) => {
    const options = {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: challenge
            ? t('organizer.challenges.saved', { title: values.title })
            : t('organizer.challenges.added', { title: values.title }),
        });
        onDone();
      },
      onError: (error: unknown) => showApiFieldError(form, error, { labels, t }),
    };
    if (challenge) update.mutate(toBody(values), options);
    else add.mutate(toBody(values), options);
  };

  return (
    <form noValidate data-testid="challenge-form" onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <FormError error={mutation.error} />
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
          <Button type="submit" loading={mutation.isPending}>
            {challenge ? t('forms.save') : t('organizer.tracks.addChallenge')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
