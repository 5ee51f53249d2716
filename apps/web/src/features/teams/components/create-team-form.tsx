import { TeamCreateSchema, type TeamCreate, type Track } from '@ca/shared';
import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { useCreateTeam } from '../mutations';

/** A new team in one of the edition's tracks; its creator becomes the captain. */
export function CreateTeamForm({ editionId, tracks }: { editionId: string; tracks: Track[] }) {
  const { t } = useTranslation();
  const create = useCreateTeam(editionId);
  const labels = { name: t('teams.fields.name'), trackId: t('teams.fields.track') };
  const form = useForm<TeamCreate>({
    initialValues: { name: '', trackId: tracks.length === 1 ? tracks[0]!.id : '' },
    validate: zodValidate(TeamCreateSchema, {
      label: labelsFrom(labels),
      t,
      toBody: (v: TeamCreate) => ({ ...v, trackId: v.trackId || undefined }),
    }),
  });

  return (
    <form
      noValidate
      data-testid="create-team-form"
      onSubmit={form.onSubmit((values) =>
        create.mutate(values, {
          onError: (error) => showApiFieldError(form, error, { labels, t, byCode: { NAME_TAKEN: 'name' } }),
        }),
      )}
    >
      <Stack gap="md">
        <FormError error={create.error} />
        <TextInput label={labels.name} required data-testid="team-name" {...form.getInputProps('name')} />
        <Select
          label={labels.trackId}
          required
          data={tracks.map((track) => ({ value: track.id, label: track.name }))}
          allowDeselect={false}
          data-testid="team-track"
          {...form.getInputProps('trackId')}
        />
        <Button
          type="submit"
          loading={create.isPending}
          data-testid="create-team-submit"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('teams.create.submit')}
        </Button>
      </Stack>
    </form>
  );
}
