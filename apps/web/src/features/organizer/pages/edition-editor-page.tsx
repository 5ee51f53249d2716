import { Anchor, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormError } from '../../../components/form-error';
import { QueryPageState } from '../../../components/query-state';
import { PhaseBadge } from '../../editions/components/phase-badge';
import { editionQueries } from '../../editions/queries';
import { CriteriaEditor } from '../components/criteria-editor';
import { DatesLocale } from '../components/dates-locale';
import { EditionForm } from '../components/edition-form';
import { TracksEditor } from '../components/tracks-editor';
import { useUpdateEdition } from '../queries';

/** `/organize/editions/new`: a new edition; once created, on to its editor for tracks and criteria. */
export function NewEditionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(`${t('organizer.editor.newTitle')} · ${t('common.appName')}`);
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/organize" size="sm" fw={600}>
        ← {t('organizer.list.title')}
      </Anchor>
      <Title order={1} className="page-title">
        {t('organizer.editor.newTitle')}
      </Title>
      <DatesLocale>
        <EditionForm
          onSaved={(e) => {
            notifications.show({ color: 'green', message: t('organizer.editor.created', { name: e.name }) });
            void navigate(`/organize/editions/${e.slug}`, { replace: true });
          }}
        />
      </DatesLocale>
    </Stack>
  );
}

/** `/organize/editions/:slug`: publish, details and timeline, tracks and challenges, criteria. */
export function EditionEditorPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const edition = useQuery(editionQueries.detail(slug));
  const publish = useUpdateEdition(edition.data?.id ?? '');
  useDocumentTitle(
    `${edition.data?.name ?? t('common.loading')} · ${t('organizer.list.title')} · ${t('common.appName')}`,
  );

  if (edition.isPending || edition.isError) return <QueryPageState query={edition} />;
  const e = edition.data;

  return (
    <Stack gap="xl" maw={960}>
      <Stack gap="sm">
        <Anchor component={Link} to="/organize" size="sm" fw={600}>
          ← {t('organizer.list.title')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} className="page-title">
            {e.name}
          </Title>
          <PhaseBadge phase={e.phase} size="lg" />
        </Group>
        <Anchor component={Link} to={`/editions/${e.slug}`} fw={600}>
          {t('organizer.editor.viewPublic')}
        </Anchor>
        <Switch
          size="md"
          checked={e.published}
          disabled={publish.isPending}
          label={e.published ? t('organizer.editor.publishedOn') : t('organizer.editor.publishedOff')}
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
        <FormError error={publish.error} />
      </Stack>

      <section aria-labelledby="details-title">
        <Title order={2} id="details-title" mb="md">
          {t('organizer.editor.details')}
        </Title>
        <DatesLocale>
          <EditionForm
            edition={e}
            onSaved={(saved) => {
              notifications.show({ color: 'green', message: t('forms.saved') });
              if (saved.slug !== slug) void navigate(`/organize/editions/${saved.slug}`, { replace: true });
            }}
          />
        </DatesLocale>
      </section>

      <section aria-labelledby="tracks-title">
        <Title order={2} id="tracks-title" mb="md">
          {t('editions.tracks.title')}
        </Title>
        <TracksEditor edition={e} />
      </section>

      <section aria-labelledby="criteria-edit-title">
        <Title order={2} id="criteria-edit-title" mb="md">
          {t('organizer.criteria.title')}
        </Title>
        <CriteriaEditor key={e.criteria.map((c) => c.id).join()} editionId={e.id} criteria={e.criteria} />
      </section>
      <Text size="sm" c="dimmed">
        {t('organizer.editor.auditNote')}
      </Text>
    </Stack>
  );
}
