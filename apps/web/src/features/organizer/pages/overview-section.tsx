import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EditionCountdown } from '../../editions/components/edition-countdown';
import { CopyEditionModal } from '../components/copy-edition-modal';
import { editionKeys } from '../../editions/queries';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';
import { CONSOLE_SECTIONS, sectionPath, type SectionId } from '../console/sections';
import { organizerQueries } from '../queries';

interface Step {
  key: 'tracks' | 'challenges' | 'criteria' | 'jury' | 'published';
  done: boolean;
  section: SectionId;
}

/**
 * The console's first page: where the edition stands (phase, the next instant), what is left to
 * set up before it runs, and every section with what it is for.
 */
export function OverviewSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: editionKeys.all }),
    [queryClient],
  );
  const [copying, copyModal] = useDisclosure(false);
  const jurors = useInfiniteQuery(organizerQueries.jurors(edition.id));
  const invitations = useInfiniteQuery(organizerQueries.invitations(edition.id));
  const juryCount =
    (jurors.data?.pages[0]?.items.length ?? 0) +
    (invitations.data?.pages[0]?.items.filter((i) => i.status === 'pending').length ?? 0);

  const steps: Step[] = [
    { key: 'tracks', done: edition.tracks.length > 0, section: 'tracks' },
    {
      key: 'challenges',
      done: edition.tracks.length > 0 && edition.tracks.every((tr) => tr.challenges.length > 0),
      section: 'tracks',
    },
    { key: 'criteria', done: edition.criteria.length > 0, section: 'criteria' },
    { key: 'jury', done: juryCount > 0, section: 'jury' },
    { key: 'published', done: edition.published, section: 'edition' },
  ];

  return (
    <Stack gap="xl">
      <SectionHeader title={t('organizer.console.sections.overview')} documentTitle={edition.name} />
      <EditionCountdown edition={edition} onBoundary={refresh} />

      <section aria-labelledby="setup-title">
        <Title order={2} size="h3" id="setup-title" mb="sm">
          {t('organizer.overview.setup')}
        </Title>
        <Stack component="ul" gap="xs" className="plain-list" data-testid="setup-steps">
          {steps.map((step) => (
            <Group component="li" key={step.key} gap="sm" wrap="nowrap" data-done={step.done}>
              <ThemeIcon
                size="sm"
                radius="xl"
                color={step.done ? 'teal.9' : 'gray.6'}
                variant={step.done ? 'filled' : 'outline'}
                aria-hidden="true"
              >
                {step.done ? '✓' : ''}
              </ThemeIcon>
              <Text size="sm">
                <Anchor component={Link} to={sectionPath(edition.slug, sectionOf(step.section))} fw={600}>
                  {t(`organizer.overview.steps.${step.key}`)}
                </Anchor>
                {' — '}
                {step.done ? t('organizer.overview.done') : t('organizer.overview.todo')}
              </Text>
            </Group>
          ))}
        </Stack>
      </section>

      <section aria-labelledby="next-edition-title">
        <Title order={2} size="h3" id="next-edition-title" mb="xs">
          {t('console.copy.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm" maw={760}>
          {t('console.copy.intro')}
        </Text>
        <Button variant="light" onClick={copyModal.open} data-testid="copy-edition-open">
          {t('console.copy.open')}
        </Button>
        <CopyEditionModal edition={edition} opened={copying} onClose={copyModal.close} />
      </section>

      <section aria-labelledby="sections-title">
        <Title order={2} size="h3" id="sections-title" mb="sm">
          {t('organizer.overview.sections')}
        </Title>
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" className="plain-list">
          {CONSOLE_SECTIONS.filter((s) => s.path !== '').map((s) => (
            <Card component="li" withBorder key={s.id} padding="md">
              <Anchor component={Link} to={sectionPath(edition.slug, s)} fw={700}>
                {s.label(t)}
              </Anchor>
              <Text size="sm" c="dimmed" mt={4}>
                {t(`organizer.overview.about.${s.id}`, { defaultValue: '' })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}

const sectionOf = (id: SectionId) => CONSOLE_SECTIONS.find((s) => s.id === id) ?? CONSOLE_SECTIONS[0]!;
