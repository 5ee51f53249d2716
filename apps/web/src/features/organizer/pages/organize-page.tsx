import type { Edition } from '@ca/shared';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader, QueryError } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { PhaseBadge } from '../../editions/components/phase-badge';
import { editionQueries } from '../../editions/queries';
import { CONSOLE_SECTIONS, sectionPath } from '../console/sections';

/**
 * `/organize` (organizers): every edition, drafts included, each with every section of its
 * console one click away, and a way to start a new edition.
 */
export function OrganizePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('organizer.list.title')} · ${t('common.appName')}`);
  const editions = useQuery(editionQueries.list());

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} className="page-title">
          {t('organizer.list.title')}
        </Title>
        <Button component={Link} to="/organize/editions/new" data-testid="new-edition">
          {t('organizer.list.new')}
        </Button>
      </Group>
      {editions.isPending ? (
        <PageLoader />
      ) : editions.isError ? (
        <QueryError error={editions.error} onRetry={() => void editions.refetch()} />
      ) : editions.data.items.length === 0 ? (
        <Text>{t('organizer.list.empty')}</Text>
      ) : (
        <Stack component="ul" gap="md" className="plain-list" data-testid="organizer-editions">
          {editions.data.items.map((e) => (
            <EditionConsoleCard key={e.id} edition={e} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function EditionConsoleCard({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `console-${edition.id}`;
  return (
    <Card component="li" withBorder padding="lg" data-testid="organizer-edition" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Title order={2} size="h3" id={headingId}>
            <Anchor component={Link} to={sectionPath(edition.slug, CONSOLE_SECTIONS[0]!)} inherit c="inherit">
              {edition.name}
            </Anchor>
          </Title>
          <PhaseBadge phase={edition.phase} />
          <Badge variant="filled" color={edition.published ? 'teal.9' : 'gray.7'}>
            {edition.published ? t('organizer.list.published') : t('organizer.list.draft')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('editions.list.hacking', {
            from: format.date(edition.hackingStartsAt),
            to: format.date(edition.submissionDeadline),
          })}
        </Text>
        <nav aria-label={t('organizer.list.sectionsOf', { edition: edition.name })}>
          <Group component="ul" gap="xs" className="plain-list" wrap="wrap">
            {CONSOLE_SECTIONS.map((s) => (
              <li key={s.id}>
                <Button
                  component={Link}
                  to={sectionPath(edition.slug, s)}
                  variant={s.path === '' ? 'filled' : 'light'}
                  size="compact-sm"
                  data-testid={`open-section-${s.id}`}
                >
                  {s.label(t)}
                </Button>
              </li>
            ))}
          </Group>
        </nav>
      </Stack>
    </Card>
  );
}
