import type { Edition } from '@ca/shared';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader, QueryError } from '../../../components/query-state';
import { JurorCallout } from '../../judging/components/juror-callout';
import { CurrentEdition } from '../components/current-edition';
import { EditionCard } from '../components/edition-card';
import { editionQueries } from '../queries';

const RUNNING = ['registration', 'hacking', 'judging'];

const byOpening = (a: Edition, b: Edition) =>
  Date.parse(a.registrationOpensAt) - Date.parse(b.registrationOpensAt);

/**
 * The edition the front door is about: a running one (the longest running, should several
 * overlap), else the next to come.
 */
export function currentEditionOf(editions: Edition[]): Edition | undefined {
  return (
    editions.filter((e) => RUNNING.includes(e.phase)).sort(byOpening)[0] ??
    editions.filter((e) => e.phase === 'upcoming').sort(byOpening)[0]
  );
}

/**
 * `/`: the front door of the event. The current edition with its dates, phase, tracks,
 * challenges and prizes, the countdown that matters to whoever is looking and their next step;
 * the other editions below, past ones last.
 */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('common.tagline')} · ${t('common.appName')}`);
  const editions = useQuery(editionQueries.list());

  if (editions.isPending) return <PageLoader />;
  if (editions.isError) return <QueryError error={editions.error} onRetry={() => void editions.refetch()} />;
  // Drafts (organizers see them in the list) belong to the organizer console, not the front door.
  const published = editions.data.items.filter((e) => e.published);
  const current = currentEditionOf(published);
  const others = published.filter((e) => e.id !== current?.id);
  const past = others.filter((e) => e.phase === 'finished');
  const coming = others.filter((e) => e.phase !== 'finished');

  return (
    <Stack gap="xl">
      <JurorCallout />
      {current ? (
        <CurrentEdition slug={current.slug} />
      ) : (
        <div>
          <Title order={1} className="page-title" mb="xs">
            {t('editions.list.title')}
          </Title>
          <Text maw={720}>
            {published.length === 0 ? t('editions.list.empty') : t('editions.list.intro')}
          </Text>
        </div>
      )}
      {coming.length > 0 && <EditionList id="coming" title={t('editions.home.coming')} editions={coming} />}
      {past.length > 0 && <EditionList id="past" title={t('editions.home.past')} editions={past} />}
    </Stack>
  );
}

function EditionList({ id, title, editions }: { id: string; title: string; editions: Edition[] }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`${id}-editions`}>
      <Title order={2} id={`${id}-title`} mb="md">
        {title}
      </Title>
      <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} spacing="lg" className="plain-list">
        {editions.map((edition) => (
          <EditionCard key={edition.id} edition={edition} />
        ))}
      </SimpleGrid>
    </section>
  );
}
