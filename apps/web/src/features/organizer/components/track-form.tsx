import { TrackCreateSchema, TrackPatchSchema, type Track } from '@ca/shared';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { slugify, useAddTrack, useUpdateTrack } from '../mutations';

interface Values {
  name: string;
  slug: string;
  description: string;
}

/** A new track of the edition, or an existing one's name, slug and description. */
export function TrackForm({
  editionId,
  track,
  onDone,
}: {
  editionId: string;
  track?: Track;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddTrack(editionId);
  const update = useUpdateTrack(track?.id ?? '');
  const mutation = track ? update : add;
  const labels = {
    name: t('organizer.tracks.name'),
    slug: t('organizer.fields.slug'),
    description: t('organizer.fields.description'),
  };
  const form = useForm<Values>({
    initialValues: { name: track?.name ?? '', slug: track?.slug ?? '', description: track?.description ?? '' },
    validate: zodValidate(track ? TrackPatchSchema : TrackCreateSchema, { label: labelsFrom(labels), t }),
  });
  const onError = (error: unknown) => showApiFieldError(form, error, { labels, t });
  const submit = (values: Values) => {
    const onSuccess = () => {
      notifications.show({
        color: 'green',
        message: track
          ? t('organizer.tracks.saved', { track: values.name })
          : t('organizer.tracks.added', { track: values.name }),
      });
      onDone();
    };
    if (track) update.mutate(values, { onSuccess, onError });
    else add.mutate(values, { onSuccess, onError });
  };

  return (
    <form noValidate data-testid="track-form" onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <FormError error={mutation.error} />
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
          <Button type="submit" loading={mutation.isPending}>
            {track ? t('forms.save') : t('organizer.tracks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
