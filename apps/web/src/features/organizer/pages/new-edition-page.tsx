import { Anchor, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DatesLocale } from '../../../components/dates-locale';
import { EditionForm } from '../components/edition-form';

/** `/organize/editions/new`: a new edition; once created, on to its console for tracks and criteria. */
export function NewEditionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(`${t('organizer.editor.newTitle')} · ${t('common.appName')}`);
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/organize" size="sm" fw={600}>
        ← {t('organizer.console.allEditions')}
      </Anchor>
      <Title order={1} className="page-title">
        {t('organizer.editor.newTitle')}
      </Title>
      <DatesLocale>
        <EditionForm
          onSaved={(e) => {
            notifications.show({ color: 'green', message: t('organizer.editor.created', { name: e.name }) });
            void navigate(`/organize/editions/${e.slug}/tracks`, { replace: true });
          }}
        />
      </DatesLocale>
    </Stack>
  );
}
