import { Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DatesLocale } from '../../../components/dates-locale';
import { FormError } from '../../../components/form-error';
import { EditionForm } from '../components/edition-form';
import { PersonalDataPanel } from '../components/personal-data-panel';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';
import { useUpdateEdition } from '../mutations';

/** The console's "Edition and timeline": publishing, the texts, the timeline, team and judging settings. */
export function EditionSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const edition = useConsoleEdition();
  const publish = useUpdateEdition(edition.id);

  return (
    <Stack gap="lg">
      <SectionHeader
        title={t('organizer.console.sections.edition')}
        intro={t('organizer.editor.auditNote')}
      />
      <Stack gap="xs">
        <Switch
          size="md"
          checked={edition.published}
          disabled={publish.isPending}
          label={edition.published ? t('organizer.editor.publishedOn') : t('organizer.editor.publishedOff')}
          data-testid="publish-toggle"
          onChange={(ev) => {
            const published = ev.currentTarget.checked;
            publish.mutate(
              { published },
              {
                onSuccess: () =>
                  notifications.show({
                    color: 'green',
                    message: published ? t('organizer.editor.nowPublished') : t('organizer.editor.nowDraft'),
                  }),
              },
            );
          }}
        />
        {!edition.published && (
          <Text size="sm" c="dimmed">
            {t('organizer.fields.publishHint')}
          </Text>
        )}
        <FormError error={publish.error} />
      </Stack>
      <DatesLocale>
        <EditionForm
          edition={edition}
          onSaved={(saved) => {
            notifications.show({ color: 'green', message: t('forms.saved') });
            if (saved.slug !== edition.slug)
              void navigate(`/organize/editions/${saved.slug}/edition`, { replace: true });
          }}
        />
        <PersonalDataPanel edition={edition} />
      </DatesLocale>
    </Stack>
  );
}
