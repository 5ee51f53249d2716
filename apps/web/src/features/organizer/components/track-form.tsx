import { TrackCreateSchema, TrackPatchSchema, localize, type LocalizedText, type Track } from '@ca/shared';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { bilingual, BilingualField, requireOneLanguage } from '../../../components/bilingual-field';
import { FormError } from '../../../components/form-error';
import { currentLanguage } from '../../../lib/i18n';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { slugify, useAddTrack, useUpdateTrack } from '../mutations';

interface Values {
  nameI18n: LocalizedText;
  slug: string;
  descriptionI18n: LocalizedText;
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
  const check = zodValidate(track ? TrackPatchSchema : TrackCreateSchema, {
    label: labelsFrom(labels, { en: t('forms.language.en'), ro: t('forms.language.ro') }),
    t,
  });
  const form = useForm<Values>({
    initialValues: {
      nameI18n: bilingual(track?.nameI18n),
      slug: track?.slug ?? '',
      descriptionI18n: bilingual(track?.descriptionI18n),
    },
    validate: (values) => ({
      ...requireOneLanguage(values.nameI18n, 'name', labels.name, t),
      ...check(values),
    }),
  });
  const onError = (error: unknown) => showApiFieldError(form, error, { labels, t });
  const submit = (values: Values) => {
    const name = localize(values.nameI18n, currentLanguage());
    const onSuccess = () => {
      notifications.show({
        color: 'green',
        message: track
          ? t('organizer.tracks.saved', { track: name })
          : t('organizer.tracks.added', { track: name }),
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
        <BilingualField
          form={form}
          field="name"
          label={labels.name}
          required
          testId="track-name"
          onBlur={() => {
            if (!form.values.slug)
              form.setFieldValue('slug', slugify(form.values.nameI18n.en || form.values.nameI18n.ro));
          }}
        />
        <TextInput
          label={labels.slug}
          description={t('organizer.fields.slugHint')}
          required
          {...form.getInputProps('slug')}
        />
        <BilingualField form={form} field="description" label={labels.description} multiline />
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
