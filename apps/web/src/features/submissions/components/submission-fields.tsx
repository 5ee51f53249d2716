import type { Track } from '@ca/shared';
import {
  Fieldset,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { MarkdownView } from '../../markdown/markdown-view';
import type { ContentField, ContentValues, InvalidKey } from '../content';

const URL_FIELDS = ['repoUrl', 'demoUrl', 'videoUrl'] as const;
const DESCRIPTION_MAX = 20_000;

/** The project's fields: title, tagline, the Markdown description with its live preview, links, tags, challenges. */
export function SubmissionFields({
  form,
  readOnly,
  track,
  challengeTitles,
  onBlur,
}: {
  form: UseFormReturnType<ContentValues>;
  readOnly: boolean;
  track: Track | undefined;
  challengeTitles: Map<string, string>;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const description = useDeferredValue(form.values.description);
  const trackChallengeIds = new Set(track?.challenges.map((c) => c.id));
  const challengeOptions = [
    ...(track?.challenges.map((c) => ({ value: c.id, label: c.title })) ?? []),
    ...form.values.challengeIds
      .filter((id) => !trackChallengeIds.has(id))
      .map((id) => ({ value: id, label: challengeTitles.get(id) ?? id })),
  ];
  // Field errors are i18n keys (`contentErrors`), translated here.
  const field = <K extends ContentField>(name: K) => {
    const props = form.getInputProps(name);
    const error = form.errors[name];
    return { ...props, error: error ? t(error as InvalidKey) : undefined, readOnly };
  };

  return (
    <form
      aria-labelledby="editor-title"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onBlur={onBlur}
      data-testid="submission-form"
    >
      <Stack gap="md">
        <TextInput
          label={t('submissions.editor.fields.title')}
          required
          maxLength={200}
          data-testid="field-title"
          {...field('title')}
        />
        <TextInput
          label={t('submissions.editor.fields.tagline')}
          description={t('submissions.editor.fields.taglineHint')}
          maxLength={300}
          data-testid="field-tagline"
          {...field('tagline')}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Textarea
            label={t('submissions.editor.fields.description')}
            description={t('submissions.editor.fields.descriptionHint')}
            autosize
            minRows={12}
            maxRows={30}
            data-testid="field-description"
            {...field('description')}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
          />
          <section aria-labelledby="preview-title" className="preview-section">
            <Text id="preview-title" component="h2" fw={700} size="sm" mb={4}>
              {t('submissions.editor.fields.preview')}
            </Text>
            <Paper withBorder p="md" className="description-preview">
              <MarkdownView
                source={description}
                headingOffset={2}
                empty={t('submissions.editor.fields.previewEmpty')}
                data-testid="description-preview"
              />
            </Paper>
          </section>
        </SimpleGrid>
        <Text size="xs" c="dimmed" aria-live="off">
          {t('submissions.editor.fields.descriptionCount', {
            count: form.values.description.length,
            max: DESCRIPTION_MAX.toLocaleString(format.language === 'ro' ? 'ro-RO' : 'en-GB'),
          })}
        </Text>
        <Fieldset legend={<strong>{t('submissions.editor.fields.links')}</strong>} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {URL_FIELDS.map((name) => (
              <TextInput
                key={name}
                type="url"
                label={t(`submissions.editor.fields.${name}`)}
                placeholder={t('submissions.editor.fields.urlPlaceholder')}
                data-testid={`field-${name}`}
                {...field(name)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <TagsInput
          label={t('submissions.editor.fields.techTags')}
          description={t('submissions.editor.fields.techTagsHint')}
          maxTags={20}
          clearable={!readOnly}
          data-testid="field-techTags"
          {...field('techTags')}
        />
        <MultiSelect
          label={t('submissions.editor.fields.challenges')}
          description={
            track && track.challenges.length > 0
              ? t('submissions.editor.fields.challengesHint', { track: track.name })
              : t('submissions.editor.fields.noChallenges')
          }
          data={challengeOptions}
          disabled={challengeOptions.length === 0}
          searchable
          data-testid="field-challenges"
          {...field('challengeIds')}
        />
      </Stack>
    </form>
  );
}
