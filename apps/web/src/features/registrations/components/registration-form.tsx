import { MAX_SKILLS, RegistrationCreateSchema, type RegistrationCreateInput } from '@ca/shared';
import { Button, Stack, Switch, TagsInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { useRegisterForEdition } from '../mutations';

interface Values {
  skills: string[];
  lookingForTeam: boolean;
  shareContact: boolean;
}

/** Registering for an edition as a participant: skills (free tags) and "looking for a team". */
export function RegistrationForm({
  editionId,
  onRegistered,
}: {
  editionId: string;
  onRegistered?: () => void;
}) {
  const { t } = useTranslation();
  const register = useRegisterForEdition(editionId);
  const labels = {
    skills: t('registrations.fields.skills'),
    lookingForTeam: t('registrations.fields.lookingForTeam'),
    shareContact: t('registrations.fields.shareContact'),
  };
  const form = useForm<Values>({
    initialValues: { skills: [], lookingForTeam: true, shareContact: false },
    validate: zodValidate(RegistrationCreateSchema, { label: labelsFrom(labels), t }),
  });

  return (
    <form
      noValidate
      data-testid="registration-form"
      onSubmit={form.onSubmit((values) =>
        register.mutate(values satisfies RegistrationCreateInput, {
          onSuccess: () => onRegistered?.(),
          onError: (error) => showApiFieldError(form, error, { labels, t }),
        }),
      )}
    >
      <Stack gap="md">
        <FormError error={register.error} />
        <TagsInput
          label={labels.skills}
          description={t('registrations.fields.skillsHint', { count: MAX_SKILLS })}
          placeholder={t('registrations.fields.skillsPlaceholder')}
          splitChars={[',', ';']}
          clearable
          acceptValueOnBlur
          data-testid="registration-skills"
          {...form.getInputProps('skills')}
        />
        <Switch
          label={labels.lookingForTeam}
          description={t('registrations.fields.lookingForTeamHint')}
          data-testid="registration-looking"
          {...form.getInputProps('lookingForTeam', { type: 'checkbox' })}
        />
        <Switch
          label={labels.shareContact}
          description={t('registrations.fields.shareContactHint')}
          data-testid="registration-share-contact"
          {...form.getInputProps('shareContact', { type: 'checkbox' })}
        />
        <Button
          type="submit"
          loading={register.isPending}
          data-testid="registration-submit"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('registrations.submit')}
        </Button>
      </Stack>
    </form>
  );
}
