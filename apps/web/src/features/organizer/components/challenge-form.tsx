import {
  ChallengeCreateSchema,
  ChallengePatchSchema,
  type Challenge,
  type ChallengeCreate,
  localize,
  type LocalizedText,
} from '@ca/shared';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { bilingual, BilingualField, requireOneLanguage } from '../../../components/bilingual-field';
import { FormError } from '../../../components/form-error';
import { currentLanguage } from '../../../lib/i18n';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { useAddChallenge, useUpdateChallenge } from '../mutations';

interface Values {
  titleI18n: LocalizedText;
  descriptionI18n: LocalizedText;
  sponsorI18n: LocalizedText;
  prizeI18n: LocalizedText;
}

const toBody = (v: Values): ChallengeCreate => ({ ...v });

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
  const check = zodValidate(challenge ? ChallengePatchSchema : ChallengeCreateSchema, {
    label: labelsFrom(labels, { en: t('forms.language.en'), ro: t('forms.language.ro') }),
    t,
    toBody,
  });
  const form = useForm<Values>({
    initialValues: {
      titleI18n: bilingual(challenge?.titleI18n),
      descriptionI18n: bilingual(challenge?.descriptionI18n),
      sponsorI18n: bilingual(challenge?.sponsorI18n),
      prizeI18n: bilingual(challenge?.prizeI18n),
    },
    validate: (values) => ({
      ...requireOneLanguage(values.titleI18n, 'title', labels.title, t),
      ...check(values),
    }),
  });
  const submit = (values: Values) => {
    const title = localize(values.titleI18n, currentLanguage());
    const options = {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: challenge
            ? t('organizer.challenges.saved', { title })
            : t('organizer.challenges.added', { title }),
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
        <BilingualField form={form} field="title" label={labels.title} required testId="challenge-title" />
        <BilingualField form={form} field="description" label={labels.description} multiline />
        <BilingualField form={form} field="sponsor" label={labels.sponsor} testId="challenge-sponsor" />
        <BilingualField
          form={form}
          field="prize"
          label={labels.prize}
          description={t('organizer.challenges.prizeHint')}
          testId="challenge-prize"
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
